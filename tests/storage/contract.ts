import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Scoreboard } from "../../src/answer/scoreboard.ts";
import { runMain } from "../../src/process/main.ts";
import { openScoreboard } from "../../src/storage/scoreboard.ts";
import type { ScoreStore } from "../../src/storage/store.ts";

/** How one implementation is opened, emptied and named for the contract. */
export interface ContractSubject {
  /** Opens (or reopens) the scoreboard under test; the same data each time until `reset`. */
  open(): Promise<ScoreStore>;
  /** Empties it before each test. */
  reset(): Promise<void>;
  /** What another process passes to open it: a SQLite path or a postgres:// URL. */
  location(): string;
  /** The same, as `npm run scores -- migrate` names it. */
  migrateLocation(): string;
}

const answer = (
  b: Scoreboard,
  userId: string,
  questionId: string,
  correct: boolean,
  guildId = "g1",
  choice = correct ? 1 : 2,
) => b.recordAnswer({ guildId, userId, questionId, choice, correct });

async function runScores(argv: string[], scoreboard?: Scoreboard) {
  let out = "";
  let err = "";
  const code = await runMain(
    ["scores", ...argv],
    { stdout: (t) => (out += t), stderr: (t) => (err += t), stdinIsTTY: false },
    scoreboard ? { scoreboard } : {},
  );
  return { code, out, err };
}

/** Runs `racer.ts` in a child process: `clicks` simultaneous clicks of one member on one question. */
function racer(location: string, clicks: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ["--import", "tsx", "tests/storage/racer.ts", location, String(clicks)],
      {
        cwd: process.cwd(),
      },
    );
    let out = "";
    let err = "";
    child.stdout.on("data", (d) => {
      out += d;
    });
    child.stderr.on("data", (d) => {
      err += d;
    });
    child.on("error", reject);
    child.on("close", (code) =>
      code === 0 ? resolve(Number(out)) : reject(new Error(`racer exit ${code}: ${err}`)),
    );
  });
}

/**
 * The scoreboard contract: what every implementation of the port must do, run against each (SQLite in
 * `sqlite.test.ts`, PostgreSQL in `postgres.test.ts`).
 */
