import { describe, expect, it } from "vitest";
import { cooldownMessage, createBudget } from "../../src/discord/cooldown.ts";

const rules = { command: { burst: 3, perSecond: 1 }, autocomplete: { burst: 2, perSecond: 10 } };

describe("per-member cooldowns", () => {
  it.each([
    // kind, times the member sends (ms), which are let through
    ["command", [0, 0, 0, 0], [true, true, true, false]],
    ["command", [0, 0, 0, 1000], [true, true, true, true]],
    ["command", [0, 0, 0, 500], [true, true, true, false]],
    ["autocomplete", [0, 0, 0, 100], [true, true, false, true]],
  ] as const)("%s at %j: %j", (kind, times, expected) => {
    const budget = createBudget(rules);
    expect(times.map((t) => budget.take(kind, "m1", t).ok)).toEqual(expected);
  });

  it("one member's flood does not slow another member, nor their other kind", () => {
    const budget = createBudget(rules);
    for (let i = 0; i < 10; i++) budget.take("command", "flooder", 0);
    expect(budget.take("command", "flooder", 0).ok).toBe(false);
    expect(budget.take("command", "other", 0).ok).toBe(true);
    expect(budget.take("autocomplete", "flooder", 0).ok).toBe(true);
  });

  it.each([
    [400, "You're going a bit fast: please try again in 1 second."],
    [1000, "You're going a bit fast: please try again in 1 second."],
    [2100, "You're going a bit fast: please try again in 3 seconds."],
  ])("a member over budget by %i ms is told: %s", (ms, text) => {
    expect(cooldownMessage(ms)).toBe(text);
  });

  it("says how long to wait", () => {
    const budget = createBudget(rules);
    for (let i = 0; i < 3; i++) budget.take("command", "m", 0);
    expect(budget.take("command", "m", 250)).toEqual({ ok: false, retryAfterMs: 750 });
  });
});
