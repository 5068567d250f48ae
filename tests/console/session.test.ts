import { describe, expect, it } from "vitest";
import { ConsoleSession } from "../../src/console/session.ts";
import { loadKnowledgeOrThrow } from "../../src/knowledge/load.ts";
import { createSearch } from "../../src/search/index.ts";
import { openScoreboard } from "../../src/storage/scoreboard.ts";

const search = createSearch(loadKnowledgeOrThrow());
/** A console as the entry wires it: the core's quiz on an in-memory scoreboard. */
const consoleSession = (random: () => number = Math.random) =>
  new ConsoleSession({ search, scoreboard: openScoreboard(":memory:"), random });

describe("ConsoleSession", () => {
  it.each([
    ["/sector semiconductors", "Semiconductors · 半导体"],
    ["/ask who issued the plan", "State Council"],
    ["who issued the plan", "State Council"],
    ["/sectors", "China leads"],
    ["/overview", "What is Made in China 2025?"],
    ["/timeline", "Timeline"],
    ["/sources", "H = high confidence"],
    ["/help", "/sector"],
    ["/nope", "Unknown command /nope"],
    ["/sector", "Which sector?"],
  ])("%j answers with %j", async (line, expected) => {
    expect((await consoleSession().handleLine(line)).text).toContain(expected);
  });

  it("turns a reply's buttons into numbered choices", async () => {
    const session = consoleSession();
    const card = (await session.handleLine("/sector semiconductors")).text;
    expect(card).toMatch(/\[1\] More facts/);
    expect((await session.handleLine("1")).text).toContain("Facts 5–");
    expect((await session.handleLine("42")).text).toContain("Pick a number");
  });

  it("walks the lessons with Enter", async () => {
    const session = consoleSession();
    expect((await session.handleLine("/learn")).text).toContain(`Lesson 1 of ${search.kb.lessons.length}`);
    expect((await session.handleLine("")).text).toContain(`Lesson 2 of ${search.kb.lessons.length}`);
    expect((await session.handleLine("/learn 99")).text).toContain("No such lesson");
  });

  it("runs a quiz with numbered choices; the first answer counts", async () => {
    const session = consoleSession(() => 0);
    const question = search.kb.questions[0];
    if (!question) throw new Error("no questions");
    expect((await session.handleLine("/quiz")).text).toContain(question.question);
    expect((await await session.handleLine(String(question.answer + 1))).text).toContain("Right!");
    expect((await session.handleLine("/quiz scores")).text).toContain("1 right of 1");
  });

  it("quits on /quit", async () => {
    expect((await consoleSession().handleLine("/quit")).quit).toBe(true);
  });
});
