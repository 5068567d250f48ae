import { describe, expect, it } from "vitest";
import {
  cosine,
  decodeWordVectors,
  embedText,
  encodeWordVectors,
  type WordVectors,
} from "../../src/text/word-vectors.ts";

/**
 * Words in three dimensions, most frequent first: "the" is the most frequent word, 2,000 others follow (all
 * zero), then three rare subject words.
 */
function tinyVectors(): WordVectors {
  const fillers = Array.from({ length: 2000 }, (_, i) => `filler${i}`);
  const words = ["the", ...fillers, "planes", "aircraft", "tariffs"];
  const rows = [[0, 0, 1], ...fillers.map(() => [0, 0, 0]), [1, 0.1, 0], [0.95, 0.2, 0], [0, 1, 0]].flatMap(
    (v) => v.map((x) => x / (Math.hypot(...v) || 1)),
  );
  const decoded = decodeWordVectors(words.join("\n"), encodeWordVectors(3, Float32Array.from(rows)));
  if ("error" in decoded) throw new Error(decoded.error);
  return decoded;
}

describe("word vectors", () => {
  const vectors = tinyVectors();
  const embed = (text: string) => embedText(vectors, text) as Float32Array;

  it("round-trip through the file format as int8", () => {
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

  it("embed a sentence near the sentences of the same sense", () => {
    expect(cosine(embed("the planes"), embed("aircraft"))).toBeGreaterThan(0.95);
    expect(cosine(embed("the planes"), embed("tariffs"))).toBeLessThan(0.3);
  });

  it("count the most frequent words for little (smooth inverse frequency)", () => {
    // "the" points elsewhere entirely, yet barely moves the sentence.
    expect(cosine(embed("the the aircraft"), embed("aircraft"))).toBeGreaterThan(0.99);
  });

  it.each([["芯片"], ["2025"], [""], ["xqzv"]])("have no embedding for %j (no word it knows)", (text) => {
    expect(embedText(vectors, text)).toBeNull();
  });
});
