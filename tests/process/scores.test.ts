import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runMain } from "../../src/process/main.ts";
import { openScoreboard, type Scoreboard } from "../../src/storage/scoreboard.ts";

let dir: string;
let board: Scoreboard;
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), "mic2025-admin-"));
  board = openScoreboard(join(dir, "scoreboard.sqlite"));
  await board.recordAnswer({ guildId: "g1", userId: "u1", questionId: "q1", choice: 0, correct: true });
});
afterEach(async () => {
  await board.close();
  rmSync(dir, { recursive: true, force: true });
});

async function run(argv: string[]) {
  let out = "";
  let err = "";
  const code = await runMain(
    ["scores", ...argv],
    { stdout: (t) => (out += t), stderr: (t) => (err += t), stdinIsTTY: false },
    { scoreboard: board },
  );
  return { code, out, err };
}

describe("npm run scores", () => {
  it("shows a server's top members", async () => {
    expect(await run(["show", "g1"])).toMatchObject({
      code: 0,
      out: expect.stringContaining("u1: 1 right of 1"),
    });
  });

  it("resets a server only with --yes", async () => {
    expect(await run(["reset", "g1"])).toMatchObject({ code: 2, err: expect.stringContaining("--yes") });
    expect(await board.top("g1")).toHaveLength(1);
    expect(await run(["reset", "g1", "--yes"])).toMatchObject({
      code: 0,
      out: expect.stringContaining("1 member"),
    });
    expect(await board.top("g1")).toEqual([]);
  });

  it("backs up to a file", async () => {
    const file = join(dir, "backups", "copy.sqlite");
    expect((await run(["backup", file])).code).toBe(0);
    const copy = openScoreboard(file);
    expect(await copy.top("g1")).toHaveLength(1);
    await copy.close();
  });

  it.each([
    ["a folder that is a file", () => join(dir, "scoreboard.sqlite", "copy.sqlite")],
    ["a folder under /dev/null", () => "/dev/null/x.sqlite"],
  ])("a backup to %s fails with one line, exit 1", async (_what, target) => {
    const { code, out, err } = await run(["backup", target()]);
    expect(code).toBe(1);
    expect(out).toBe("");
    expect(err).toMatch(/^Cannot write the backup to .*\n$/);
    expect(err.split("\n")).toHaveLength(2);
    expect(err).not.toMatch(/\bat /);
  });

  it("migrate needs --from and --to, and a known kind of location", async () => {
    expect((await run(["migrate"])).code).toBe(2);
    expect((await run(["migrate", "--from", "mysql://x", "--to", "sqlite:/tmp/x"])).code).toBe(2);
    expect(
      await run(["migrate", "--from", `sqlite:${join(dir, "missing.sqlite")}`, "--to", "sqlite::memory:"]),
    ).toMatchObject({
      code: 1,
      err: expect.stringContaining("No SQLite scoreboard"),
    });
  });

  it.each([["mysql://bob:secret@db/x"], ["bob:secret@db/x"], ["redis://:secret@cache"]])(
    "migrate's usage error does not echo the location %s",
    async (location) => {
      const { code, out, err } = await run(["migrate", "--from", location, "--to", "sqlite::memory:"]);
      expect(code).toBe(2);
      expect(err).toContain("give sqlite:PATH or a postgres:// URL");
      expect(out + err).not.toContain("secret");
    },
  );

  it.each([[[]], [["drop"]], [["show"]]])("usage error for %j", async (argv) => {
    expect((await run(argv)).code).toBe(2);
  });
});
