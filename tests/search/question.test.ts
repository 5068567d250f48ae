import { describe, expect, it } from "vitest";
import { loadKnowledgeOrThrow } from "../../src/knowledge/load.ts";
import { createSearch } from "../../src/search/index.ts";

const search = createSearch(loadKnowledgeOrThrow());
const top = (q: string) => search.answer(q).results.map((r) => r.fact.id);

describe("answer", () => {
  it.each([
    ["Which industries does China still rely on other countries for?", "dependencies"],
    ["how did the US respond", "trade-response"],
    ["What is Made in China 2.0?", "made-in-china-2-0"],
    ["subsidies and overcapacity", "costs-and-distortions"],
  ])("%j is answered with facts of the topic %s", (question, topic) => {
    const results = search.answer(question).results;
    expect(results.length).toBeGreaterThan(0);
    expect(results.slice(0, 3).some((r) => r.fact.topics.includes(topic))).toBe(true);
  });

  it.each([
    ["semiconducter chokepoint", "semiconductors"],
    ["芯片 dependence", "semiconductors"],
    ["bullet trains", "high-speed-rail"],
    ["tariffs on electric cars", "electric-vehicles"],
  ])("%j reaches the facts of %s (typos, Chinese, synonyms)", (question, sectorId) => {
    expect(search.answer(question).results[0]?.fact.sectors).toContain(sectorId);
  });

  it("gives each result a score from 0 to 1, best first, with the sector's context", () => {
    const { results } = search.answer("Where does China lead in electric vehicles?");
    expect(results.length).toBeGreaterThan(1);
    for (const r of results) {
      expect(r.score).toBeGreaterThan(0);
      expect(r.score).toBeLessThanOrEqual(1);
      expect(r.sectors.map((s) => s.id)).toEqual(r.fact.sectors);
    }
    const scores = results.map((r) => r.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });

  it("answers a question it cannot answer with suggestions instead of a wrong fact", () => {
    const answer = search.answer("What is the best dumpling recipe?");
    expect(answer.results).toEqual([]);
    expect(answer.suggestions.questions.length).toBeGreaterThan(0);
    expect(answer.suggestions.topics.length).toBeGreaterThan(0);
  });

  it("suggests the sector a miss seems to be about", () => {
    const answer = search.answer("power");
    expect(answer.results.length + answer.suggestions.sectors.length).toBeGreaterThan(0);
  });

  it("answers the same question the same way every time", () => {
    expect(top("How did the US respond?")).toEqual(top("How did the US respond?"));
  });

  it("treats a question that only names the plan as a question about the plan", () => {
    expect(top("what is made in china 2025")).toContain("plan-issued-state-council-2015");
  });

  it.each(["", "?!", "<@123456789012345678> @everyone", "x".repeat(10_000), "# heading\n- list"])(
    "survives odd input %#",
    (q) => {
      expect(() => search.answer(q)).not.toThrow();
    },
  );
});
