import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { type Scoreboard, ScoreboardUnavailable } from "../../src/answer/scoreboard.ts";
import { createLogger } from "../../src/logger.ts";
import { openPostgresScoreboard } from "../../src/storage/postgres.ts";
import {
  type Backend,
  classifyFault,
  createResilientScoreboard,
  operatorAction,
  type ResilientScoreboard,
  SCOREBOARD_TIMEOUT_MS,
  unavailableSentence,
} from "../../src/storage/resilient.ts";
import { openScoreboard } from "../../src/storage/scoreboard.ts";

const coded = (code: string, message = code) => Object.assign(new Error(message), { code });
const answer = { guildId: "g", userId: "u", questionId: "q", choice: 1, correct: true };

function harness(
  open: () => Scoreboard | Promise<Scoreboard>,
  backend: Backend = "sqlite",
  timeoutMs?: number,
) {
  const lines: { event: string; fault?: string; action?: string; backend?: string }[] = [];
  let now = 0;
  const logger = createLogger("info", (line) => lines.push(JSON.parse(line)));
  const board = createResilientScoreboard(open, {
    logger,
    backend,
    now: () => now,
    firstRetryMs: 1000,
    ...(timeoutMs ? { timeoutMs } : {}),
  });
  return { board, lines, advance: (ms: number) => (now += ms) };
}

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe("the quiz degrades alone", () => {
  it.each([
    ["SQLITE_CORRUPT", "corrupt"],
    ["SQLITE_NOTADB", "corrupt"],
    ["SQLITE_FULL", "full"],
    ["ENOSPC", "full"],
    ["SQLITE_READONLY", "read-only"],
    ["SQLITE_READONLY_DBMOVED", "read-only"],
    ["EACCES", "read-only"],
    ["SQLITE_CANTOPEN", "cannot-open"],
    ["ENOTDIR", "cannot-open"],
    ["SQLITE_IOERR_WRITE", "io"],
    ["SQLITE_BUSY", "busy"],
    ["SQLITE_MISUSE", "unknown"],
    // PostgreSQL: the network, then SQLSTATE codes from the server.
    ["ECONNREFUSED", "unreachable"],
    ["ENOTFOUND", "unreachable"],
    ["ETIMEDOUT", "unreachable"],
    ["57P03", "unreachable"],
    ["08006", "unreachable"],
    ["28P01", "auth"],
    ["3D000", "cannot-open"],
    ["53100", "full"],
    ["53300", "busy"],
    ["40P01", "busy"],
    ["25006", "read-only"],
    ["XX001", "corrupt"],
    ["42601", null],
    ["", null],
  ])("%s is a %s fault", (code, kind) => {
    expect(classifyFault(coded(code))).toBe(kind);
  });

  it("pg's own errors without a code, and Node's AggregateError of refused addresses, are unreachable", () => {
    expect(classifyFault(new Error("Connection terminated unexpectedly"))).toBe("unreachable");
    expect(classifyFault(new Error("timeout exceeded when trying to connect"))).toBe("unreachable");
    expect(classifyFault(new AggregateError([coded("ECONNREFUSED"), coded("ECONNREFUSED")]))).toBe(
      "unreachable",
    );
  });

  it("the operator's advice names the configured backend", () => {
    expect(operatorAction("full", "sqlite")).toMatch(/DATA_DIR/);
    expect(operatorAction("full", "postgres")).toMatch(/PostgreSQL/);
    expect(operatorAction("unreachable", "postgres")).toMatch(/DATABASE_URL/);
    expect(operatorAction("auth", "postgres")).toMatch(/password/);
  });

  it.each([
    ["corrupt", "its database file is damaged"],
    ["full", "the server's disk is full"],
    ["read-only", "its folder is read-only"],
    ["unreachable", "cannot be reached"],
  ] as const)("a member is told in one sentence why (%s)", (kind, why) => {
    const sentence = unavailableSentence(kind);
    expect(sentence).toContain(why);
    expect(sentence.split(". ")).toHaveLength(1);
  });

  it.each([["a damaged file", "not a database ".repeat(300), "corrupt"]])(
    "cannot open %s at start: no throw, quiz calls say why, one log line with what to do",
    async (_what, content, kind) => {
      const dir = mkdtempSync(join(tmpdir(), "mic2025-resilient-"));
      dirs.push(dir);
      const file = join(dir, "scoreboard.sqlite");
      writeFileSync(file, content);
      const { board, lines } = harness(() => openScoreboard(file));
      await board.ready();
      for (let i = 0; i < 3; i++)
        await expect(board.recordAnswer(answer)).rejects.toThrow(ScoreboardUnavailable);
      await expect(board.top("g")).rejects.toThrow(/damaged/);
      expect(board.fault()).toBe(kind);
      expect(await board.ping()).toBe(false);
      const logged = lines.filter((l) => l.event === "scoreboard_unavailable");
      expect(logged).toHaveLength(1);
      expect(logged[0]?.action).toMatch(/backup/);
    },
  );

  it("PostgreSQL refusing connections at start: no throw, the quiz says why, one log line, ping false", async () => {
    // Port 1 on the loopback: nothing listens, so the connection is refused at once.
    const { board, lines, advance } = harness(
      () => openPostgresScoreboard("postgres://bot:secret@127.0.0.1:1/mic2025"),
      "postgres",
    );
    await board.ready();
    expect(board.kind).toBe("postgres");
    expect(board.fault()).toBe("unreachable");
    await expect(board.recordAnswer(answer)).rejects.toThrow(/cannot be reached/);
    advance(1000);
    await expect(board.top("g")).rejects.toThrow(ScoreboardUnavailable);
    expect(await board.ping()).toBe(false);
    const logged = lines.filter((l) => l.event === "scoreboard_unavailable");
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatchObject({ backend: "postgres", fault: "unreachable" });
    expect(logged[0]?.action).toMatch(/DATABASE_URL/);
    expect(JSON.stringify(lines)).not.toContain("secret");
    await board.close();
  });

  it("a write failing at run time: a specific message, logged once per kind, recovers after a backoff", async () => {
    let failWith: string | null = null;
    let opens = 0;
    const real = openScoreboard(":memory:");
    const open = (): Scoreboard => {
      opens++;
      if (failWith) throw coded(failWith);
      return {
        ...real,
        recordAnswer: async (input) => {
          if (failWith) throw coded(failWith);
          return real.recordAnswer(input);
        },
        close: async () => {},
      };
    };
    const { board, lines, advance } = harness(open);
    expect((await board.recordAnswer(answer)).counted).toBe(true);

    failWith = "SQLITE_FULL";
    for (let i = 0; i < 5; i++) await expect(board.recordAnswer(answer)).rejects.toThrow(/disk is full/);
    failWith = "SQLITE_CORRUPT";
    advance(1000);
    await expect(board.recordAnswer(answer)).rejects.toThrow(/damaged/);
    expect(lines.filter((l) => l.event === "scoreboard_unavailable").map((l) => l.fault)).toEqual([
      "full",
      "corrupt",
    ]);

    // Opening works again but writes still fail (a disk still full): no "recovered", no second log line.
    advance(2000);
    failWith = "SQLITE_CORRUPT";
    await expect(board.recordAnswer(answer)).rejects.toThrow(/damaged/);
    expect(lines.filter((l) => l.event === "scoreboard_unavailable")).toHaveLength(2);

    failWith = null;
    const before = opens;
    await expect(board.recordAnswer(answer)).rejects.toThrow(ScoreboardUnavailable); // still waiting out the backoff
    expect(opens).toBe(before);
    advance(8000);
    expect((await board.recordAnswer({ ...answer, questionId: "q2" })).counted).toBe(true);
    expect(board.fault()).toBeNull();
    expect(lines.at(-1)).toMatchObject({ event: "scoreboard_recovered" });
  });

  it.each([
    ["top()", (b: ResilientScoreboard) => b.top("g")],
    ["rankOf()", (b: ResilientScoreboard) => b.rankOf("g", "u")],
    ["ping()", (b: ResilientScoreboard) => b.ping()],
  ])(
    "a recovery seen only by reads (%s) is logged, and a later outage of the same kind is too",
    async (_what, read) => {
      let down = true;
      const real = openScoreboard(":memory:");
      const open = (): Scoreboard => {
        if (down) throw coded("ECONNREFUSED");
        return {
          ...real,
          top: async (guildId, limit) => {
            if (down) throw coded("ECONNREFUSED");
            return real.top(guildId, limit);
          },
          close: async () => {},
        };
      };
      const { board, lines, advance } = harness(open, "postgres");
      await board.ready();
      expect(board.fault()).toBe("unreachable");

      down = false;
      advance(1000);
      await read(board);
      expect(board.fault()).toBeNull();

      down = true;
      await expect(board.top("g")).rejects.toThrow(ScoreboardUnavailable);
      expect(board.fault()).toBe("unreachable");
      const events = lines
        .filter((l) => l.event.startsWith("scoreboard_"))
        .map((l) => `${l.event}${l.fault ? `:${l.fault}` : ""}`);
      expect(events).toEqual([
        "scoreboard_unavailable:unreachable",
        "scoreboard_recovered",
        "scoreboard_unavailable:unreachable",
      ]);
    },
  );

  it("a store that reopens but still fails its writes keeps backing off (reopening does not reset it)", async () => {
    let opens = 0;
    const real = openScoreboard(":memory:");
    const { board, lines, advance } = harness(() => {
      opens++;
      return {
        ...real,
        recordAnswer: async () => {
          throw coded("SQLITE_FULL");
        },
        close: async () => {},
      };
    });
    await expect(board.recordAnswer(answer)).rejects.toThrow(/disk is full/); // waits 1 s
    advance(1000);
    await expect(board.recordAnswer(answer)).rejects.toThrow(/disk is full/); // reopened; now waits 2 s
    expect(opens).toBe(2);
    advance(1000);
    await expect(board.recordAnswer(answer)).rejects.toThrow(/disk is full/);
    expect(opens).toBe(2);
    advance(1000);
    await expect(board.recordAnswer(answer)).rejects.toThrow(/disk is full/);
    expect(opens).toBe(3);
    expect(lines.filter((l) => l.event === "scoreboard_unavailable")).toHaveLength(3);
  });

  it("an error that is not a storage fault is a bug, and is not hidden", async () => {
    const real = openScoreboard(":memory:");
    const { board } = harness(() => ({
      ...real,
      top: async () => {
        throw new TypeError("bug");
      },
    }));
    await expect(board.top("g")).rejects.toThrow(TypeError);
    expect(board.fault()).toBeNull();
  });
});

