import pg from "pg";
import type { RecordResult } from "../answer/scoreboard.ts";
import { openScoreboard } from "./scoreboard.ts";
import {
  clearBackupPath,
  type LoadCounts,
  newerSchema,
  SCORE_COLUMNS,
  type ScoreDump,
  type ScoreRecord,
  type ScoreStore,
  toRow,
} from "./store.ts";

/**
 * Schema migrations for PostgreSQL, applied in order, each in its own transaction, recorded in
 * `schema_migrations`. Append new steps, never edit old ones: a deployed database has already run them.
 * The tables mirror the SQLite ones, so a dump moves between the two unchanged.
 */
const MIGRATIONS: readonly string[] = [
  `CREATE TABLE answers (
     guild_id    TEXT        NOT NULL,
     user_id     TEXT        NOT NULL,
     question_id TEXT        NOT NULL,
     choice      SMALLINT    NOT NULL,
     correct     BOOLEAN     NOT NULL,
     answered_at TIMESTAMPTZ NOT NULL,
     PRIMARY KEY (guild_id, user_id, question_id)
   );
   CREATE TABLE scores (
     guild_id    TEXT        NOT NULL,
     user_id     TEXT        NOT NULL,
     answered    INTEGER     NOT NULL DEFAULT 0,
     correct     INTEGER     NOT NULL DEFAULT 0,
     streak      INTEGER     NOT NULL DEFAULT 0,
     best_streak INTEGER     NOT NULL DEFAULT 0,
     updated_at  TIMESTAMPTZ NOT NULL,
     PRIMARY KEY (guild_id, user_id)
   );
   CREATE INDEX scores_by_rank ON scores (guild_id, correct DESC, answered ASC, best_streak DESC, user_id ASC);`,
];

/** The schema version a fresh PostgreSQL database reaches. */
export const PG_SCHEMA_VERSION = MIGRATIONS.length;

/**
 * The advisory lock key that serialises migrations: replicas starting together queue on it, the first
 * migrates, the others find nothing left to do. (Any constant; this one spells "mic2025".)
 */
const MIGRATION_LOCK = 0x6d6963_2025;

/**
 * Bounds so nothing waits forever: a statement (`statement_timeout`), a lock wait (`lock_timeout`, and the
 * wait for the migration lock), and pg's own wait for an answer (`query_timeout`, for a server that stops
 * answering at all).
 */
export const PG_STATEMENT_TIMEOUT_MS = 10_000;
export const PG_LOCK_TIMEOUT_MS = 5_000;

export interface PostgresOptions {
  /** Connections per process (`DATABASE_POOL_SIZE`). */
  poolSize?: number;
  now?: () => Date;
  /** Default {@link PG_STATEMENT_TIMEOUT_MS}; pg gives up waiting 1 s after it. */
  statementTimeoutMs?: number;
  /** Default {@link PG_LOCK_TIMEOUT_MS}. */
  lockTimeoutMs?: number;
}

/**
 * Takes the migration lock, trying every 100 ms for `waitMs` at most (whatever the pool's settings); then
 * fails with 55P03 (lock_not_available), a "busy" fault.
 */
