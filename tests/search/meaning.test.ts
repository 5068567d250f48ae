import { describe, expect, it } from "vitest";
import { loadKnowledgeOrThrow } from "../../src/knowledge/load.ts";
import { createSearch } from "../../src/search/index.ts";
import { meaningMatch } from "../../src/search/meaning.ts";
import { decodeWordVectors, encodeWordVectors, type WordVectors } from "../../src/text/word-vectors.ts";

const kb = loadKnowledgeOrThrow();

/** Every word of the facts on one axis, but "rail" and "trains" on another: a question about trains is near rail facts. */
function railVectors(): WordVectors {
  const words = ["trains", "rail", "railway", "network", "high", "speed", "china", "fast"];
  const rows = words.flatMap((w) =>
    ["trains", "rail", "railway", "fast", "speed"].includes(w) ? [1, 0] : [0, 1],
  );
  const decoded = decodeWordVectors(words.join("\n"), encodeWordVectors(2, Float32Array.from(rows)));
  if ("error" in decoded) throw new Error(decoded.error);
  return decoded;
}

describe("ranking by meaning (the word-vectors experiment, off in the bot)", () => {
  it("is off unless search is given vectors: the bot ranks by words", () => {
    const search = createSearch(kb);
    expect(search.index.meaning).toBeNull();
    expect(search.rank("how fast are the bullet trains").candidates.every((c) => c.meaning === 0)).toBe(true);
  });

  it("scores a fact by its closest text, and raises facts close in meaning", () => {
    const search = createSearch(kb, { vectors: railVectors() });
    const meaning = search.index.meaning;
    if (!meaning) throw new Error("no meaning index");
    const { query, candidates } = search.rank("how fast are the trains");
    const rail = kb.facts.findIndex((f) => f.sectors.includes("high-speed-rail"));
    expect(meaningMatch(meaning, query.vector, rail)).toBeGreaterThan(0.5);
    expect(meaningMatch(meaning, null, rail)).toBe(0);
    const first = candidates[0];
    expect(first && kb.facts[first.doc]?.sectors).toContain("high-speed-rail");
    expect(first?.meaning).toBeGreaterThan(0);
  });

  it("leaves a question with Chinese in it to the words: the vectors are English", () => {
    const search = createSearch(kb, { vectors: railVectors() });
    expect(search.rank("高铁 trains").query.vector).toBeNull();
  });
});
