import { EN, type Translate } from "../i18n/index.ts";

/**
 * The quiz scoreboard as the core sees it: a port, asynchronous so a networked database can implement it.
 * `src/storage/scoreboard.ts` implements it with SQLite (a file for the bot, `:memory:` for the console),
 * `src/storage/postgres.ts` with PostgreSQL (several replicas); both pass one contract test suite
 * (`tests/storage/contract.ts`), so "a member's first answer counts" means the same everywhere.
 */

/** One member's standing in one scope (a server, a DM, the console). */
export interface ScoreRow {
  userId: string;
  answered: number;
  correct: number;
  /** Right answers in a row, up to now. */
  streak: number;
  bestStreak: number;
}

/** What recording an answer did: counted (first answer of this member to this question) or not. */
export type RecordResult =
  | { counted: true; correct: boolean; score: ScoreRow }
  | { counted: false; firstChoice: number; firstCorrect: boolean };

/**
 * One answer to record. `guildId` is the scope, an opaque string to storage: a server id, `dm:<user>`,
 * `console`, or whatever a front end chooses.
 */
export interface AnswerRecord {
  guildId: string;
  userId: string;
  questionId: string;
  choice: number;
  correct: boolean;
}

/** A member's place in their scope. */
export interface RankOf {
  rank: number;
  row: ScoreRow;
  members: number;
}

export interface Scoreboard {
  /** Records a member's answer. Only the first answer of a member to a question counts, even under races. */
  recordAnswer(input: AnswerRecord): Promise<RecordResult>;
  /** The scope's best members: most right answers, then fewest answered, then longest best streak. */
  top(guildId: string, limit?: number): Promise<ScoreRow[]>;
  /** A member's rank (1-based) and row in their scope, or null before their first answer. */
  rankOf(guildId: string, userId: string): Promise<RankOf | null>;
  /** Deletes one scope's answers and scores; returns how many members it had. */
  resetGuild(guildId: string): Promise<number>;
  /** Writes a consistent copy of the scoreboard to `path` as a SQLite file (safe while the bot runs). */
  backup(path: string): Promise<void>;
  /** True when the store answers (for a health check). */
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

/** Why the scoreboard cannot be used right now. */
export type ScoreboardFault =
  | "corrupt"
  | "full"
  | "io"
  | "read-only"
  | "cannot-open"
  | "busy"
  | "unreachable"
  | "auth"
  | "unknown";

/** The one sentence a member sees when the scoreboard is unavailable, in the language of `t`. */
export function unavailableNotice(kind: ScoreboardFault, t: Translate = EN): string {
  return t("scoreboard.unavailable", { why: t(`scoreboard.${kind}`) });
}

/**
 * Thrown by a scoreboard that cannot read or write right now; `text(t)` is the one sentence a member sees
 * (`message` is the English). Front ends answer it as it is: everything but the quiz scores works meanwhile.
 */
export class ScoreboardUnavailable extends Error {
  override name = "ScoreboardUnavailable";
  constructor(readonly kind: ScoreboardFault) {
    super(unavailableNotice(kind));
  }

  /** What the member reads, in the language of `t`. */
  text(t: Translate): string {
    return unavailableNotice(this.kind, t);
  }
}
