import { describe, expect, it } from "vitest";
import { loadKnowledgeOrThrow } from "../../src/knowledge/load.ts";
import { applyRewrites, compileLexicon, questionShape, removePlanNames } from "../../src/search/lexicon.ts";
import { normalizeText } from "../../src/text/normalize.ts";

const lexicon = compileLexicon(loadKnowledgeOrThrow().lexicon);
const words = (text: string) => normalizeText(text).split(" ");

describe("questionShape", () => {
  it.each([
    ["who wrote that assessment", "who", ["that", "assessment"]],
    ["when did it come out", "when", ["did", "it", "come", "out"]],
    ["how many robots did china install", "how-much", ["robots", "did", "china", "install"]],
    ["why did the us object", "why", ["did", "the", "us", "object"]],
    ["what is made in china 2025", "what-is", ["made", "in", "china", "2025"]],
    ["is china ahead in chips", "yes-no", ["china", "ahead", "in", "chips"]],
    ["chips compared to the us", "compare", ["chips", "to", "the", "us"]],
    ["list the ten sectors", "which", ["ten", "sectors"]],
    ["subsidies and overcapacity", null, ["subsidies", "and", "overcapacity"]],
  ])("%j is a %s question about %j", (question, type, rest) => {
    const shape = questionShape(words(question), lexicon);
    expect(shape.type).toBe(type);
    expect(shape.words).toEqual(rest);
  });

  it("counts a cue marked ^ only at the start", () => {
    expect(questionShape(words("what is it"), lexicon).type).toBe("what-is");
    expect(questionShape(words("where is it made"), lexicon).type).toBeNull();
  });
});

describe("removePlanNames", () => {
  it.each([
    ["what is made in china 2025", ["what", "is"], true],
    ["mic2025 goals", ["goals"], true],
    ["中国制造2025的目标", ["的目标"], true],
    ["what did the plan cost", ["what", "did", "cost"], true],
    ["made in china 2.0", ["2d0"], true],
    ["chips and robots", ["chips", "and", "robots"], false],
    // A typo in a later word of a name of several words still names the plan; a different year stays a word.
    ["wat is made in chian 2025", ["wat", "is"], true],
    ["made in china 2o25 sectors", ["sectors"], true],
    ["is there a made in china 2035", ["is", "there", "a", "2035"], true],
    ["mde in china", ["mde", "in", "china"], false],
  ])("%j → %j (named: %s)", (text, rest, named) => {
    expect(removePlanNames(words(text), lexicon)).toEqual({ words: rest, named });
  });
});

describe("applyRewrites", () => {
  it.each([
    ["IT sector", " information technology  sector"],
    ["is it big", "is it big"],
    ["the US response", "the  united states  response"],
    ["USTR", "USTR"],
  ])("%j → %j", (text, expected) => {
    expect(applyRewrites(text, lexicon)).toBe(expected);
  });
});
