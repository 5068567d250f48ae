import { describe, expect, it } from "vitest";
import { loadKnowledgeOrThrow } from "../../src/knowledge/load.ts";
import { authoredTexts, copiedRuns, figuresOf, unsourcedFigures } from "../../src/knowledge/source-check.ts";

const SOURCE =
  "China holds over 80% of every manufacturing stage of solar panels, about 48,000 km of rail in 2024.";

describe("source checks for authors", () => {
  it.each([
    ["12.89 million in 2024", ["12.89", "2024"]],
    ["about 48,000 km", ["48000"]],
    ["the C919 and 5G", ["919", "5"]],
    ["ｆｕｌｌ-width ２０２５", ["2025"]],
    ["no figures here", []],
  ])("figuresOf(%j) = %j", (text, figures) => {
    expect(figuresOf(text)).toEqual(figures);
  });

  it("flags a figure no source holds, and only that one", () => {
    const findings = unsourcedFigures(
      [{ where: "fact x", text: "In 2024 about 48,000 km, or 81% of it." }],
      [SOURCE],
    );
    expect(findings).toEqual([{ where: "fact x", message: '"81" is in no source text' }]);
  });

  it("flags eight words copied in a row, but not quoted titles", () => {
    const texts = [
      {
        where: "copied",
        text: "As it says, China holds over 80% of every manufacturing stage of solar panels.",
      },
      { where: "own words", text: "China's share exceeds 80% at each stage of making solar panels." },
      {
        where: "quoted",
        text: 'A report titled "China holds over 80% of every manufacturing stage of solar panels".',
      },
    ];
    expect(copiedRuns(texts, [SOURCE]).map((f) => f.where)).toEqual(["copied"]);
  });

  it("reads every text users see: facts, keywords, summaries, status lines, lessons and quiz questions", () => {
    const kb = loadKnowledgeOrThrow();
    const where = new Set(authoredTexts(kb).map((t) => t.where.split(" ")[0]));
    expect([...where].sort()).toEqual(["fact", "lesson", "quiz", "sector"]);
  });
});
