import type { Scoreboard, ScoreboardFault } from "../answer/scoreboard.ts";
import { ScoreboardUnavailable, unavailableNotice } from "../answer/scoreboard.ts";
import type { Logger } from "../logger.ts";

/*
 * The quiz degrades alone. This wraps the (asynchronous) scoreboard port, whichever store is configured
 * (SQLite or PostgreSQL): when the database cannot be opened at start, or a read or write fails at run time
 * (damaged file, full disk, read-only folder; PostgreSQL refusing connections, a wrong password, a server
 * restarting), every other command keeps working, quiz calls throw `ScoreboardUnavailable` with one sentence
 * for the member, the log says once per kind what the operator should do, and the wrapper reopens the
 * database after a backoff until it works.
 */

export type Backend = "sqlite" | "postgres";

/**
 * What the operator should do, per kind of fault (per backend where they differ). What a member reads is in
 * the string tables (`unavailableNotice`, src/answer/scoreboard.ts).
 */
export const FAULTS: Record<ScoreboardFault, { operator: string; postgres?: string }> = {
  corrupt: {
    operator:
      "The scoreboard file is damaged: stop the bot and restore DATA_DIR/scoreboard.sqlite from a backup, or move it away to start scores afresh. The bot retries by itself.",
    postgres:
      "PostgreSQL reports damaged data: check the server's logs and restore from a backup. The bot retries by itself.",
  },
  full: {
    operator: "The disk holding DATA_DIR is full: free some space. The quiz recovers by itself.",
    postgres:
      "PostgreSQL's disk is full: free some space on the database server. The quiz recovers by itself.",
  },
  io: {
    operator:
      "Writing DATA_DIR/scoreboard.sqlite failed (a full disk, a file-size limit or a failing disk): check the disk. The quiz recovers by itself.",
    postgres:
      "PostgreSQL reports a system or disk error: check the database server. The quiz recovers by itself.",
  },
  "read-only": {
    operator:
      "DATA_DIR or scoreboard.sqlite is read-only for the bot's user: make it writable or set DATA_DIR to a writable folder. The bot retries by itself.",
    postgres:
      "PostgreSQL refuses writes (a read-only server or replica): point DATABASE_URL at the primary. The bot retries by itself.",
  },
  "cannot-open": {
    operator:
      "The scoreboard cannot be opened: check that DATA_DIR is a folder the bot's user may write (set DATA_DIR in .env). The bot retries by itself.",
    postgres:
      "The scoreboard database cannot be opened (does the database in DATABASE_URL exist, may its user create tables?). The bot retries by itself.",
  },
  busy: {
    operator: "Another process holds the scoreboard's lock for long: stop it. The quiz recovers by itself.",
    postgres:
      "PostgreSQL is overloaded (too many connections, locks or conflicts): lower DATABASE_POOL_SIZE across replicas or raise max_connections. The quiz recovers by itself.",
  },
  unreachable: {
    operator:
      "The scoreboard's database server cannot be reached (connection refused, unknown host, timed out or restarting): check that PostgreSQL runs and DATABASE_URL's host and port. The bot retries by itself.",
  },
  auth: {
    operator:
      "PostgreSQL refused the bot's login: check the user and password in DATABASE_URL (and pg_hba.conf). The bot retries by itself.",
  },
  unknown: {
    operator: "The scoreboard failed unexpectedly: see the error. The bot retries by itself.",
  },
};

/** What the operator should do about `kind` on `backend`. */
export function operatorAction(kind: ScoreboardFault, backend: Backend = "sqlite"): string {
  const fault = FAULTS[kind];
  return (backend === "postgres" ? fault.postgres : undefined) ?? fault.operator;
}

const NETWORK_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ENOTFOUND",
  "EAI_AGAIN",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "EPIPE",
]);

/** The error's code, or the first code among an AggregateError's errors (Node tries every address). */
function codeOf(error: unknown): string {
  const code = (error as { code?: unknown })?.code;
  if (typeof code === "string" && code !== "") return code;
  const inner = (error as { errors?: unknown })?.errors;
  if (Array.isArray(inner)) for (const e of inner) if (codeOf(e)) return codeOf(e);
  return "";
}

