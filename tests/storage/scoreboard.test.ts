import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openScoreboard, SCHEMA_VERSION, type Scoreboard } from "../../src/storage/scoreboard.ts";

let dir: string;
let file: string;
const open: Scoreboard[] = [];
const board = () => {
  const b = openScoreboard(file);
  open.push(b);
  return b;
};

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "mic2025-scores-"));
  file = join(dir, "data", "scoreboard.sqlite");
});
afterEach(() => {
  for (const b of open.splice(0)) {
    try {
      b.close();
    } catch {}
  }
  rmSync(dir, { recursive: true, force: true });
});

const answer = (
  b: Scoreboard,
  userId: string,
  questionId: string,
  correct: boolean,
  guildId = "g1",
  choice = correct ? 1 : 2,
) => b.recordAnswer({ guildId, userId, questionId, choice, correct });

describe("the scoreboard", () => {
  it("creates its folder and file, in WAL mode, at the latest schema version", () => {
    board();
    expect(existsSync(file)).toBe(true);
    const raw = new Database(file, { readonly: true });
    expect(raw.pragma("journal_mode", { simple: true })).toBe("wal");
    expect(raw.pragma("user_version", { simple: true })).toBe(SCHEMA_VERSION);
    raw.close();
  });

  it("counts a member's first answer to a question only, and says what that first answer was", () => {
    const b = board();
    expect(answer(b, "u1", "q1", true)).toMatchObject({
      counted: true,
      correct: true,
      score: { answered: 1, correct: 1, streak: 1 },
    });
    expect(answer(b, "u1", "q1", false)).toEqual({ counted: false, firstChoice: 1, firstCorrect: true });
    expect(b.rankOf("g1", "u1")?.row).toMatchObject({ answered: 1, correct: 1 });
  });

  it("keeps streaks: right answers in a row, reset by a wrong one, best kept", () => {
    const b = board();
    for (const [q, ok] of [
      ["q1", true],
      ["q2", true],
      ["q3", true],
      ["q4", false],
      ["q5", true],
    ] as const)
      answer(b, "u1", q, ok);
    expect(b.rankOf("g1", "u1")?.row).toEqual({
      userId: "u1",
      answered: 5,
      correct: 4,
      streak: 1,
      bestStreak: 3,
    });
  });

  it("ranks by right answers, then by fewer answered, and gives the caller's rank", () => {
    const b = board();
    answer(b, "alice", "q1", true);
    answer(b, "alice", "q2", true);
    answer(b, "bob", "q1", true);
    answer(b, "carol", "q1", true);
    answer(b, "carol", "q2", false);
    expect(b.top("g1").map((r) => r.userId)).toEqual(["alice", "bob", "carol"]);
    expect(b.rankOf("g1", "carol")).toMatchObject({ rank: 3, members: 3 });
    expect(b.rankOf("g1", "nobody")).toBeNull();
  });

  it("never shows one server's data in another", () => {
    const b = board();
    answer(b, "u1", "q1", true, "g1");
    answer(b, "u2", "q1", true, "g2");
    expect(b.top("g1").map((r) => r.userId)).toEqual(["u1"]);
    expect(b.rankOf("g2", "u1")).toBeNull();
    // The same member answering the same question in another server counts there too.
    expect(answer(b, "u1", "q1", true, "g2").counted).toBe(true);
  });

  it("keeps scores across a restart, and a question answered before it still counts once", () => {
    const first = board();
    answer(first, "u1", "q1", true);
    first.close();
    const second = board();
    expect(second.rankOf("g1", "u1")?.row.correct).toBe(1);
    expect(answer(second, "u1", "q1", true).counted).toBe(false);
    expect(answer(second, "u1", "q2", true).counted).toBe(true);
  });

  it("counts two simultaneous answers from one member once, even from two processes", async () => {
    board().close();
    const script = `
      import { openScoreboard } from ${JSON.stringify(join(process.cwd(), "src/storage/scoreboard.ts"))};
      const b = openScoreboard(process.argv[1]);
      const r = b.recordAnswer({ guildId: "g1", userId: "racer", questionId: "q1", choice: 0, correct: true });
      b.close();
      process.stdout.write(String(r.counted));`;
    const run = () =>
      new Promise<string>((resolve, reject) => {
        const child = spawn(
          process.execPath,
          ["--import", "tsx", "--input-type=module", "-e", script, file],
          { cwd: process.cwd() },
        );
        let out = "";
        child.stdout.on("data", (d) => {
          out += d;
        });
        child.on("error", reject);
        child.on("close", () => resolve(out));
      });
    const results = await Promise.all([run(), run(), run()]);
    expect(results.sort()).toEqual(["false", "false", "true"]);
    expect(board().rankOf("g1", "racer")?.row.answered).toBe(1);
  });

  it("resets one server without touching another", () => {
    const b = board();
    answer(b, "u1", "q1", true, "g1");
    answer(b, "u2", "q1", true, "g2");
    expect(b.resetGuild("g1")).toBe(1);
    expect(b.top("g1")).toEqual([]);
    expect(b.top("g2")).toHaveLength(1);
    expect(answer(b, "u1", "q1", true, "g1").counted).toBe(true);
  });

  it("backs up to a file that opens with the same scores", async () => {
    const b = board();
    answer(b, "u1", "q1", true);
    const copy = join(dir, "backup", "copy.sqlite");
    await b.backup(copy);
    const restored = openScoreboard(copy);
    open.push(restored);
    expect(restored.rankOf("g1", "u1")?.row.correct).toBe(1);
  });

  it("refuses a database from a newer version of the bot instead of damaging it", () => {
    board().close();
    const raw = new Database(file);
    raw.pragma(`user_version = ${SCHEMA_VERSION + 5}`);
    raw.close();
    expect(() => openScoreboard(file)).toThrow(/newer than this bot/);
  });
});
