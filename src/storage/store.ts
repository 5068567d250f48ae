import type { Scoreboard } from "../answer/scoreboard.ts";

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