export function scoreboardContract(name: string, subject: ContractSubject): void {
  describe(`the scoreboard contract: ${name}`, () => {
    const open: ScoreStore[] = [];
    let dir: string;
    const board = async () => {
      const b = await subject.open();
      open.push(b);
      return b;
    };
    beforeAll(() => {
      dir = mkdtempSync(join(tmpdir(), "mic2025-contract-"));
    });
    afterAll(() => rmSync(dir, { recursive: true, force: true }));
    beforeEach(() => subject.reset());
    afterEach(async () => {
      for (const b of open.splice(0)) await b.close().catch(() => undefined);
    });

    it("counts a member's first answer to a question only, and says what that first answer was", async () => {
      const b = await board();
      expect(await answer(b, "u1", "q1", true)).toMatchObject({
        counted: true,
        correct: true,
        score: { answered: 1, correct: 1, streak: 1 },
      });
      expect(await answer(b, "u1", "q1", false)).toEqual({
        counted: false,
        firstChoice: 1,
        firstCorrect: true,
      });
      expect((await b.rankOf("g1", "u1"))?.row).toMatchObject({ answered: 1, correct: 1 });
    });

    it("keeps streaks: right answers in a row, reset by a wrong one, best kept", async () => {
      const b = await board();
      for (const [q, ok] of [
        ["q1", true],
        ["q2", true],
        ["q3", true],
        ["q4", false],
        ["q5", true],
      ] as const)
        await answer(b, "u1", q, ok);
      expect((await b.rankOf("g1", "u1"))?.row).toEqual({
        userId: "u1",
        answered: 5,
        correct: 4,
        streak: 1,
        bestStreak: 3,
      });
    });

    it("ranks by right answers, then fewer answered; top 10 only; the caller's own rank beyond it", async () => {
      const b = await board();
      await answer(b, "alice", "q1", true);
      await answer(b, "alice", "q2", true);
      await answer(b, "bob", "q1", true);
      await answer(b, "carol", "q1", true);
      await answer(b, "carol", "q2", false);
      expect((await b.top("g1")).map((r) => r.userId)).toEqual(["alice", "bob", "carol"]);
      expect(await b.rankOf("g1", "carol")).toMatchObject({ rank: 3, members: 3 });
      expect(await b.rankOf("g1", "nobody")).toBeNull();
      for (let i = 0; i < 10; i++) await answer(b, `m${String(i).padStart(2, "0")}`, "q1", true);
      await answer(b, "zed", "q1", false);
      const top = await b.top("g1");
      expect(top).toHaveLength(10);
      expect(top.map((r) => r.userId).slice(0, 2)).toEqual(["alice", "bob"]);
      expect(await b.rankOf("g1", "zed")).toMatchObject({ rank: 14, members: 14 });
    });

    it("never shows one scope's data in another (scopes are opaque strings)", async () => {
      const b = await board();
      await answer(b, "u1", "q1", true, "g1");
      await answer(b, "u2", "q1", true, "dm:u2");
      expect((await b.top("g1")).map((r) => r.userId)).toEqual(["u1"]);
      expect(await b.rankOf("dm:u2", "u1")).toBeNull();
      // The same member answering the same question in another scope counts there too.
      expect((await answer(b, "u1", "q1", true, "dm:u2")).counted).toBe(true);
    });

    it("keeps scores across a restart, and a question answered before it still counts once", async () => {
      const first = await board();
      await answer(first, "u1", "q1", true);
      await first.close();
      const second = await board();
      expect((await second.rankOf("g1", "u1"))?.row.correct).toBe(1);
      expect((await answer(second, "u1", "q1", true)).counted).toBe(false);
      expect((await answer(second, "u1", "q2", true)).counted).toBe(true);
    });

    it("counts one of many simultaneous clicks of one member, within a process", async () => {
      const b = await board();
      const results = await Promise.all(
        Array.from({ length: 20 }, (_, i) => answer(b, "u1", "q1", i % 2 === 0)),
      );
      expect(results.filter((r) => r.counted)).toHaveLength(1);
      expect((await b.rankOf("g1", "u1"))?.row.answered).toBe(1);
    });

    it("counts one of many simultaneous clicks of one member, from several processes", async () => {
      await (await board()).close();
      const counted = await Promise.all([1, 2, 3, 4].map(() => racer(subject.location(), 5)));
      expect(counted.reduce((a, b) => a + b, 0)).toBe(1);
      expect((await (await board()).rankOf("g1", "racer"))?.row.answered).toBe(1);
    });

    it("resets one scope through npm run scores, only with --yes", async () => {
      const b = await board();
      await answer(b, "u1", "q1", true, "g1");
      await answer(b, "u2", "q1", true, "g2");
      expect(await runScores(["reset", "g1"], b)).toMatchObject({
        code: 2,
        err: expect.stringContaining("--yes"),
      });
      expect(await runScores(["reset", "g1", "--yes"], b)).toMatchObject({
        code: 0,
        out: expect.stringContaining("1 member"),
      });
      expect(await b.top("g1")).toEqual([]);
      expect(await b.top("g2")).toHaveLength(1);
      expect((await answer(b, "u1", "q1", true, "g1")).counted).toBe(true);
      expect(await runScores(["show", "g2"], b)).toMatchObject({
        code: 0,
        out: expect.stringContaining("u2: 1 right of 1"),
      });
    });

    it("backs up through npm run scores to a SQLite file that opens with the same scores", async () => {
      const b = await board();
      await answer(b, "u1", "q1", true);
      await answer(b, "u2", "q1", false, "g2");
      const copy = join(dir, `backup-${Date.now()}`, "copy.sqlite");
      expect(await runScores(["backup", copy], b)).toMatchObject({ code: 0 });
      const restored = openScoreboard(copy);
      open.push(restored);
      expect((await restored.rankOf("g1", "u1"))?.row.correct).toBe(1);
      expect((await restored.dump()).answers).toHaveLength(2);
      expect((await answer(restored, "u1", "q1", false)).counted).toBe(false);
    });

    it("takes in an existing SQLite scoreboard with npm run scores -- migrate, idempotently", async () => {
      const source = join(dir, `source-${Date.now()}.sqlite`);
      const old = openScoreboard(source);
      await answer(old, "u1", "q1", true, "g9");
      await answer(old, "u1", "q2", false, "g9");
      await answer(old, "u2", "q1", true, "g9");
      await old.close();
      const argv = ["migrate", "--from", `sqlite:${source}`, "--to", subject.migrateLocation()];
      const first = await runScores(argv);
      expect(first).toMatchObject({ code: 0 });
      expect(first.out).toContain("Read 3 answer(s) and 2 member score(s)");
      expect(first.out).toContain("Inserted 3 answer(s) and 2 member score(s)");
      const again = await runScores(argv);
      expect(again.out).toContain("Inserted 0 answer(s) and 0 member score(s)");
      expect(again.out).toContain("3 answer(s) and 2 score(s) were already there");
      const b = await board();
      expect(await b.rankOf("g9", "u1")).toMatchObject({
        rank: 2,
        row: { answered: 2, correct: 1, streak: 0 },
      });
      expect((await answer(b, "u1", "q1", true, "g9")).counted).toBe(false);
    });
  });
}
