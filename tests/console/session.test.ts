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
  ])("%j answers with %j", (line, expected) => {
    expect(consoleSession().handleLine(line).text).toContain(expected);
  });

  it("turns a reply's buttons into numbered choices", () => {
    const session = consoleSession();
    const card = session.handleLine("/sector semiconductors").text;
    expect(card).toMatch(/\[1\] More facts/);
    expect(session.handleLine("1").text).toContain("Facts 5–");
    expect(session.handleLine("42").text).toContain("Pick a number");
  });

  it("walks the lessons with Enter", () => {
    const session = consoleSession();
    expect(session.handleLine("/learn").text).toContain(`Lesson 1 of ${search.kb.lessons.length}`);
    expect(session.handleLine("").text).toContain(`Lesson 2 of ${search.kb.lessons.length}`);
    expect(session.handleLine("/learn 99").text).toContain("No such lesson");
  });

  it("runs a quiz with numbered choices; the first answer counts", () => {
    const session = consoleSession(() => 0);
    const question = search.kb.questions[0];
    if (!question) throw new Error("no questions");
    expect(session.handleLine("/quiz").text).toContain(question.question);
    expect(session.handleLine(String(question.answer + 1)).text).toContain("Right!");
    expect(session.handleLine("/quiz scores").text).toContain("1 right of 1");
  });

  it("quits on /quit", () => {
    expect(consoleSession().handleLine("/quit").quit).toBe(true);
  });
});
