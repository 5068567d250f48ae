import { describe, expect, it } from "vitest";
import { boundInput } from "../../src/discord/input.ts";

describe("what a member typed, bounded before search", () => {
  it.each([
    ["semiconductors", 100, "semiconductors"],
    ["x".repeat(150), 100, "x".repeat(100)],
    ["芯片", 100, "芯片"],
    // U+FDFA expands to 18 characters under NFKC: 100 of them would be 1,800.
    ["\uFDFA".repeat(100), 100, "\uFDFA".repeat(5)],
    ["ab\uFDFA".repeat(40), 100, "ab\uFDFA".repeat(5)],
    ["ＨＩＧＨ－ＳＰＥＥＤ rail", 100, "ＨＩＧＨ－ＳＰＥＥＤ rail"],
    // Lengths are JavaScript's (UTF-16 units), as search measures them: an emoji counts 2.
    ["😀".repeat(120), 100, "😀".repeat(50)],
  ])("%j (max %i) → %j", (typed, max, expected) => {
    const bounded = boundInput(typed, max);
    expect(bounded).toBe(expected);
    expect(bounded.normalize("NFKC").length).toBeLessThanOrEqual(max);
  });
});
