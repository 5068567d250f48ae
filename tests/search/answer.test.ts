import { describe, expect, it } from "vitest";
import { loadKnowledgeOrThrow } from "../../src/knowledge/load.ts";
import { createSearch } from "../../src/search/index.ts";
import { analyseQuestion } from "../../src/search/query.ts";

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
    expect(results.slice(0, 3).some((r) => r.fact.topics.includes(topic))).toBe(true);
  });

  it.each([
    ["semiconducter chokepoint", "semiconductors"],
    ["芯片 dependence", "semiconductors"],
    ["bullet trains", "high-speed-rail"],
    ["tariffs on electric cars", "electric-vehicles"],
    ["how good are chinese planes", "commercial-aircraft"],
    ["are china's jets any good", "commercial-aircraft"],
  ])("%j reaches the facts of %s (typos, Chinese, everyday words)", (question, sectorId) => {
    expect(search.answer(question).results[0]?.fact.sectors).toContain(sectorId);
  });

  it.each([
    ["is shipbuilding one of the key sectors", "shipbuilding"],
    ["is robotics a priority sector", "robotics"],
  ])("%j puts the named sector's own fact above the ten-sector list", (question, sectorId) => {
    const [first] = search.answer(question).results;
    expect(first?.fact.sectors).toEqual(expect.arrayContaining([sectorId]));
    expect(first?.fact.id).not.toBe("plan-ten-key-sectors-list");
  });

  it("declines a question nothing answers even when its words are the facts' words", () => {
    const answer = search.answer("how many cars did china export last year");
    expect(answer.results).toEqual([]);
    expect(answer.suggestions.questions.length).toBeGreaterThan(0);
  });

  it("answers who wrote the assessment from the facts about the sources", () => {
    expect(top("who wrote that assessment")[0]).toMatch(/^(assessment-author-unnamed|fact-base-main-source)/);
  });

  it("answers a question that only names the plan, keeping the member's words as the query", () => {
    const answer = search.answer("what is made in china 2025");
    expect(answer.query).toBe("what is made in china 2025");
    expect(answer.results[0]?.fact.topics).toContain("history");
  });

  it.each([
    ["when did it come out", "plan-made-public-2015-05-19"],
    ["did china copy tech", "section-301-investigation-opened-2017"],
    ["how much did it cost taxpayers", "assessment-economic-costs"],
  ])("%j reaches %s in the top 3 through everyday words", (question, factId) => {
    expect(top(question).slice(0, 3)).toContain(factId);
  });

  it("gives each result a score and a calibrated confidence from 0 to 1, best first", () => {
    const { results } = search.answer("Where does China lead in electric vehicles?");
    expect(results.length).toBeGreaterThan(1);
    for (const r of results) {
      expect(r.score).toBeGreaterThan(0);
      expect(r.score).toBeLessThanOrEqual(1);
      expect(r.confidence).toBeGreaterThan(0);
      expect(r.confidence).toBeLessThan(1);
      expect(r.answerKind).toBe(r.fact.answerKind ?? null);
      expect(r.sectors.map((s) => s.id)).toEqual(r.fact.sectors);
    }
    const scores = results.map((r) => r.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });

  it.each(["What is the best dumpling recipe?", "How do I reverse a linked list in Python?"])(
    "declines %j and offers topics and a question it can answer",
    (question) => {
      const answer = search.answer(question);
      expect(answer.results).toEqual([]);
      expect(answer.suggestions.questions.length).toBeGreaterThan(0);
      expect(answer.suggestions.topics.length).toBeGreaterThan(0);
    },
  );

  it("offers the sector a miss seems to be about", () => {
    const answer = search.answer("power");
    const offered = [
      ...answer.results.flatMap((r) => r.fact.sectors),
      ...answer.suggestions.sectors.map((s) => s.id),
    ];
    expect(offered).toContain("power-equipment");
  });

  it("never lets a short word match inside a longer one by typo tolerance", () => {
    const variants = analyseQuestion("point", search.index).slots.flatMap((s) => s.variants);
    expect(variants.map((v) => search.index.terms[v.term])).not.toContain("chokepoint");
  });

  it.each(["", "?!", "<@123456789012345678> @everyone"])(
    "declines odd input %# with suggestions rather than a fact",
    (q) => {
      const answer = search.answer(q);
      expect(answer.results).toEqual([]);
      expect(answer.suggestions.questions.length).toBeGreaterThan(0);
    },
  );

  it("reads only the first 300 characters of a wall of text", () => {
    expect(search.answer("x".repeat(10_000)).query).toHaveLength(300);
  });

  it("answers the same question the same way every time", () => {
    expect(top("How did the US respond?")).toEqual(top("How did the US respond?"));
  });
});
