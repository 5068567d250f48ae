import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { openScoreboard, SCHEMA_VERSION } from "../../src/storage/scoreboard.ts";
import { scoreboardContract } from "./contract.ts";

const dir = mkdtempSync(join(tmpdir(), "mic2025-sqlite-"));
let file = "";
let n = 0;
afterAll(() => rmSync(dir, { recursive: true, force: true }));

scoreboardContract("SQLite", {
  open: async () => openScoreboard(file),
  reset: async () => {
    file = join(dir, `run-${n++}`, "data", "scoreboard.sqlite");
  },
  location: () => file,
  migrateLocation: () => `sqlite:${file}`,
});

describe("the SQLite scoreboard", () => {
  it("creates its folder and file, in WAL mode, at the latest schema version", async () => {
    const path = join(dir, "fresh", "data", "scoreboard.sqlite");
    await openScoreboard(path).close();
    expect(existsSync(path)).toBe(true);
    const raw = new Database(path, { readonly: true });
    expect(raw.pragma("journal_mode", { simple: true })).toBe("wal");
    expect(raw.pragma("user_version", { simple: true })).toBe(SCHEMA_VERSION);
    raw.close();
  });

  it("refuses a database from a newer version of the bot instead of damaging it", async () => {
    const path = join(dir, "newer.sqlite");
    await openScoreboard(path).close();
    const raw = new Database(path);
    raw.pragma(`user_version = ${SCHEMA_VERSION + 5}`);
    raw.close();
    expect(() => openScoreboard(path)).toThrow(/newer than this bot/);
  });
});
