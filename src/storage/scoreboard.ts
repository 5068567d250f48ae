import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import Database from "better-sqlite3";
import type { AnswerRecord, RecordResult } from "../answer/scoreboard.ts";
import {
  type AnswerRow,
  clearBackupPath,
  newerSchema,
  SCORE_COLUMNS,
  type ScoreDump,
  type ScoreRecord,
  type ScoreRecordRow,
  type ScoreStore,
  toRow,
} from "./store.ts";

export type { RecordResult, Scoreboard, ScoreRow } from "../answer/scoreboard.ts";

/**
 * Schema migrations, applied in order inside a transaction; `PRAGMA user_version` remembers how many ran.
 * Append new steps, never edit old ones: a deployed database has already run them.
 */
const MIGRATIONS: readonly string[] = [
  `CREATE TABLE answers (
     guild_id    TEXT    NOT NULL,
     user_id     TEXT    NOT NULL,
     question_id TEXT    NOT NULL,
     choice      INTEGER NOT NULL,
     correct     INTEGER NOT NULL,
     answered_at TEXT    NOT NULL,
     PRIMARY KEY (guild_id, user_id, question_id)
   ) WITHOUT ROWID;
   CREATE TABLE scores (
     guild_id    TEXT    NOT NULL,
     user_id     TEXT    NOT NULL,
     answered    INTEGER NOT NULL DEFAULT 0,
     correct     INTEGER NOT NULL DEFAULT 0,
     streak      INTEGER NOT NULL DEFAULT 0,
     best_streak INTEGER NOT NULL DEFAULT 0,
     updated_at  TEXT    NOT NULL,
     PRIMARY KEY (guild_id, user_id)
   ) WITHOUT ROWID;
   CREATE INDEX scores_by_rank ON scores (guild_id, correct DESC, answered ASC, best_streak DESC);`,
];

/** The schema version a fresh database reaches: the number of migrations. */
export const SCHEMA_VERSION = MIGRATIONS.length;

/**
 * Opens (creating if needed) the scoreboard database at `file`, in WAL mode, migrated to the latest schema.
 * better-sqlite3 is synchronous; the port is asynchronous, so every method resolves at once.
 */
