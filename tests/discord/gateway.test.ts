import { describe, expect, it } from "vitest";
import { FATAL_CLOSE_CODES } from "../../src/discord/bot.ts";

describe("a gateway closed for good tells the operator what to do", () => {
  it.each([
    [4004, /Discord refused the token.*Reset Token/],
    [4010, /one process per token/],
    [4011, /sharding/],
    [4012, /update discord\.js/],
    [4013, /intents.*report it/],
    [4014, /Privileged Gateway Intents/],
  ])("close %i: %s", (code, action) => {
    expect(FATAL_CLOSE_CODES[code]).toMatch(action);
  });

  it.each([4000, 4007, 4009, 1000, 1006])(
    "close %i is not fatal (discord.js resumes or re-identifies)",
    (code) => {
      expect(FATAL_CLOSE_CODES[code]).toBeUndefined();
    },
  );
});
