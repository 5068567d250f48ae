import { describe, expect, it } from "vitest";
import { loadKnowledgeOrThrow } from "../../src/knowledge/load.ts";
import { createSearch } from "../../src/search/index.ts";
import { analyseQuestion } from "../../src/search/query.ts";
import { overlapWithQuestions } from "../../src/search/score.ts";

const { index } = createSearch(loadKnowledgeOrThrow());
const doc = (id: string) => index.facts.findIndex((f) => f.id === id);
const overlap = (q: string, id: string) => overlapWithQuestions(index, analyseQuestion(q, index), doc(id));

describe("overlapWithQuestions", () => {
  // The drones fact's reader question "Are drones one of the ten sectors?" has its own subject, drones.
  it.each([
    ["are drones one of the ten sectors", "sector-placement-drones", 0.9],
    ["which official sector do drones fall under", "sector-placement-drones", 0.9],
    ["what are the ten key sectors", "plan-ten-key-sectors-list", 0.5],
  ])("%j matches a reader question of %s closely (≥ %f)", (q, id, floor) => {
    expect(overlap(q, id)).toBeGreaterThanOrEqual(floor);
  });

  it.each([["ten key sectors", "sector-placement-drones", "plan-ten-key-sectors-list"]])(
    "%j is no paraphrase of %s's questions, which name their own subject: it overlaps %s more",
    (q, other, own) => {
      expect(overlap(q, other)).toBeLessThan(overlap(q, own));
    },
  );

  it.each(["best pizza in town", "what is the best laptop for students"])(
    "%j shares at most one common word with any reader question: a weak overlap everywhere (< 0.3)",
    (q) => {
      const analysis = analyseQuestion(q, index);
      const overlaps = index.facts.map((_, d) => overlapWithQuestions(index, analysis, d));
      expect(Math.max(...overlaps)).toBeLessThan(0.3);
    },
  );
});
