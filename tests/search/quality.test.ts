import { describe, expect, it } from "vitest";
import { evaluateSearch, querySet } from "../../eval/query-set.ts";
import { loadKnowledgeOrThrow } from "../../src/knowledge/load.ts";
import { createSearch } from "../../src/search/index.ts";

// The labelled query set (tests/search/query-set.json) against the real knowledge base: what users get.
const evaluation = evaluateSearch(createSearch(loadKnowledgeOrThrow()));

describe("search quality on the labelled query set", () => {
  it("has enough queries to mean something", () => {
    expect(querySet.sectors.length + querySet.questions.length).toBeGreaterThanOrEqual(120);
  });

  it("resolves at least 98% of sector look-ups to the right sector", () => {
    const rate = evaluation.sectorHits / evaluation.sectorTotal;
    if (evaluation.sectorMisses.length) console.log(evaluation.sectorMisses.join("\n"));
    expect(rate, evaluation.sectorMisses.join("\n")).toBeGreaterThanOrEqual(0.98);
  });

  it("puts a right fact in the top 3 for at least 90% of questions", () => {
    const rate = evaluation.questionHits / evaluation.questionTotal;
    if (evaluation.questionMisses.length) console.log(evaluation.questionMisses.join("\n"));
    expect(rate, evaluation.questionMisses.join("\n")).toBeGreaterThanOrEqual(0.9);
  });

  it("answers most off-topic questions with 'no good match' instead of a wrong fact", () => {
    if (evaluation.offTopicMisses.length) console.log(evaluation.offTopicMisses.join("\n"));
    expect(evaluation.offTopicRejected / evaluation.offTopicTotal).toBeGreaterThanOrEqual(0.7);
  });
});