async function takeMigrationLock(client: pg.PoolClient, waitMs: number): Promise<void> {
  const deadline = Date.now() + waitMs;
  for (;;) {
    const { rows } = await client.query<{ ok: boolean }>("SELECT pg_try_advisory_lock($1) AS ok", [
      MIGRATION_LOCK,
    ]);
    if (rows[0]?.ok) return;
    if (Date.now() >= deadline)
      throw Object.assign(
        new Error(`another process has held the scoreboard's migration lock for over ${waitMs} ms`),
        { code: "55P03" },
      );
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Runs the migrations this database lacks, under the advisory lock (waited for `lockWaitMs` at most). */
export async function migratePostgres(pool: pg.Pool, lockWaitMs = PG_LOCK_TIMEOUT_MS): Promise<number> {
  const client = await pool.connect();
  let locked = false;
  try {
    await takeMigrationLock(client, lockWaitMs);
    locked = true;
    await client.query(
      "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())",
    );
    const { rows } = await client.query<{ v: number | null }>(
      "SELECT max(version) AS v FROM schema_migrations",
    );
    const current = rows[0]?.v ?? 0;
    if (current > MIGRATIONS.length) throw newerSchema(current, MIGRATIONS.length);
    for (let version = current; version < MIGRATIONS.length; version++) {
      await client.query("BEGIN");
      try {
        await client.query(MIGRATIONS[version] as string);
        await client.query("INSERT INTO schema_migrations (version) VALUES ($1)", [version + 1]);
        await client.query("COMMIT");
      } catch (error) {
        await client.query("ROLLBACK");
        throw error;
      }
    }
    return MIGRATIONS.length - current;
  } finally {
    if (locked) await client.query("SELECT pg_advisory_unlock($1)", [MIGRATION_LOCK]).catch(() => undefined);
    client.release();
  }
}

/** Runs `work` in one transaction on one pooled connection. */
async function inTransaction<T>(
  pool: pg.Pool,
  work: (client: pg.PoolClient) => Promise<T>,
  begin = "BEGIN",
): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query(begin);
    const result = await work(client);
    await client.query("COMMIT");
    return result;
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

/**
 * Opens the scoreboard on PostgreSQL (`DATABASE_URL`), migrated to the latest schema. Several processes
 * share it: the primary key on (scope, member, question) decides which answer was first, whichever
 * replica received the click.
 */
export async function openPostgresScoreboard(
  url: string,
  {
    poolSize = 10,
    now = () => new Date(),
    statementTimeoutMs = PG_STATEMENT_TIMEOUT_MS,
    lockTimeoutMs = PG_LOCK_TIMEOUT_MS,
  }: PostgresOptions = {},
): Promise<ScoreStore> {
  const pool = new pg.Pool({
    connectionString: url,
    max: poolSize,
    connectionTimeoutMillis: 5000,
    statement_timeout: statementTimeoutMs,
    lock_timeout: lockTimeoutMs,
    query_timeout: statementTimeoutMs + 1000,
  });
  // An idle connection that dies (database restart) must not take the process down: the pool replaces it.
  pool.on("error", () => undefined);
  try {
    await migratePostgres(pool, lockTimeoutMs);
  } catch (error) {
    await pool.end();
    throw error;
  }

  const rankOf = async (guildId: string, userId: string) => {
    const { rows } = await pool.query<ScoreRecord & { ahead: string; members: string }>(
      `SELECT s.${SCORE_COLUMNS.split(", ").join(", s.")},
         (SELECT count(*) FROM scores o WHERE o.guild_id = s.guild_id AND (
            o.correct > s.correct OR (o.correct = s.correct AND o.answered < s.answered) OR
            (o.correct = s.correct AND o.answered = s.answered AND o.best_streak > s.best_streak) OR
            (o.correct = s.correct AND o.answered = s.answered AND o.best_streak = s.best_streak AND o.user_id < s.user_id))
         ) AS ahead,
         (SELECT count(*) FROM scores m WHERE m.guild_id = s.guild_id) AS members
       FROM scores s WHERE s.guild_id = $1 AND s.user_id = $2`,
      [guildId, userId],
    );
    const score = rows[0];
    if (!score) return null;
    return { rank: Number(score.ahead) + 1, row: toRow(score), members: Number(score.members) };
  };

  return {
    kind: "postgres",
    recordAnswer: (input) =>
      inTransaction(pool, async (client): Promise<RecordResult> => {
        const at = now().toISOString();
        // A second click waits here for the first one's transaction, then inserts nothing.
        const inserted = await client.query(
          `INSERT INTO answers (guild_id, user_id, question_id, choice, correct, answered_at)
           VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING`,
          [input.guildId, input.userId, input.questionId, input.choice, input.correct, at],
        );
        if (inserted.rowCount === 0) {
          const { rows } = await client.query<{ choice: number; correct: boolean }>(
            "SELECT choice, correct FROM answers WHERE guild_id = $1 AND user_id = $2 AND question_id = $3",
            [input.guildId, input.userId, input.questionId],
          );
          return {
            counted: false,
            firstChoice: rows[0]?.choice ?? input.choice,
            firstCorrect: rows[0]?.correct === true,
          };
        }
        const right = input.correct ? 1 : 0;
        const { rows } = await client.query<ScoreRecord>(
          `INSERT INTO scores AS s (guild_id, user_id, answered, correct, streak, best_streak, updated_at)
           VALUES ($1, $2, 1, $3, $3, $3, $4)
           ON CONFLICT (guild_id, user_id) DO UPDATE SET
             answered = s.answered + 1,
             correct = s.correct + $3,
             streak = CASE WHEN $3 = 1 THEN s.streak + 1 ELSE 0 END,
             best_streak = GREATEST(s.best_streak, CASE WHEN $3 = 1 THEN s.streak + 1 ELSE 0 END),
             updated_at = $4
           RETURNING ${SCORE_COLUMNS}`,
          [input.guildId, input.userId, right, at],
        );
        const score = rows[0];
        if (!score) throw new Error("score row missing right after its upsert");
        return { counted: true, correct: input.correct, score: toRow(score) };
      }),
    top: async (guildId, limit = 10) => {
      const { rows } = await pool.query<ScoreRecord>(
        `SELECT ${SCORE_COLUMNS} FROM scores WHERE guild_id = $1
         ORDER BY correct DESC, answered ASC, best_streak DESC, user_id ASC LIMIT $2`,
        [guildId, limit],
      );
      return rows.map(toRow);
    },
    rankOf,
    resetGuild: (guildId) =>
      inTransaction(pool, async (client) => {
        await client.query("DELETE FROM answers WHERE guild_id = $1", [guildId]);
        const deleted = await client.query("DELETE FROM scores WHERE guild_id = $1", [guildId]);
        return deleted.rowCount ?? 0;
      }),
    backup: async (path) => {
      // A snapshot of PostgreSQL written as a SQLite scoreboard file: the same format as the SQLite backup,
      // readable by `scores show` and movable back with `scores migrate`. (pg_dump remains the DBA's tool.)
      const rows = await dump();
      clearBackupPath(path);
      const copy = openScoreboard(path);
      try {
        await copy.load(rows);
      } finally {
        await copy.close();
      }
    },
    ping: async () => {
      try {
        await pool.query("SELECT 1");
        return true;
      } catch {
        return false;
      }
    },
    dump,
    load: (rows) =>
      inTransaction(pool, async (client): Promise<LoadCounts> => {
        let answers = 0;
        let scores = 0;
        for (const a of rows.answers) {
          const r = await client.query(
            `INSERT INTO answers (guild_id, user_id, question_id, choice, correct, answered_at)
             VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING`,
            [a.guildId, a.userId, a.questionId, a.choice, a.correct, a.answeredAt],
          );
          answers += r.rowCount ?? 0;
        }
        for (const s of rows.scores) {
          const r = await client.query(
            `INSERT INTO scores (guild_id, user_id, answered, correct, streak, best_streak, updated_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT DO NOTHING`,
            [s.guildId, s.userId, s.answered, s.correct, s.streak, s.bestStreak, s.updatedAt],
          );
          scores += r.rowCount ?? 0;
        }
        return { answers, scores };
      }),
    close: () => pool.end(),
  };

  async function dump(): Promise<ScoreDump> {
    return inTransaction(
      pool,
      async (client) => {
        const answers = await client.query<{
          guild_id: string;
          user_id: string;
          question_id: string;
          choice: number;
          correct: boolean;
          answered_at: Date;
        }>("SELECT guild_id, user_id, question_id, choice, correct, answered_at FROM answers");
        const scores = await client.query<ScoreRecord & { guild_id: string; updated_at: Date }>(
          `SELECT guild_id, ${SCORE_COLUMNS}, updated_at FROM scores`,
        );
        return {
          answers: answers.rows.map((r) => ({
            guildId: r.guild_id,
            userId: r.user_id,
            questionId: r.question_id,
            choice: r.choice,
            correct: r.correct,
            answeredAt: r.answered_at.toISOString(),
          })),
          scores: scores.rows.map((r) => ({
            guildId: r.guild_id,
            ...toRow(r),
            updatedAt: r.updated_at.toISOString(),
          })),
        };
      },
      "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY",
    );
  }
}
