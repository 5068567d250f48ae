/**
 * The reliability suite (`npm run test:reliability`): the real bot process, as `npm start` runs it, against
 * the Discord double on 127.0.0.1. It asserts the contracts (every interaction answered, within 3 s under a
 * burst; clean exit codes; the quiz degrades alone) and prints a table of what it measured.
 */
import { spawn } from "node:child_process";
import { rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { boundInput } from "../../src/discord/input.ts";
import { textCap } from "../../src/discord/slash.ts";
import { loadKnowledgeOrThrow } from "../../src/knowledge/load.ts";
import { createSearch } from "../../src/search/index.ts";
import { compileLexicon } from "../../src/search/lexicon.ts";
import { type DiscordDouble, startDiscordDouble, user } from "../discord/double.ts";
import { buttonsOf, str, TEST_TOKEN } from "../discord/wire.ts";
import {
  percentile,
  type RunningBot,
  record,
  removeTempDirs,
  renderTable,
  sleep,
  startBot,
  tempDir,
  until,
} from "./harness.ts";

const AMPLIFIER = "\uFDFA"; // NFKC: 18 characters
const memberId = (i: number) => `5${String(i).padStart(17, "0")}`;
const as = (i: number) => ({ user: user(memberId(i)) });
const ms = (n: number) => `${Math.round(n)} ms`;

let double: DiscordDouble;
let bot: RunningBot | undefined;

beforeAll(async () => {
  double = await startDiscordDouble();
});
afterEach(() => {
  bot?.kill();
  bot = undefined;
});
afterAll(async () => {
  await double?.close();
  removeTempDirs();
  const table = renderTable();
  console.log(`\nReliability table\n\n${table}\n`);
  if (process.env.RELIABILITY_TABLE) writeFileSync(process.env.RELIABILITY_TABLE, `${table}\n`);
});

async function ready(env: Record<string, string> = {}, shellPrefix?: string): Promise<RunningBot> {
  const before = double.gateway.identifies;
  const started = startBot(double, env, shellPrefix);
  bot = started;
  await started.waitForLog((l) => l.event === "ready", 20_000);
  await until(() => double.gateway.identifies > before, 5000, "IDENTIFY");
  return started;
}

/** A quiz A–D button id, from a fresh /quiz question. */
async function quizButton(i: number): Promise<string> {
  const callback = await double.dispatch(
    double.chatInput("quiz", [{ type: 1, name: "question", options: [] }], as(i)),
  );
  const id = buttonsOf(callback)[0]?.custom_id;
  if (!id) throw new Error(`no quiz button in ${JSON.stringify(callback.data)}`);
  return id;
}

const contentOf = (data: unknown) => String((data as { content?: string }).content ?? "");

describe("bursts", () => {
  it("2,000 interactions at once are all answered, each within 3 s", async () => {
    await ready();
    // A varied mix, as many members would send: prefixes and names of every sector, every example question.
    const kb = loadKnowledgeOrThrow();
    // The knowledge base's example questions (the search rewrite moved them into the lexicon).
    const examples = compileLexicon(kb.lexicon).examples;
    const names = kb.sectors.map((sector) => sector.name);
    const pick = <T>(list: readonly T[], i: number) => list[i % list.length] as T;
    const payloads = Array.from({ length: 2000 }, (_, i) => {
      const extras = as(1000 + i);
      const name = pick(names, i * 7);
      switch (i % 5) {
        case 0:
        case 1:
          return double.autocomplete("sector", [str("name", name.slice(0, 1 + (i % 6)), true)], extras);
        case 2:
          return double.chatInput("sector", [str("name", name)], extras);
        case 3:
          return double.chatInput("ask", [str("question", pick(examples, i))], extras);
        default:
          return double.chatInput(pick(["overview", "timeline", "sectors", "sources"], i), [], extras);
      }
    });
    const from = double.callbacks.length;
    const sentAt = new Map<string, number>();
    for (const p of payloads) {
      sentAt.set(p.id, performance.now());
      double.send(p);
    }
    await until(() => double.callbacks.length - from >= payloads.length, 30_000, "2,000 callbacks");
    const latencies = double.callbacks
      .slice(from)
      .map((c) => c.at - (sentAt.get(c.interactionId) ?? Number.NaN))
      .filter((n) => !Number.isNaN(n));
    const first = Math.min(...latencies);
    const late = latencies.filter((l) => l > 3000).length;
    record(
      "burst of 2,000 at once (autocomplete, /sector, /ask, catalogue; varied)",
      `p50 ${ms(percentile(latencies, 50))}, p99 ${ms(percentile(latencies, 99))}, max ${ms(Math.max(...latencies))}; first reply after ${ms(first)}; ${late} over 3 s`,
      "no reply until the burst was processed; ~1 in 6 over 3 s",
    );
    expect(latencies).toHaveLength(2000);
    expect(late).toBe(0);
  });
});

describe("bounded work per input", () => {
  it("the NFKC amplifier costs what an ordinary input costs", async () => {
    const search = createSearch(loadKnowledgeOrThrow());
    const time = (f: () => unknown) => {
      const runs: number[] = [];
      for (let i = 0; i < 15; i++) {
        const t = performance.now();
        f();
        runs.push(performance.now() - t);
      }
      return percentile(runs, 50);
    };
    const evil = AMPLIFIER.repeat(100);
    // What the bot does with a /sector name before search (src/discord/slash.ts).
    const sectorOption = { type: "string", description: "", maxLength: 100, suggest: "sectors" } as const;
    const asTheBotDoes = (text: string) => boundInput(text, textCap(search, sectorOption));
    const raw = time(() => search.suggestSectors(evil));
    const bounded = time(() => search.suggestSectors(asTheBotDoes(evil)));
    const ordinary = time(() => search.suggestSectors(asTheBotDoes("x".repeat(100))));
    const ordinaryRaw = time(() => search.suggestSectors("x".repeat(100)));
    const askBounded = time(() => search.answer(boundInput(AMPLIFIER.repeat(300), 300)));
    const askOrdinary = time(() => search.answer("why ".repeat(75)));
    record(
      "autocomplete of 100 × U+FDFA, search time",
      `${bounded.toFixed(1)} ms (unbounded: ${raw.toFixed(1)} ms)`,
      "~190 ms",
    );
    record(
      'autocomplete of 100 × "x", search time',
      `${ordinary.toFixed(1)} ms (unbounded: ${ordinaryRaw.toFixed(1)} ms)`,
    );
    record(
      "/ask of 300 × U+FDFA, search time",
      `${askBounded.toFixed(1)} ms (300 ordinary characters: ${askOrdinary.toFixed(1)} ms)`,
    );
    // The amplifier costs what ordinary text of legal length costs, and a tenth of what it cost unbounded.
    expect(bounded).toBeLessThan(Math.max(5, ordinary * 2));
    expect(bounded).toBeLessThan(raw / 10);

    await ready();
    const at = performance.now();
    const callback = await double.dispatch(double.autocomplete("sector", [str("name", evil, true)], as(7)));
    record("autocomplete of 100 × U+FDFA, through the bot", ms(performance.now() - at));
    expect(callback.type).toBe(8);
  });
});

describe("shutdown", () => {
  it("SIGTERM during a stream: nothing in flight is lost, exit 0 within a few seconds", async () => {
    const running = await ready();
    const sent: string[] = [];
    let signalledAt = 0;
    for (let i = 0; i < 600; i++) {
      const payload = double.chatInput("sector", [str("name", "chips")], as(5000 + i));
      if (!double.send(payload)) break;
      sent.push(payload.id);
      if (i === 200) {
        running.child.kill("SIGTERM");
        signalledAt = performance.now();
      }
      if (i % 10 === 0) await sleep(2);
    }
    const { code, at } = await running.exited;
    const answered = new Set(double.callbacks.map((c) => c.interactionId));
    const lost = sent.filter((id) => !answered.has(id));
    const notices = double.callbacks.filter(
      (c) => sent.includes(c.interactionId) && contentOf(c.data).includes("restarting"),
    ).length;
    const stopped = running.logs().find((l) => l.event === "stopped");
    record(
      "SIGTERM during a stream of /sector",
      `exit ${code} after ${ms(at - signalledAt)}; ${sent.length} sent, ${sent.length - lost.length} answered (${notices} told "restarting"), ${lost.length} lost; one "stopped" line with counts`,
      "exit in ~60 ms, 399/400 unanswered, nothing logged",
    );
    expect(code).toBe(0);
    expect(lost).toEqual([]);
    expect(at - signalledAt).toBeLessThan(8000);
    expect(stopped).toMatchObject({ reason: "signal", exitCode: 0 });
  });
});

describe("npm start", () => {
  it("is one node process: SIGTERM to npm stops the bot cleanly and leaves nothing behind", async () => {
    const child = spawn("npm", ["start", "--silent"], {
      cwd: process.cwd(),
      env: {
        PATH: process.env.PATH ?? "",
        DISCORD_TOKEN: TEST_TOKEN,
        DISCORD_API_URL: double.apiUrl,
        DATA_DIR: tempDir("npm"),
      },
    });
    let out = "";
    child.stdout.on("data", (d) => {
      out += d;
    });
    try {
      await until(() => out.includes('"event":"ready"'), 20_000, "ready");
      const pid = Number(/"pid":(\d+)/.exec(out)?.[1]);
      const at = performance.now();
      child.kill("SIGTERM");
      const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
      await until(() => !alive(pid), 5000, "the bot process to end");
      record(
        "SIGTERM to npm start",
        `npm exit ${code}, bot gone after ${ms(performance.now() - at)}, "stopped" logged`,
        "bot orphaned",
      );
      expect(code).toBe(0);
      expect(out).toContain('"event":"stopped"');
    } finally {
      child.kill("SIGKILL");
    }
  });
});

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe("the gateway", () => {
  it("resumes after 4000, re-identifies after 4007, and exits 3 with one line after 4004", async () => {
    const running = await ready();
    const resumes = double.gateway.resumes;
    double.closeGateway(4000);
    await running.waitForLog((l) => l.event === "gateway_resumed");
    expect(double.gateway.resumes).toBe(resumes + 1);
    expect((await double.dispatch(double.chatInput("overview", [], as(1)))).type).toBe(4);

    const identifies = double.gateway.identifies;
    double.closeGateway(4007);
    await running.waitForLog((l) => l.event === "gateway_reidentified");
    expect(double.gateway.identifies).toBe(identifies + 1);
    expect((await double.dispatch(double.chatInput("overview", [], as(2)))).type).toBe(4);

    const closedAt = performance.now();
    double.closeGateway(4004);
    const { code, at } = await running.exited;
    const fatal = running.logs().filter((l) => l.event === "gateway_fatal");
    record(
      "gateway close 4000 / 4007 / 4004",
      `resumed / re-identified (one info line each); 4004: exit ${code} after ${ms(at - closedAt)}, one error line saying to reset the token`,
      "4004: exit 0 after one warning; resumes not logged",
    );
    expect(code).toBe(3);
    expect(fatal).toHaveLength(1);
    expect(String(fatal[0]?.action)).toMatch(/token/);
  });
});

describe("malformed payloads", () => {
  it.each([
    ["a command without a member or user", "overview", 4],
    ["an autocomplete without a member or user", "sector", 8],
  ])("%s is still answered and logged", async (_what, command, type) => {
    const running = await ready();
    const base =
      type === 8
        ? double.autocomplete(command, [str("name", "sem", true)], as(8))
        : double.chatInput(command, [], as(8));
    const { member: _member, ...payload } = base as typeof base & { member?: unknown };
    const callback = await double.dispatch(payload as unknown as Parameters<typeof double.send>[0]);
    expect(callback.type).toBe(type);
    await running.waitForLog((l) => l.kind === "unreadable" && l.outcome === "malformed");
    record(
      `malformed payload: ${_what}`,
      `answered (${type === 4 ? "private notice" : "no choices"}) after ~0.5 s, logged`,
      "no answer, no log line",
    );
  });
});

describe("rate limits", () => {
  it("a 429 without Retry-After backs off and gives up instead of spinning", async () => {
    const running = await ready();
    const before = double.requests.length;
    double.rateLimitNext(10_000);
    const at = performance.now();
    let requests: number;
    try {
      double.send(double.chatInput("overview", [], as(3)));
      await running.waitForLog((l) => l.event === "interaction" && l.outcome === "error", 15_000);
      requests = double.requests.length - before;
    } finally {
      double.rateLimitNext(0);
    }
    record(
      "429 without Retry-After",
      `${requests} requests in ${ms(performance.now() - at)}, then the request fails and is logged`,
      "~1,500 requests in 4 s",
    );
    expect(requests).toBeLessThanOrEqual(5);
    expect((await double.dispatch(double.chatInput("overview", [], as(4)))).type).toBe(4);
  });
});

describe("the quiz degrades alone", () => {
  it.each([
    ["a data folder that cannot be created (DATA_DIR under a file)", "cannot be opened"],
    ["a damaged database file", "damaged"],
  ])("%s: the bot starts, other commands work, /quiz says why", async (what, why) => {
    const dir = tempDir("fault");
    let dataDir = dir;
    if (why === "cannot be opened") {
      writeFileSync(join(dir, "file"), "");
      dataDir = join(dir, "file", "data");
    } else writeFileSync(join(dir, "scoreboard.sqlite"), "this is not a database ".repeat(200));
    const running = await ready({ DATA_DIR: dataDir });
    expect((await double.dispatch(double.chatInput("sector", [str("name", "chips")], as(10)))).type).toBe(4);
    const button = await quizButton(11);
    const answers = [];
    for (let i = 0; i < 5; i++) answers.push(await double.dispatch(double.button(button, as(20 + i))));
    for (const a of answers) expect(contentOf(a.data)).toContain(why);
    // Log lines are written in batches every 50 ms: wait for the first, then give any repeat time to show.
    await running.waitForLog((l) => l.event === "scoreboard_unavailable");
    await sleep(150);
    const logged = running.logs().filter((l) => l.event === "scoreboard_unavailable");
    expect(logged).toHaveLength(1);
    let recovered = "";
    if (why === "damaged") {
      rmSync(join(dir, "scoreboard.sqlite"));
      // The reopen waits out a backoff of 1 s, 2 s, 4 s, ... from the last failed try: on a busy machine the
      // five clicks above may have spent the first second, so keep clicking until a retry was due.
      let after = "";
      for (let i = 0; i < 16; i++) {
        await sleep(500);
        after = contentOf((await double.dispatch(double.button(button, as(30)))).data);
        if (!after.includes("unavailable")) break;
      }
      expect(after).not.toContain("unavailable");
      await running.waitForLog((l) => l.event === "scoreboard_recovered");
      recovered = "; recovered by itself once the file was moved away";
    }
    record(
      `scoreboard: ${what}`,
      `bot up, /sector answered, 5 quiz clicks told "${why}", 1 log line${recovered}`,
      "the whole bot stopped at start / generic error on every click",
    );
  });

  it("a full disk (file-size limit) fails quiz writes with a specific message, logged once", async () => {
    const running = await ready({}, 'trap "" XFSZ; ulimit -f 200');
    expect((await double.dispatch(double.chatInput("sector", [str("name", "chips")], as(40)))).type).toBe(4);
    const button = await quizButton(41);
    let failedAt = -1;
    const texts: string[] = [];
    for (let i = 0; i < 120; i++) {
      const callback = await double.dispatch(double.button(button, as(100 + i)));
      const text = JSON.stringify(callback.data);
      texts.push(text);
      if (text.includes("unavailable") && failedAt < 0) failedAt = i;
      if (failedAt >= 0 && i >= failedAt + 5) break;
    }
    expect(failedAt).toBeGreaterThanOrEqual(0);
    // Log lines are written in batches every 50 ms: wait for the first, then give any repeat time to show.
    await running.waitForLog((l) => l.event === "scoreboard_unavailable");
    await sleep(150);
    const logged = running.logs().filter((l) => l.event === "scoreboard_unavailable");
    expect(logged).toHaveLength(1);
    expect((await double.dispatch(double.chatInput("overview", [], as(99)))).type).toBe(4);
    record(
      "scoreboard: disk full (ulimit -f 200 KB)",
      `${failedAt} answers saved, then each click told why (${String(logged[0]?.fault)}), 1 log line; other commands answered`,
      'generic "Something went wrong" on every click, forever',
    );
  });
});
