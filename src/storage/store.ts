import { mkdirSync, rmSync } from "node:fs";
import { dirname } from "node:path";
import type { Scoreboard, ScoreRow } from "../answer/scoreboard.ts";

/*
 * What storage offers beyond the core's port: every row, for backups and for moving a scoreboard from one
 * database to another (`npm run scores -- migrate`). Both implementations speak these shapes.
 */

/** One recorded first answer. */
export interface AnswerRow {
  guildId: string;
  userId: string;
  questionId: string;
  choice: number;
  correct: boolean;
  answeredAt: string;
}

/** One member's totals in one scope. */
export interface ScoreRecordRow {
  guildId: string;
  userId: string;
  answered: number;
  correct: number;
  streak: number;
  bestStreak: number;
  updatedAt: string;
}

/** Every row of a scoreboard, read in one consistent snapshot. */
export interface ScoreDump {
  answers: AnswerRow[];
  scores: ScoreRecordRow[];
}

/** How many rows a load inserted; rows already there (same keys) are left as they are. */
export interface LoadCounts {
  answers: number;
  scores: number;
}

/** A scoreboard that can also hand over and take in all its rows. */
export interface ScoreStore extends Scoreboard {
  readonly kind: "sqlite" | "postgres";
  dump(): Promise<ScoreDump>;
  /** Inserts rows whose keys are new, in one transaction: loading the same dump twice changes nothing. */
  load(dump: ScoreDump): Promise<LoadCounts>;
}

/* What the SQLite and PostgreSQL stores share: the same tables, so the same rows and the same checks. */

/** A `scores` row as both databases return it. */
export interface ScoreRecord {
  user_id: string;
  answered: number;
  correct: number;
  streak: number;
  best_streak: number;
}

/** The columns of a `ScoreRecord`, for SELECT and RETURNING. */
export const SCORE_COLUMNS = "user_id, answered, correct, streak, best_streak";

/** A `scores` row as the core's port speaks it. */
export const toRow = (r: ScoreRecord): ScoreRow => ({
  userId: r.user_id,
  answered: r.answered,
  correct: r.correct,
  streak: r.streak,
  bestStreak: r.best_streak,
});

/** A database migrated by a newer bot: this one must not touch it. */
export function newerSchema(current: number, latest: number): Error {
  return new Error(
    `the scoreboard database is at schema version ${current}, newer than this bot (${latest}); update the bot`,
  );
}

/** Makes room for a backup file at `path`: its folder exists, an older file there is gone. */
export function clearBackupPath(path: string): void {
  mkdirSync(dirname(path), { recursive: true });
  rmSync(path, { force: true });
}
