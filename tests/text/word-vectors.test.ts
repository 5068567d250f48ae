import { describe, expect, it } from "vitest";
import { loadKnowledgeOrThrow } from "../../src/knowledge/load.ts";
import {
  cosine,
  decodeWordVectors,
  embedText,
  encodeWordVectors,
  type WordVectors,
} from "../../src/text/word-vectors.ts";

const kb = loadKnowledgeOrThrow();
const vectors = kb.vectors as WordVectors;
const similarity = (a: string, b: string) =>
  cosine(embedText(vectors, a) as Float32Array, embedText(vectors, b) as Float32Array);

describe("word vectors", () => {
  it("ship with the knowledge base: 100,000 words of 100 dimensions", () => {
    expect(vectors.rows.size).toBe(100_000);
    expect(vectors.dims).toBe(100);
  });

  it("round-trip through the file format", () => {
    const rows = Float32Array.from([0.6, -0.8, 1, 0]);
    const decoded = decodeWordVectors("alpha\nbeta\n", encodeWordVectors(2, rows));
    if ("error" in decoded) throw new Error(decoded.error);
    expect([...decoded.data]).toEqual([76, -102, 127, 0]);
    expect(decoded.rows.get("beta")).toBe(1);
  });

  it.each([
    ["a file of another kind", "alpha\n", new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12])],
    [
      "more words than vectors",
      "alpha\nbeta\ngamma\n",
      encodeWordVectors(2, Float32Array.from([1, 0, 0, 1])),
    ],
    ["a cut-off file", "alpha\nbeta\n", encodeWordVectors(2, Float32Array.from([1, 0, 0, 1])).slice(0, 12)],
  ])("refuse %s with a reason", (_, words, bytes) => {
    expect(decodeWordVectors(words, bytes)).toEqual({ error: expect.any(String) });
  });

  it.each([
    ["do they make planes", "aircraft development", "rare earth export licences"],
    ["how cheap are their solar panels", "prices of photovoltaic modules", "aircraft engines"],
    ["money the state poured into chips", "semiconductor investment fund", "high-speed rail network"],
  ])("put %j nearer to %j than to %j", (question, near, far) => {
    expect(similarity(question, near)).toBeGreaterThan(similarity(question, far) + 0.1);
  });

  it.each([["芯片"], ["2025"], [""], ["xqzv"]])(
    "have no embedding for %j (no English word it knows)",
    (text) => {
      expect(embedText(vectors, text)).toBeNull();
    },
  );

  it("count frequent words for little (smooth inverse frequency)", () => {
    expect(similarity("what is the aircraft", "aircraft")).toBeGreaterThan(0.9);
  });
});
