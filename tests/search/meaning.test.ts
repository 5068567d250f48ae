import { describe, expect, it } from "vitest";
import { loadKnowledgeOrThrow } from "../../src/knowledge/load.ts";
import { createSearch } from "../../src/search/index.ts";
import { meaningMatch } from "../../src/search/meaning.ts";

const kb = loadKnowledgeOrThrow();
const search = createSearch(kb);
const { vectors: _vectors, ...wordsOnlyKb } = kb;
const wordsOnly = createSearch(wordsOnlyKb);
const first = (engine: typeof search, q: string) => engine.answer(q).results[0]?.fact.id;

describe("ranking by meaning (word vectors)", () => {
  it.each([
    ["how many electric cars do they sell", ["nev-production-2024", "nev-share-of-new-car-sales-2024"]],
    ["do they make planes", ["assessment-aircraft-still-in-development", "c919-type-certificate-2022"]],
    ["how fast are the bullet trains", ["assessment-hsr-world-leading", "hsr-network-length-2024"]],
  ])("answers %j with a fact about it", (question, right) => {
    expect(right).toContain(first(search, question));
  });

  it("is what puts the sales fact first when the question shares few words with it", () => {
    const question = "how many electric cars do they sell";
    expect(first(wordsOnly, question)).not.toBe(first(search, question));
  });

  it("leaves a question with Chinese in it to the words: the vectors are English", () => {
    for (const q of ["芯片 dependence", "高铁 network length"]) {
      expect(search.rank(q).candidates.every((c) => c.meaning === 0)).toBe(true);
      expect(first(search, q)).toBe(first(wordsOnly, q));
    }
  });

  it("scores a fact by its closest text: its own reader question is nearly identical", () => {
    const fact = kb.facts.find((f) => f.questions.length) ?? kb.facts[0];
    const doc = kb.facts.indexOf(fact as (typeof kb.facts)[number]);
    const meaning = search.index.meaning;
    if (!meaning || !fact) throw new Error("no meaning index");
    const asked = search.rank(fact.questions[0] as string).query.vector;
    expect(meaningMatch(meaning, asked, doc)).toBeGreaterThan(0.99);
    expect(meaningMatch(meaning, null, doc)).toBe(0);
  });
});
