import type { Scoreboard, ScoreboardFault } from "../answer/scoreboard.ts";
import { ScoreboardUnavailable } from "../answer/scoreboard.ts";
import type { Logger } from "../logger.ts";

/*
 * The quiz degrades alone. This wraps the scoreboard port: when the database cannot be opened at start, or
 * a read or write fails at run time (damaged file, full disk, read-only folder), every other command keeps
 * working, quiz calls throw `ScoreboardUnavailable` with one sentence for the member, the log says once
 * per kind what the operator should do, and the wrapper reopens the database after a backoff until it works.
 */

/** What a member reads and what the operator should do, per kind of fault. */
export const FAULTS: Record<ScoreboardFault, { member: string; operator: string }> = {
  corrupt: {
    member: "its database file is damaged",
    operator:
      "The scoreboard file is damaged: stop the bot and restore DATA_DIR/scoreboard.sqlite from a backup, or move it away to start scores afresh. The bot retries by itself.",
  },
  full: {
    member: "the server's disk is full",
    operator: "The disk holding DATA_DIR is full: free some space. The quiz recovers by itself.",
  },
  io: {
    member: "the server's disk refused to write it",
    operator:
      "Writing DATA_DIR/scoreboard.sqlite failed (a full disk, a file-size limit or a failing disk): check the disk. The quiz recovers by itself.",
  },
  "read-only": {
    member: "its folder is read-only",
    operator:
      "DATA_DIR or scoreboard.sqlite is read-only for the bot's user: make it writable or set DATA_DIR to a writable folder. The bot retries by itself.",
  },
  "cannot-open": {
    member: "its database cannot be opened",
    operator:
      "The scoreboard cannot be opened: check that DATA_DIR is a folder the bot's user may write (set DATA_DIR in .env). The bot retries by itself.",
  },
  busy: {
    member: "its database is locked by another program",
    operator: "Another process holds the scoreboard's lock for long: stop it. The quiz recovers by itself.",
  },
  unknown: {
    member: "its database failed",
    operator: "The scoreboard failed unexpectedly: see the error. The bot retries by itself.",
  },
};

/** Which fault an error from SQLite or the file system is; null when it is not a storage fault (a bug). */
export function classifyFault(error: unknown): ScoreboardFault | null {
  const code = String((error as { code?: unknown })?.code ?? "");
  if (/^SQLITE_(CORRUPT|NOTADB)/.test(code)) return "corrupt";
  if (code.startsWith("SQLITE_FULL") || code === "ENOSPC") return "full";
  if (code.startsWith("SQLITE_READONLY") || code === "EACCES" || code === "EPERM" || code === "EROFS")
    return "read-only";
  if (code.startsWith("SQLITE_CANTOPEN") || code === "ENOENT" || code === "ENOTDIR") return "cannot-open";
  if (code.startsWith("SQLITE_IOERR") || code === "EFBIG" || code === "EIO") return "io";
  if (code.startsWith("SQLITE_BUSY") || code.startsWith("SQLITE_LOCKED")) return "busy";
  if (code.startsWith("SQLITE_")) return "unknown";
  return null;
}

/** The one sentence a member sees. */
export function unavailableSentence(kind: ScoreboardFault): string {
  return `The quiz scoreboard is unavailable right now (${FAULTS[kind].member}), so answers can't be saved; every other command works, and the quiz comes back by itself once it's fixed.`;
}

export interface ResilientOptions {
  logger: Logger;
  /** Milliseconds; injected by tests. */
  now?: () => number;
  firstRetryMs?: number;
  maxRetryMs?: number;
}

export interface ResilientScoreboard extends Scoreboard {
  /** Null while it works; the current fault otherwise. */
  fault(): ScoreboardFault | null;
}

/** Wraps `open` (e.g. `() => openScoreboard(file)`); never throws at construction. */
export function createResilientScoreboard(
  open: () => Scoreboard,
  { logger, now = Date.now, firstRetryMs = 1000, maxRetryMs = 60_000 }: ResilientOptions,
): ResilientScoreboard {
  let board: Scoreboard | null = null;
  let fault: ScoreboardFault | null = null;
  let logged: ScoreboardFault | null = null;
  let retryMs = firstRetryMs;
  let retryAt = 0;

  const down = (kind: ScoreboardFault, error: unknown) => {
    try {
      board?.close();
    } catch {
      // Closing a broken handle may fail too; it is being dropped either way.
    }
    board = null;
    if (fault === null) retryMs = firstRetryMs;
    fault = kind;
    retryAt = now() + retryMs;
    retryMs = Math.min(maxRetryMs, retryMs * 2);
    if (logged !== kind) {
      logged = kind;
      const detail = error instanceof Error ? error.message : String(error);
      logger.error("scoreboard_unavailable", { fault: kind, detail, action: FAULTS[kind].operator });
    }
  };

  const tryOpen = () => {
    try {
      board = open();
    } catch (error) {
      const kind = classifyFault(error);
      down(kind ?? "cannot-open", error);
    }
  };
  tryOpen();

  /** A write that works ends a fault (a read may work on a full disk while writes still fail). */
  const use = <T>(call: (b: Scoreboard) => T, write = false): T => {
    if (!board && now() >= retryAt) tryOpen();
    const current = board;
    if (!current)
      throw new ScoreboardUnavailable(fault ?? "unknown", unavailableSentence(fault ?? "unknown"));
    try {
      const result = call(current);
      if (write && fault !== null) {
        logger.info("scoreboard_recovered", { after: fault });
        fault = null;
        logged = null;
      }
      return result;
    } catch (error) {
      const kind = classifyFault(error);
      if (!kind) throw error;
      down(kind, error);
      throw new ScoreboardUnavailable(kind, unavailableSentence(kind));
    }
  };

  return {
    recordAnswer: (input) => use((b) => b.recordAnswer(input), true),
    top: (guildId, limit) => use((b) => b.top(guildId, limit)),
    rankOf: (guildId, userId) => use((b) => b.rankOf(guildId, userId)),
    resetGuild: (guildId) => use((b) => b.resetGuild(guildId), true),
    backup: (path) => use((b) => b.backup(path)),
    close() {
      board?.close();
      board = null;
    },
    fault: () => fault,
  };
}
