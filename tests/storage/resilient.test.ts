import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { type Scoreboard, ScoreboardUnavailable } from "../../src/answer/scoreboard.ts";
import { createLogger } from "../../src/logger.ts";
import {
  classifyFault,
  createResilientScoreboard,
  unavailableSentence,
} from "../../src/storage/resilient.ts";
import { openScoreboard } from "../../src/storage/scoreboard.ts";

const sqliteError = (code: string) => Object.assign(new Error(code), { code });
const answer = { guildId: "g", userId: "u", questionId: "q", choice: 1, correct: true };

function harness(open: () => Scoreboard) {
  const lines: { event: string; fault?: string; action?: string }[] = [];
  let now = 0;
  const logger = createLogger("info", (line) => lines.push(JSON.parse(line)));
  const board = createResilientScoreboard(open, { logger, now: () => now, firstRetryMs: 1000 });
  return { board, lines, advance: (ms: number) => (now += ms) };
}

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe("the quiz degrades alone", () => {
  it.each([
    ["SQLITE_CORRUPT", "corrupt"],
    ["SQLITE_NOTADB", "corrupt"],
    ["SQLITE_FULL", "full"],
    ["ENOSPC", "full"],
    ["SQLITE_READONLY", "read-only"],
    ["SQLITE_READONLY_DBMOVED", "read-only"],
    ["EACCES", "read-only"],
    ["SQLITE_CANTOPEN", "cannot-open"],
    ["ENOTDIR", "cannot-open"],
    ["SQLITE_IOERR_WRITE", "io"],
    ["SQLITE_BUSY", "busy"],
    ["SQLITE_MISUSE", "unknown"],
    ["", null],
  ])("%s is a %s fault", (code, kind) => {
    expect(classifyFault(sqliteError(code))).toBe(kind);
  });

  it.each([
    ["corrupt", "its database file is damaged"],
    ["full", "the server's disk is full"],
    ["read-only", "its folder is read-only"],
  ] as const)("a member is told in one sentence why (%s)", (kind, why) => {
    const sentence = unavailableSentence(kind);
    expect(sentence).toContain(why);
    expect(sentence.split(". ")).toHaveLength(1);
  });

  it.each([["a damaged file", "not a database ".repeat(300), "corrupt"]])(
    "cannot open %s at start: no throw, quiz calls say why, one log line with what to do",
    (_what, content, kind) => {
      const dir = mkdtempSync(join(tmpdir(), "mic2025-resilient-"));
      dirs.push(dir);
      const file = join(dir, "scoreboard.sqlite");
      writeFileSync(file, content);
      const { board, lines } = harness(() => openScoreboard(file));
      for (let i = 0; i < 3; i++) expect(() => board.recordAnswer(answer)).toThrow(ScoreboardUnavailable);
      expect(() => board.top("g")).toThrow(/damaged/);
      expect(board.fault()).toBe(kind);
      const logged = lines.filter((l) => l.event === "scoreboard_unavailable");
      expect(logged).toHaveLength(1);
      expect(logged[0]?.action).toMatch(/backup/);
    },
  );

  it("a write failing at run time: a specific message, logged once per kind, recovers after a backoff", () => {
    let failWith: string | null = null;
    let opens = 0;
    const real = openScoreboard(":memory:");
    const open = (): Scoreboard => {
      opens++;
      if (failWith) throw sqliteError(failWith);
      return {
        ...real,
        recordAnswer: (input) => {
          if (failWith) throw sqliteError(failWith);
          return real.recordAnswer(input);
        },
        close: () => {},
      };
    };
    const { board, lines, advance } = harness(open);
    expect(board.recordAnswer(answer).counted).toBe(true);

    failWith = "SQLITE_FULL";
    for (let i = 0; i < 5; i++) expect(() => board.recordAnswer(answer)).toThrow(/disk is full/);
    failWith = "SQLITE_CORRUPT";
    advance(1000);
    expect(() => board.recordAnswer(answer)).toThrow(/damaged/);
    expect(lines.filter((l) => l.event === "scoreboard_unavailable").map((l) => l.fault)).toEqual([
      "full",
      "corrupt",
    ]);

    // Opening works again but writes still fail (a disk still full): no "recovered", no second log line.
    advance(2000);
    failWith = "SQLITE_CORRUPT";
    expect(() => board.recordAnswer(answer)).toThrow(/damaged/);
    expect(lines.filter((l) => l.event === "scoreboard_unavailable")).toHaveLength(2);

    failWith = null;
    const before = opens;
    expect(() => board.recordAnswer(answer)).toThrow(ScoreboardUnavailable); // still waiting out the backoff
    expect(opens).toBe(before);
    advance(8000);
    expect(board.recordAnswer({ ...answer, questionId: "q2" }).counted).toBe(true);
    expect(board.fault()).toBeNull();
    expect(lines.at(-1)).toMatchObject({ event: "scoreboard_recovered" });
  });

  it("an error that is not a storage fault is a bug, and is not hidden", () => {
    const real = openScoreboard(":memory:");
    const { board } = harness(() => ({
      ...real,
      top: () => {
        throw new TypeError("bug");
      },
    }));
    expect(() => board.top("g")).toThrow(TypeError);
    expect(board.fault()).toBeNull();
  });
});