describe("a store that stops answering: every call settles within the bound", () => {
  const BOUND = 100;
  /** How `promise` settled and after how long; "hung" when it had not after a second. */
  const settle = async (promise: Promise<unknown>) => {
    const started = performance.now();
    const guard = new Promise<"hung">((resolve) => setTimeout(() => resolve("hung"), 1000).unref());
    const outcome = await Promise.race([
      promise.then(
        (value) => ({ value }),
        (error: unknown) => ({ error }),
      ),
      guard,
    ]);
    return { outcome, ms: performance.now() - started };
  };
  const never = () => new Promise<Scoreboard>(() => {});
  const unavailable = (outcome: unknown) => {
    const error = (outcome as { error?: unknown }).error;
    expect(error).toBeInstanceOf(ScoreboardUnavailable);
    expect((error as ScoreboardUnavailable).kind).toBe("unreachable");
    expect((error as Error).message).toMatch(/cannot be reached/);
  };

  it("the bound is one constant between 1.5 and 2 s", () => {
    expect(SCOREBOARD_TIMEOUT_MS).toBeGreaterThanOrEqual(1500);
    expect(SCOREBOARD_TIMEOUT_MS).toBeLessThanOrEqual(2000);
  });

  it.each([
    [
      "ready()",
      (b: ResilientScoreboard) => b.ready(),
      (o: unknown) => expect(o).toEqual({ value: undefined }),
    ],
    ["top()", (b: ResilientScoreboard) => b.top("g"), unavailable],
    ["rankOf()", (b: ResilientScoreboard) => b.rankOf("g", "u"), unavailable],
    ["recordAnswer()", (b: ResilientScoreboard) => b.recordAnswer(answer), unavailable],
    ["ping()", (b: ResilientScoreboard) => b.ping(), (o: unknown) => expect(o).toEqual({ value: false })],
    [
      "close()",
      (b: ResilientScoreboard) => b.close(),
      (o: unknown) => expect(o).toEqual({ value: undefined }),
    ],
  ])("%s while opening never settles", async (what, call, check) => {
    const { board, lines } = harness(never, "postgres", BOUND);
    const { outcome, ms } = await settle(call(board));
    expect(outcome).not.toBe("hung");
    check(outcome);
    // ping and close do not wait on the opening at all.
    expect(ms).toBeLessThan(what === "ping()" || what === "close()" ? BOUND / 2 : BOUND + 300);
    await board.ready();
    // A shutdown does not report the opening it abandoned.
    const expected = what === "close()" ? [] : ["unreachable"];
    expect(board.fault()).toBe(expected[0] ?? null);
    const logged = lines.filter((l) => l.event === "scoreboard_unavailable");
    expect(logged.map((l) => l.fault)).toEqual(expected);
  });

  it("a reopen that never settles: calls and ping settle too, still logged once", async () => {
    const { board, lines, advance } = harness(never, "postgres", BOUND);
    await board.ready();
    advance(1000);
    const top = await settle(board.top("g"));
    expect(top.outcome).not.toBe("hung");
    unavailable(top.outcome);
    expect(top.ms).toBeLessThan(BOUND + 300);
    advance(2000);
    const ping = await settle(board.ping());
    expect(ping.outcome).toEqual({ value: false });
    expect(lines.filter((l) => l.event === "scoreboard_unavailable")).toHaveLength(1);
  });

  it.each([
    ["top()", (b: ResilientScoreboard) => b.top("g")],
    ["recordAnswer()", (b: ResilientScoreboard) => b.recordAnswer(answer)],
  ])("%s on an open store whose queries never answer", async (_what, call) => {
    let closes = 0;
    const stuck: Scoreboard = {
      ...openScoreboard(":memory:"),
      top: () => new Promise(() => {}),
      recordAnswer: () => new Promise(() => {}),
      ping: () => new Promise(() => {}),
      close: () => {
        closes++;
        return new Promise(() => {});
      },
    };
    const { board, lines } = harness(() => stuck, "postgres", BOUND);
    await board.ready();
    const pinged = await settle(board.ping());
    expect(pinged.outcome).toEqual({ value: false });
    const { outcome, ms } = await settle(call(board));
    expect(outcome).not.toBe("hung");
    unavailable(outcome);
    expect(ms).toBeLessThan(BOUND + 300);
    expect(board.fault()).toBe("unreachable");
    expect(closes).toBe(1);
    unavailable((await settle(call(board))).outcome);
    expect(lines.filter((l) => l.event === "scoreboard_unavailable")).toHaveLength(1);
    expect((await settle(board.close())).outcome).toEqual({ value: undefined });
  });

  it("close() does not wait on a store whose close hangs", async () => {
    const { board } = harness(
      () => ({ ...openScoreboard(":memory:"), close: () => new Promise<void>(() => {}) }),
      "sqlite",
      BOUND,
    );
    await board.ready();
    const { outcome, ms } = await settle(board.close());
    expect(outcome).toEqual({ value: undefined });
    expect(ms).toBeLessThan(BOUND + 300);
  });
});
