import { describe, expect, it } from "vitest";
import { commonWords } from "../../src/knowledge/common-words.ts";

describe("commonWords", () => {
  const words = commonWords();

  it("holds about ten thousand everyday English words, normalised as questions are", () => {
    expect(words.size).toBeGreaterThan(9000);
    for (const word of words) expect(word).toMatch(/^[a-z0-9]+$/);
  });

  it.each(["pizza", "weather", "city", "letter", "rain"])("knows %j", (word) => {
    expect(words.has(word)).toBe(true);
  });

  it.each(["lowkey", "ngl", "xqzv", "semiconducter"])("does not know slang or a garbled word: %j", (word) => {
    expect(words.has(word)).toBe(false);
  });

  it("is read once", () => {
    expect(commonWords()).toBe(words);
  });
});
