import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openPostgresScoreboard, PG_SCHEMA_VERSION } from "../../src/storage/postgres.ts";
import { classifyFault } from "../../src/storage/resilient.ts";
import { scoreboardContract } from "./contract.ts";

/**
 * The same contract on PostgreSQL, when DATABASE_URL names a throwaway database (`.ci/run` makes one).
 * These tests drop and empty its tables.
 */
const url = process.env.DATABASE_URL;

if (!url) {
  // A visible note in the output, not only a skipped count.
  console.warn(
    "[postgres.test] DATABASE_URL is not set: the PostgreSQL scoreboard contract tests are SKIPPED.",
  );
  describe("the scoreboard contract: PostgreSQL", () => {
    it.skip("skipped: DATABASE_URL is not set (.ci/run sets up a throwaway database; see README › PostgreSQL)", () => {});
  });
} else {
  const admin = new pg.Pool({ connectionString: url, max: 2 });
  afterAll(() => admin.end());
  const dropAll = () => admin.query("DROP TABLE IF EXISTS answers, scores, schema_migrations");

  describe("the PostgreSQL scoreboard", () => {
    beforeAll(dropAll);

    it("migrates once when several replicas start together (advisory lock)", async () => {
      await dropAll();
      const boards = await Promise.all(
        Array.from({ length: 5 }, () => openPostgresScoreboard(url, { poolSize: 2 })),
      );
      const { rows } = await admin.query("SELECT version FROM schema_migrations ORDER BY version");
      expect(rows.map((r) => r.version)).toEqual(Array.from({ length: PG_SCHEMA_VERSION }, (_, i) => i + 1));
      await Promise.all(boards.map((b) => b.close()));
    });

    it("refuses a database from a newer version of the bot", async () => {
      await (await openPostgresScoreboard(url)).close();
      await admin.query("INSERT INTO schema_migrations (version) VALUES ($1)", [PG_SCHEMA_VERSION + 5]);
      await expect(openPostgresScoreboard(url)).rejects.toThrow(/newer than this bot/);
      await admin.query("DELETE FROM schema_migrations WHERE version > $1", [PG_SCHEMA_VERSION]);
    });

    it("waits for the migration lock a bounded time, then fails as busy (55P03)", async () => {
      const holder = await admin.connect();
      try {
        await holder.query("SELECT pg_advisory_lock($1)", [0x6d6963_2025]);
        const started = performance.now();
        const error = await openPostgresScoreboard(url, { lockTimeoutMs: 300 }).catch((e: unknown) => e);
        expect(performance.now() - started).toBeLessThan(2000);
        expect(classifyFault(error)).toBe("busy");
        expect(String((error as Error).message)).toMatch(/migration lock/);
      } finally {
        await holder.query("SELECT pg_advisory_unlock($1)", [0x6d6963_2025]);
        holder.release();
      }
    });

    it("a statement past statement_timeout is cut off by the server (57014, busy)", async () => {
      const board = await openPostgresScoreboard(url, { statementTimeoutMs: 200 });
      const holder = await admin.connect();
      try {
        // A read waiting on a table lock held elsewhere: only the server's timeouts end the wait.
        await holder.query("BEGIN");
        await holder.query("LOCK TABLE scores IN ACCESS EXCLUSIVE MODE");
        const started = performance.now();
        const error = await board.top("g").catch((e: unknown) => e);
        expect(performance.now() - started).toBeLessThan(3000);
        expect((error as { code?: string }).code).toBe("57014");
        expect(classifyFault(error)).toBe("busy");
      } finally {
        await holder.query("ROLLBACK");
        holder.release();
        await board.close();
      }
    });

    it("answers a health ping", async () => {
      const b = await openPostgresScoreboard(url);
      expect(await b.ping()).toBe(true);
      await b.close();
    });
  });

  scoreboardContract("PostgreSQL", {
    open: () => openPostgresScoreboard(url, { poolSize: 4 }),
    reset: async () => {
      await (await openPostgresScoreboard(url, { poolSize: 1 })).close();
      await admin.query("TRUNCATE answers, scores");
    },
    location: () => url,
    migrateLocation: () => url,
  });
}