export function openScoreboard(file: string, now: () => Date = () => new Date()): ScoreStore {
  if (file !== ":memory:") mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file);
  db.pragma("journal_mode = WAL");
  db.pragma("synchronous = NORMAL");
  // Another process (a backup, a second bot by mistake) may hold the lock for a moment: wait, don't fail.
  db.pragma("busy_timeout = 5000");
  migrate(db);

  const insertAnswer = db.prepare(
    "INSERT OR IGNORE INTO answers (guild_id, user_id, question_id, choice, correct, answered_at) VALUES (?, ?, ?, ?, ?, ?)",
  );
  const firstAnswer = db.prepare<[string, string, string], { choice: number; correct: number }>(
    "SELECT choice, correct FROM answers WHERE guild_id = ? AND user_id = ? AND question_id = ?",
  );
  const upsertScore = db.prepare(
    `INSERT INTO scores (guild_id, user_id, answered, correct, streak, best_streak, updated_at)
     VALUES (@guild, @user, 1, @correct, @correct, @correct, @now)
     ON CONFLICT (guild_id, user_id) DO UPDATE SET
       answered = answered + 1,
       correct = correct + @correct,
       streak = CASE WHEN @correct = 1 THEN streak + 1 ELSE 0 END,
       best_streak = MAX(best_streak, CASE WHEN @correct = 1 THEN streak + 1 ELSE 0 END),
       updated_at = @now`,
  );
  const scoreOf = db.prepare<[string, string], ScoreRecord>(
    `SELECT ${SCORE_COLUMNS} FROM scores WHERE guild_id = ? AND user_id = ?`,
  );
  const topRows = db.prepare<[string, number], ScoreRecord>(
    `SELECT ${SCORE_COLUMNS} FROM scores WHERE guild_id = ?
     ORDER BY correct DESC, answered ASC, best_streak DESC, user_id ASC LIMIT ?`,
  );
  const rankRow = db.prepare<
    { guild: string; correct: number; answered: number; best: number; user: string },
    { ahead: number }
  >(
    `SELECT COUNT(*) AS ahead FROM scores WHERE guild_id = @guild AND (
       correct > @correct OR (correct = @correct AND answered < @answered) OR
       (correct = @correct AND answered = @answered AND best_streak > @best) OR
       (correct = @correct AND answered = @answered AND best_streak = @best AND user_id < @user))`,
  );
  const memberCount = db.prepare<[string], { n: number }>(
    "SELECT COUNT(*) AS n FROM scores WHERE guild_id = ?",
  );
  const deleteAnswers = db.prepare("DELETE FROM answers WHERE guild_id = ?");
  const deleteScores = db.prepare("DELETE FROM scores WHERE guild_id = ?");

  const record = db.transaction((input: AnswerRecord): RecordResult => {
    const at = now().toISOString();
    const inserted = insertAnswer.run(
      input.guildId,
      input.userId,
      input.questionId,
      input.choice,
      input.correct ? 1 : 0,
      at,
    );
    if (inserted.changes === 0) {
      const first = firstAnswer.get(input.guildId, input.userId, input.questionId);
      return {
        counted: false,
        firstChoice: first?.choice ?? input.choice,
        firstCorrect: first?.correct === 1,
      };
    }
    upsertScore.run({ guild: input.guildId, user: input.userId, correct: input.correct ? 1 : 0, now: at });
    const score = scoreOf.get(input.guildId, input.userId);
    if (!score) throw new Error("score row missing right after its upsert");
    return { counted: true, correct: input.correct, score: toRow(score) };
  });
  // IMMEDIATE takes the write lock up front, so two processes answering at once serialise cleanly.
  const recordImmediate = (input: AnswerRecord) => record.immediate(input);

  const reset = db.transaction((guildId: string) => {
    const members = memberCount.get(guildId)?.n ?? 0;
    deleteAnswers.run(guildId);
    deleteScores.run(guildId);
    return members;
  });

  const allAnswers = db.prepare<
    [],
    {
      guild_id: string;
      user_id: string;
      question_id: string;
      choice: number;
      correct: number;
      answered_at: string;
    }
  >("SELECT guild_id, user_id, question_id, choice, correct, answered_at FROM answers");
  const allScores = db.prepare<[], ScoreRecord & { guild_id: string; updated_at: string }>(
    "SELECT guild_id, user_id, answered, correct, streak, best_streak, updated_at FROM scores",
  );
  const insertScore = db.prepare(
    `INSERT OR IGNORE INTO scores (guild_id, user_id, answered, correct, streak, best_streak, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  const dump = db.transaction(
    (): ScoreDump => ({
      answers: allAnswers.all().map(
        (r): AnswerRow => ({
          guildId: r.guild_id,
          userId: r.user_id,
          questionId: r.question_id,
          choice: r.choice,
          correct: r.correct === 1,
          answeredAt: r.answered_at,
        }),
      ),
      scores: allScores
        .all()
        .map((r): ScoreRecordRow => ({ guildId: r.guild_id, ...toRow(r), updatedAt: r.updated_at })),
    }),
  );
  const load = db.transaction((rows: ScoreDump) => {
    let answers = 0;
    let scores = 0;
    for (const a of rows.answers)
      answers += insertAnswer.run(
        a.guildId,
        a.userId,
        a.questionId,
        a.choice,
        a.correct ? 1 : 0,
        a.answeredAt,
      ).changes;
    for (const r of rows.scores)
      scores += insertScore.run(
        r.guildId,
        r.userId,
        r.answered,
        r.correct,
        r.streak,
        r.bestStreak,
        r.updatedAt,
      ).changes;
    return { answers, scores };
  });

  const rankOf = (guildId: string, userId: string) => {
    const score = scoreOf.get(guildId, userId);
    if (!score) return null;
    const ahead =
      rankRow.get({
        guild: guildId,
        correct: score.correct,
        answered: score.answered,
        best: score.best_streak,
        user: userId,
      })?.ahead ?? 0;
    return { rank: ahead + 1, row: toRow(score), members: memberCount.get(guildId)?.n ?? 0 };
  };

  return {
    kind: "sqlite",
    recordAnswer: async (input) => recordImmediate(input),
    top: async (guildId, limit = 10) => topRows.all(guildId, limit).map(toRow),
    rankOf: async (guildId, userId) => rankOf(guildId, userId),
    resetGuild: async (guildId) => reset(guildId),
    backup: async (path) => {
      clearBackupPath(path);
      await db.backup(path);
    },
    ping: async () => db.open,
    dump: async () => dump.immediate(),
    load: async (rows) => load.immediate(rows),
    close: async () => {
      db.close();
    },
  };
}

function migrate(db: Database.Database): void {
  const current = db.pragma("user_version", { simple: true }) as number;
  if (current > MIGRATIONS.length) throw newerSchema(current, MIGRATIONS.length);
  db.transaction(() => {
    for (let version = current; version < MIGRATIONS.length; version++) {
      db.exec(MIGRATIONS[version] as string);
      db.pragma(`user_version = ${version + 1}`);
    }
  })();
}
