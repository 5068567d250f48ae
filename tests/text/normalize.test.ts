import { describe, expect, it } from "vitest";
import { normalizeKey, normalizeText, stem, tokenize, withoutMentions } from "../../src/text/normalize.ts";

describe("normalizeText", () => {
  it.each([
    ["High-Speed Rail", "high speed rail"],
    ["ＨＩＧＨ－ＳＰＥＥＤ  rail", "high speed rail"],
    ["Électric   véhicles!!", "electric vehicles"],
    ["**chips** <@123>", "chips 123"],
    ["芯片，集成电路", "芯片 集成电路"],
    ["   ", ""],
  ])("%j → %j", (input, expected) => {
    expect(normalizeText(input)).toBe(expected);
  });
});

describe("withoutMentions", () => {
  it.each([
    ["<@123456789012345678> @everyone what is mic2025", "what is mic2025"],
    ["<@!42> chips <#99> <@&7> @here", "chips"],
    ["email me@example.com", "email me@example.com"],
  ])("%j reads as %j", (input, expected) => {
    expect(withoutMentions(input).replace(/\s+/g, " ").trim()).toBe(expected);
  });
});

describe("stem", () => {
  it.each([
    ["chips", "chip"],
    ["batteries", "battery"],
    ["subsidies", "subsidy"],
    ["evs", "ev"],
    ["robotics", "robotics"],
    ["replaced", "replac"],
    ["replace", "replac"],
    ["planes", "plane"],
    ["relies", "rely"],
    ["芯片", "芯片"],
  ])("%s → %s", (word, expected) => {
    expect(stem(word)).toBe(expected);
  });
});

describe("normalizeKey and tokenize", () => {
  it("gives one key to the spellings of one name", () => {
    const keys = new Set(["high-speed rail", "High Speed Rails", "HIGH  SPEED-RAIL"].map(normalizeKey));
    expect(keys.size).toBe(1);
  });

  it("keeps a run of Chinese characters as one token", () => {
    expect(tokenize("中国 芯片产业 chips")).toEqual(["中国", "芯片产业", "chip"]);
  });
});
