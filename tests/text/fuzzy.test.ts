import { describe, expect, it } from "vitest";
import { deletions, editDistance, TypoIndex, typoAllowance } from "../../src/text/fuzzy.ts";

describe("editDistance (optimal string alignment)", () => {
  it.each([
    ["drones", "droens", 1],
    ["machine", "machien", 1],
    ["chip", "chip", 0],
    ["solar", "sonar", 1],
    ["abc", "xyz", 3],
    ["", "abc", 3],
    ["point", "chokepoint", 5],
  ])("%s ↔ %s = %i", (a, b, d) => {
    expect(editDistance(a, b)).toBe(d);
  });

  it.each([
    ["semiconductor", "semiconducter", 1, 1],
    ["point", "chokepoint", 2, 3],
    ["robotics", "robtics", 0, 1],
  ])("%s ↔ %s with limit %i gives %i (limit + 1 once it is exceeded)", (a, b, limit, d) => {
    expect(editDistance(a, b, limit)).toBe(d);
  });
});

describe("typoAllowance", () => {
  it.each([
    [3, 0],
    [4, 1],
    [5, 1],
    [8, 1],
    [9, 2],
    [14, 2],
  ])("a word of %i letters may carry %i typos", (length, allowed) => {
    expect(typoAllowance(length)).toBe(allowed);
  });
});

describe("deletions", () => {
  it.each([
    ["abc", 1, ["abc", "bc", "ac", "ab"]],
    ["aa", 1, ["aa", "a"]],
    ["ab", 2, ["ab", "a", "b", ""]],
  ])("%j with depth %i", (word, depth, expected) => {
    expect([...deletions(word, depth)].sort()).toEqual([...expected].sort());
  });
});

describe("TypoIndex", () => {
  const index = new TypoIndex([
    "chokepoint",
    "semiconductor",
    "subsidy",
    "robotics",
    "shipbuilding",
    "tariff",
  ]);

  it.each([
    ["semiconducter", ["semiconductor"]],
    ["subsdiy", ["subsidy"]],
    ["robtics", ["robotics"]],
    ["shipbuliding", ["shipbuilding"]],
    // Whole words of similar length only: a short word never matches inside a longer one.
    ["point", []],
    ["chip", []],
    ["tarif", ["tariff"]],
    ["fnud", []],
    ["bananas", []],
    // Longer than any indexed word by more than the allowance: nothing is near (and nothing is generated).
    ["semiconductorsss", []],
    ["中文问题很长".repeat(50), []],
  ])("%j → %j", (word, expected) => {
    expect(index.near(word).map((n) => n.word)).toEqual(expected);
  });

  it("never offers the word itself", () => {
    expect(index.near("subsidy")).toEqual([]);
  });
});
