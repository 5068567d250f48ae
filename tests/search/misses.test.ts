import { describe, expect, it } from "vitest";
import { formatMisses, missForm, summariseMisses } from "../../src/search/misses.ts";

const line = (query: string, command = "ask", time = "2026-11-30T08:00:00.000Z", outcome = "no-match") =>
  JSON.stringify({
    time,
    level: "info",
    event: "interaction",
    kind: "command",
    command,
    ms: 2,
    outcome,
    query,
  });

describe("missForm", () => {
  it.each([
    ["How many cars did China export last year?", "car china export last year"],
    ["how many CARS did china export last year", "car china export last year"],
    ["Who makes the C919's engines?", "make c919 engin"],
    ["what?", "what"],
  ])("%j → %j", (query, form) => {
    expect(missForm(query)).toBe(form);
  });
});

describe("summariseMisses", () => {
  it("groups misses by normalised wording, most frequent first, keeping the latest wording", () => {
    const groups = summariseMisses([
      line("phones", "sector", "2026-11-30T08:00:00.000Z"),
      line("How many cars did China export last year?", "ask", "2026-11-30T08:01:00.000Z"),
      line("how many cars did china export last year", "ask", "2026-11-30T08:02:00.000Z"),
      line("chips", "ask", "2026-11-30T08:03:00.000Z", "answered"),
      "not json",
      JSON.stringify({ event: "login" }),
    ]);
    expect(groups).toEqual([
      {
        form: "car china export last year",
        count: 2,
        commands: { ask: 2 },
        example: "how many cars did china export last year",
        lastSeen: "2026-11-30T08:02:00.000Z",
      },
      {
        form: "phon",
        count: 1,
        commands: { sector: 1 },
        example: "phones",
        lastSeen: "2026-11-30T08:00:00.000Z",
      },
    ]);
  });

  it.each([[[]], [["", "{", "[]"]]])("finds nothing in %j", (lines) => {
    expect(summariseMisses(lines)).toEqual([]);
    expect(formatMisses([], 10)).toBe("No misses in this log.\n");
  });

  it("prints the top groups as a table with counts", () => {
    const text = formatMisses(summariseMisses([line("a b c"), line("a b c"), line("phones", "sector")]), 1);
    expect(text).toBe("3 misses, 2 distinct questions; the 1 most frequent:\n    2  /ask       a b c\n");
  });
});