/** PostgreSQL's SQLSTATE classes and codes (https://www.postgresql.org/docs/current/errcodes-appendix.html). */
function classifyPostgres(code: string): ScoreboardFault | null {
  if (code === "28P01" || code === "28000") return "auth";
  if (code === "3D000" || code === "42501") return "cannot-open";
  if (code === "53100") return "full";
  if (code.startsWith("53") || code === "40001" || code === "40P01" || code === "55P03" || code === "57014")
    return "busy";
  if (code.startsWith("08") || code === "57P01" || code === "57P02" || code === "57P03") return "unreachable";
  if (code === "25006") return "read-only";
  if (code === "XX001" || code === "XX002") return "corrupt";
  if (code.startsWith("58")) return "io";
  return null;
}

/**
 * Which fault an error from SQLite, PostgreSQL (pg) or the network/file system is; null when it is not a
 * storage fault (a bug, e.g. an SQL syntax error), so it is not hidden.
 */
export function classifyFault(error: unknown): ScoreboardFault | null {
  const code = codeOf(error);
  if (/^SQLITE_(CORRUPT|NOTADB)/.test(code)) return "corrupt";
  if (code.startsWith("SQLITE_FULL") || code === "ENOSPC") return "full";
  if (code.startsWith("SQLITE_READONLY") || code === "EACCES" || code === "EPERM" || code === "EROFS")
    return "read-only";
  if (code.startsWith("SQLITE_CANTOPEN") || code === "ENOENT" || code === "ENOTDIR") return "cannot-open";
  if (code.startsWith("SQLITE_IOERR") || code === "EFBIG" || code === "EIO") return "io";
  if (code.startsWith("SQLITE_BUSY") || code.startsWith("SQLITE_LOCKED")) return "busy";
  if (code.startsWith("SQLITE_")) return "unknown";
  if (NETWORK_CODES.has(code)) return "unreachable";
  if (/^[0-9A-Z]{5}$/.test(code)) return classifyPostgres(code);
  // pg's own errors carry no code: a dropped connection, a pool that could not connect in time.
  const message = error instanceof Error ? error.message : "";
  if (
    /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|Query read timeout/i.test(
      message,
    )
  )
    return "unreachable";
  return null;
}

/** The one sentence a member sees, in English (front ends use the member's language: `error.text(t)`). */
export function unavailableSentence(kind: ScoreboardFault): string {
  return unavailableNotice(kind);
}

/**
 * How long opening the store, and then each call (waiting for an opening included), may take before the
 * store counts as unreachable: a database that stops answering must not hang a health check, a shutdown or
 * a quiz click past Discord's 3 s.
 */
export const SCOREBOARD_TIMEOUT_MS = 1500;

/** Not answered in time; classified "unreachable" (code ETIMEDOUT). */
class TimedOut extends Error {
  readonly code = "ETIMEDOUT";
  constructor(ms: number) {
    super(`the scoreboard did not answer within ${Math.round(ms)} ms`);
  }
}

/** `promise`, or a rejection with {@link TimedOut} after `ms` (real time). */
function within<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new TimedOut(ms)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

export interface ResilientOptions {
  logger: Logger;
  /** Which store `open` opens, for the operator's advice. */
  backend?: Backend;
  /** Milliseconds; injected by tests. */
  now?: () => number;
  firstRetryMs?: number;
  maxRetryMs?: number;
  /** Bound on opening and on each call; default {@link SCOREBOARD_TIMEOUT_MS}. */
  timeoutMs?: number;
}

export interface ResilientScoreboard extends Scoreboard {
  readonly kind: Backend;
  /** Null while it works; the current fault otherwise. */
  fault(): ScoreboardFault | null;
  /** Settles when the first opening attempt has (it never rejects). */
  ready(): Promise<void>;
}

/** Wraps `open` (e.g. `() => openScoreboard(file)`, `() => openPostgresScoreboard(url)`); never throws. */
export function createResilientScoreboard(
  open: () => Scoreboard | Promise<Scoreboard>,
  {
    logger,
    backend = "sqlite",
    now = Date.now,
    firstRetryMs = 1000,
    maxRetryMs = 60_000,
    timeoutMs = SCOREBOARD_TIMEOUT_MS,
  }: ResilientOptions,
): ResilientScoreboard {
  let board: Scoreboard | null = null;
  let opening: Promise<void> | null = null;
  let fault: ScoreboardFault | null = null;
  let logged: ScoreboardFault | null = null;
  let retryMs = firstRetryMs;
  let retryAt = 0;
  let closed = false;
  /** A write has worked since the last fault: the next fault's backoff starts again from the first wait. */
  let wrote = true;

  const down = (kind: ScoreboardFault, error: unknown) => {
    const broken = board;
    board = null;
    // Closing a broken handle may fail too; it is being dropped either way.
    Promise.resolve()
      .then(() => broken?.close())
      .catch(() => undefined);
    // Not on a mere reopen: a disk still full reopens, then fails its next write, and must keep backing off.
    if (wrote) retryMs = firstRetryMs;
    wrote = false;
    fault = kind;
    retryAt = now() + retryMs;
    retryMs = Math.min(maxRetryMs, retryMs * 2);
    if (logged !== kind) {
      logged = kind;
      const detail = error instanceof Error ? error.message || codeOf(error) : String(error);
      logger.error("scoreboard_unavailable", {
        backend,
        fault: kind,
        detail,
        action: operatorAction(kind, backend),
      });
    }
  };

  const attempt = async () => {
    const opening = Promise.resolve().then(open);
    try {
      const opened = await within(opening, timeoutMs);
      if (closed) await opened.close();
      else {
        board = opened;
        // Opened again: the fault is over (logged whichever call comes next, a read or a health check),
        // and the same kind of fault later is news again.
        if (fault !== null) {
          logger.info("scoreboard_recovered", { backend, after: fault });
          fault = null;
          logged = null;
        }
      }
    } catch (error) {
      // An opening that ends after its time is dropped: nothing else holds it.
      opening.then((late) => late.close()).catch(() => undefined);
      // Closed meanwhile (a shutdown): nothing to report.
      if (!closed) down(classifyFault(error) ?? "cannot-open", error);
    }
  };
  /** One opening attempt at a time; `opening` is cleared after it settles (never before it is set). */
  const tryOpen = (): Promise<void> => {
    opening ??= attempt().finally(() => {
      opening = null;
    });
    return opening;
  };
  const first = tryOpen();

  /** The wait for an opening and the call share one bound: past it the store is unreachable. */
  const use = async <T>(call: (b: Scoreboard) => Promise<T>, write = false): Promise<T> => {
    const started = performance.now();
    const left = () => Math.max(0, timeoutMs - (performance.now() - started));
    const pending = opening ?? (!board && !closed && now() >= retryAt ? tryOpen() : null);
    if (pending) {
      const settled = await within(pending, left()).then(
        () => true,
        () => false,
      );
      if (!settled) throw new ScoreboardUnavailable(fault ?? "unreachable");
    }
    const current = board;
    if (!current) throw new ScoreboardUnavailable(fault ?? "unknown");
    try {
      const result = await within(call(current), left());
      if (write) wrote = true;
      return result;
    } catch (error) {
      const kind = classifyFault(error);
      if (!kind) throw error;
      if (board === current) down(kind, error);
      throw new ScoreboardUnavailable(kind);
    }
  };

  return {
    kind: backend,
    recordAnswer: (input) => use((b) => b.recordAnswer(input), true),
    top: (guildId, limit) => use((b) => b.top(guildId, limit)),
    rankOf: (guildId, userId) => use((b) => b.rankOf(guildId, userId)),
    resetGuild: (guildId) => use((b) => b.resetGuild(guildId), true),
    backup: (path) => use((b) => b.backup(path)),
    /**
     * Reachable now (a health check), within the bound: false while an opening runs (no waiting on it),
     * reopens when a retry is due, never throws.
     */
    async ping() {
      if (opening) return false;
      const check = async () => {
        if (!board && !closed && now() >= retryAt) await tryOpen();
        return board ? board.ping() : false;
      };
      return within(check(), timeoutMs).catch(() => false);
    },
    /** Does not wait on an opening (it closes what it opens once it sees `closed`); bounded. */
    async close() {
      closed = true;
      const current = board;
      board = null;
      if (!current) return;
      await within(Promise.resolve(current.close()), timeoutMs).catch((error: unknown) => {
        if (!(error instanceof TimedOut)) throw error;
      });
    },
    fault: () => fault,
    ready: () => first,
  };
}
