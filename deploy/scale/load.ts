/**
 * `npm run test:scale`: PostgreSQL (DATABASE_URL, set up by deploy/scale/run.sh), N HTTP-mode replicas and
 * nginx with deploy/nginx/mic2025.conf, all on 127.0.0.1; signed interactions from many members across
 * many servers, a third of them quiz answers with duplicate clicks sent together so they land on different
 * replicas; optionally one replica killed mid-run. Checks every response and the scoreboard in PostgreSQL,
 * prints throughput, latency and counts, exits 1 on any failed check.
 *
 *   tsx deploy/scale/load.ts [--replicas 3] [--requests 3000] [--members 200] [--servers 20]
 *                            [--concurrency 48] [--kill | --no-kill] [--no-post-retry]
 */
import { type ChildProcess, spawn } from "node:child_process";
import { createWriteStream, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import pg from "pg";
import { createCustomIdCodec } from "../../src/discord/custom-id.ts";
import { loadKnowledgeOrThrow } from "../../src/knowledge/load.ts";
import { signedHeaders, testKeyPair } from "../../tests/http/sign.ts";

const { values: opts } = parseArgs({
  options: {
    replicas: { type: "string", default: "3" },
    requests: { type: "string", default: "3000" },
    members: { type: "string", default: "200" },
    servers: { type: "string", default: "20" },
    concurrency: { type: "string", default: "48" },
    kill: { type: "boolean", default: true },
    "no-kill": { type: "boolean", default: false },
    /** Drop `non_idempotent` from the nginx config, to see what a kill costs without POST retries. */
    "no-post-retry": { type: "boolean", default: false },
  },
});
const REPLICAS = Number(opts.replicas);
const REQUESTS = Number(opts.requests);
const MEMBERS = Number(opts.members);
const SERVERS = Number(opts.servers);
const CONCURRENCY = Number(opts.concurrency);
const KILL = opts.kill && !opts["no-kill"] && REPLICAS > 1;
const DEADLINE_MS = 3000;
const LB_PORT = 18080;
const REPLICA_PORT = 18081;

const DATABASE_URL = process.env.DATABASE_URL;
if (!DATABASE_URL) {
  console.error("DATABASE_URL is not set: run npm run test:scale (deploy/scale/run.sh sets up PostgreSQL).");
  process.exit(1);
}

const dir = mkdtempSync(join(tmpdir(), "mic2025-scale-"));
const children: ChildProcess[] = [];
const cleanUp = () => {
  for (const child of children)
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
};
process.on("exit", cleanUp);
process.on("SIGINT", () => process.exit(130));

// A seeded random source: the same traffic each run.
let seed = 2025;
const random = () => {
  seed = (seed * 1103515245 + 12345) % 2147483648;
  return seed / 2147483648;
};
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;

const kb = loadKnowledgeOrThrow();
const codec = createCustomIdCodec(kb);
const keys = testKeyPair();

// ---- traffic -------------------------------------------------------------------------------------------
type Kind = "ping" | "command" | "autocomplete" | "button" | "quiz-answer";
interface Planned {
  kind: Kind;
  payload: Record<string, unknown>;
  /** For quiz answers: guild/member/question, to check the scoreboard. */
  pair?: string;
}
const serverIds = Array.from({ length: SERVERS }, (_, i) => `5${String(i).padStart(17, "0")}`);
const memberIds = Array.from({ length: MEMBERS }, (_, i) => `6${String(i).padStart(17, "0")}`);
/** Each member plays in one server. */
const serverOf = (member: number) => serverIds[member % SERVERS] as string;
let nextId = 0;
const envelope = (type: number, member: number, extra: Record<string, unknown>) => ({
  type,
  id: `7${String(nextId++).padStart(17, "0")}`,
  token: `token-${nextId}`,
  application_id: "200000000000000001",
  guild_id: serverOf(member),
  channel_id: "400000000000000001",
  member: { user: { id: memberIds[member], username: `member${member}` }, roles: [], permissions: "0" },
  version: 1,
  ...extra,
});
const command = (member: number, name: string, options: unknown[] = []) =>
  envelope(2, member, { data: { id: "9", name, type: 1, options } });
const button = (member: number, customId: string, flags = 0) =>
  envelope(3, member, {
    data: { custom_id: customId, component_type: 2 },
    message: { id: "800000000000000001", channel_id: "400000000000000001", flags },
  });

const quizShare = Math.floor(REQUESTS / 3);
const planned: Planned[][] = [];
// Quiz answers: distinct (member, question) pairs, each clicked 2 or 3 times; the clicks of one pair are
// sent together, so with round-robin balancing they reach different replicas at the same moment.
const usedPairs = new Set<string>();
let quizClicks = 0;
while (quizClicks < quizShare) {
  const member = Math.floor(random() * MEMBERS);
  const question = pick(kb.questions);
  const pair = `${serverOf(member)}/${memberIds[member]}/${question.id}`;
  if (usedPairs.has(pair)) continue;
  usedPairs.add(pair);
  const clicks = Math.min(random() < 0.5 ? 2 : 3, quizShare - quizClicks);
  planned.push(
    Array.from({ length: clicks }, () => ({
      kind: "quiz-answer" as const,
      pair,
      payload: button(
        member,
        codec.encode({ type: "quiz-answer", questionId: question.id, choice: Math.floor(random() * 4) }),
      ),
    })),
  );
  quizClicks += clicks;
}
const sectorNames = [
  "semiconductors",
  "NEV",
  "robots",
  "C919",
  "5G",
  "HSR",
  "chips",
  "semiconducters",
  "芯片",
];
const questions = [
  "Who issued the plan?",
  "Which industries does China still rely on?",
  "What happened to the name?",
];
for (let i = quizClicks; i < REQUESTS; i++) {
  const member = Math.floor(random() * MEMBERS);
  const sector = pick(kb.sectors).id;
  const roll = random();
  const item: Planned =
    roll < 0.02
      ? {
          kind: "ping",
          payload: { type: 1, id: `ping-${i}`, token: "t", application_id: "200000000000000001", version: 1 },
        }
      : roll < 0.3
        ? {
            kind: "command",
            payload: command(member, "sector", [{ type: 3, name: "name", value: pick(sectorNames) }]),
          }
        : roll < 0.45
          ? {
              kind: "command",
              payload: command(member, "ask", [{ type: 3, name: "question", value: pick(questions) }]),
            }
          : roll < 0.6
            ? {
                kind: "autocomplete",
                payload: envelope(4, member, {
                  data: {
                    id: "9",
                    name: "sector",
                    type: 1,
                    options: [
                      { type: 3, name: "name", value: pick(["se", "ro", "n", "ch", ""]), focused: true },
                    ],
                  },
                }),
              }
            : roll < 0.72
              ? {
                  kind: "button",
                  payload: button(member, codec.encode({ type: "sector", sectorId: sector })),
                }
              : roll < 0.82
                ? {
                    kind: "button",
                    payload: button(
                      member,
                      codec.encode({ type: "sector-facts", sectorId: sector, page: 1 }),
                      64,
                    ),
                  }
                : roll < 0.92
                  ? {
                      kind: "command",
                      payload: command(member, "quiz", [{ type: 1, name: "question", options: [] }]),
                    }
                  : {
                      kind: "command",
                      payload: command(member, "quiz", [{ type: 1, name: "scores", options: [] }]),
                    };
  planned.push([item]);
}
// Shuffle the groups (the clicks of one pair stay together).
for (let i = planned.length - 1; i > 0; i--) {
  const j = Math.floor(random() * (i + 1));
  [planned[i], planned[j]] = [planned[j] as Planned[], planned[i] as Planned[]];
}
const sequence = planned.flat();

// ---- the system under test -----------------------------------------------------------------------------
async function waitFor(url: string, ms = 30_000): Promise<void> {
  const deadline = Date.now() + ms;
  for (;;) {
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {}
    if (Date.now() > deadline) throw new Error(`${url} did not come up within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

function startReplica(index: number): ChildProcess {
  const log = createWriteStream(join(dir, `replica-${index + 1}.log`));
  const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts", "start"], {
    env: {
      PATH: process.env.PATH ?? "",
      INTERACTIONS_MODE: "http",
      HOST: "127.0.0.1",
      PORT: String(REPLICA_PORT + index),
      DISCORD_PUBLIC_KEY: keys.publicKeyHex,
      DATABASE_URL,
      DATABASE_POOL_SIZE: "8",
      LOG_LEVEL: "warn",
      DATA_DIR: join(dir, "data"),
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  children.push(child);
  return child;
}

function startNginx(): ChildProcess {
  let site = readFileSync(new URL("../nginx/mic2025.conf", import.meta.url), "utf8");
  site = site.replace(/listen 80;/, `listen 127.0.0.1:${LB_PORT};`);
  if (opts["no-post-retry"]) site = site.replace(" non_idempotent;", ";");
  site = site.replace(/^\s*server 127\.0\.0\.1:808(\d)(.*)$/gm, (_line, n: string, rest: string) =>
    Number(n) <= REPLICAS ? `    server 127.0.0.1:${REPLICA_PORT + Number(n) - 1}${rest}` : "",
  );
  writeFileSync(join(dir, "mic2025.conf"), site);
  writeFileSync(
    join(dir, "nginx.conf"),
    `user root;
worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/nginx-error.log warn;
events { worker_connections 4096; }
http {
  log_format scale '$status|$upstream_addr|$upstream_status|$upstream_connect_time|$request_time';
  access_log ${dir}/nginx-access.log scale;
  client_body_temp_path ${dir}/body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  include ${dir}/mic2025.conf;
}
`,
  );
  const child = spawn("nginx", ["-c", join(dir, "nginx.conf"), "-p", dir, "-g", "daemon off;"], {
    stdio: ["ignore", "inherit", "inherit"],
  });
  children.push(child);
  return child;
}

// ---- run -----------------------------------------------------------------------------------------------
interface Outcome {
  item: Planned;
  ms: number;
  status: number;
  type?: number;
  title?: string;
  error?: string;
}

async function send(item: Planned): Promise<Outcome> {
  const body = JSON.stringify(item.payload);
  const started = performance.now();
  try {
    const response = await fetch(`http://127.0.0.1:${LB_PORT}/interactions`, {
      method: "POST",
      headers: signedHeaders(keys.privateKey, body),
      body,
      signal: AbortSignal.timeout(10_000),
    });
    const text = await response.text();
    const ms = performance.now() - started;
    if (response.status !== 200) return { item, ms, status: response.status, error: text.slice(0, 120) };
    const json = JSON.parse(text) as {
      type: number;
      data?: { embeds?: { title?: string }[]; choices?: unknown[] };
    };
    return { item, ms, status: 200, type: json.type, title: json.data?.embeds?.[0]?.title };
  } catch (error) {
    return { item, ms: performance.now() - started, status: 0, error: (error as Error).message };
  }
}

const EXPECTED: Record<Kind, number[]> = {
  ping: [1],
  command: [4],
  autocomplete: [8],
  button: [4, 7],
  "quiz-answer": [4],
};

const admin = new pg.Pool({ connectionString: DATABASE_URL, max: 2 });
await admin.query("DROP TABLE IF EXISTS answers, scores, schema_migrations");

console.log(
  `test:scale: ${REPLICAS} replica(s) + nginx on 127.0.0.1:${LB_PORT}, ${sequence.length} interactions (${quizClicks} quiz clicks on ${usedPairs.size} member/question pairs) from ${MEMBERS} members in ${SERVERS} servers, ${CONCURRENCY} in flight${KILL ? ", one replica killed mid-run" : ""}`,
);
const replicas = Array.from({ length: REPLICAS }, (_, i) => startReplica(i));
// They start together: the advisory lock lets one migrate.
await Promise.all(replicas.map((_, i) => waitFor(`http://127.0.0.1:${REPLICA_PORT + i}/healthz`)));
startNginx();
await waitFor(`http://127.0.0.1:${LB_PORT}/healthz`);
// Warm up each replica's first request path (module loading) outside the measurement.
for (let i = 0; i < REPLICAS * 3; i++)
  await send({ kind: "ping", payload: { type: 1, id: "warm", token: "t", application_id: "1", version: 1 } });

const outcomes: Outcome[] = [];
let cursor = 0;
let inFlightAtKill = -1;
let inFlight = 0;
let killedAt = -1;
const started = performance.now();
async function worker(): Promise<void> {
  while (cursor < sequence.length) {
    const item = sequence[cursor++] as Planned;
    inFlight++;
    const outcome = await send(item);
    inFlight--;
    outcomes.push(outcome);
    if (KILL && killedAt < 0 && outcomes.length >= sequence.length / 2) {
      killedAt = outcomes.length;
      inFlightAtKill = inFlight;
      replicas[1]?.kill("SIGKILL");
    }
  }
}
await Promise.all(Array.from({ length: CONCURRENCY }, () => worker()));
const seconds = (performance.now() - started) / 1000;

// ---- checks --------------------------------------------------------------------------------------------
const problems: string[] = [];
const latencies = outcomes.map((o) => o.ms).sort((a, b) => a - b);
const pct = (p: number) =>
  latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))] ?? 0;
const failed = outcomes.filter((o) => o.status !== 200 || !EXPECTED[o.item.kind].includes(o.type ?? -1));
const slow = outcomes.filter((o) => o.ms >= DEADLINE_MS);
if (failed.length) problems.push(`${failed.length} interaction(s) without a valid response`);
if (slow.length) problems.push(`${slow.length} interaction(s) answered in 3 s or more`);

const quiz = outcomes.filter((o) => o.item.kind === "quiz-answer");
const countedByPair = new Map<string, number>();
const answeredPairs = new Set<string>();
for (const o of quiz) {
  const pair = o.item.pair as string;
  if (o.status === 200) answeredPairs.add(pair);
  const counted = o.status === 200 && o.title !== "You already answered this one";
  countedByPair.set(pair, (countedByPair.get(pair) ?? 0) + (counted ? 1 : 0));
}
const countedTwice = [...countedByPair].filter(([, n]) => n > 1);
if (countedTwice.length) problems.push(`${countedTwice.length} pair(s) told "counted" more than once`);
const { rows: answerRows } = await admin.query<{ guild_id: string; user_id: string; question_id: string }>(
  "SELECT guild_id, user_id, question_id FROM answers",
);
const stored = new Set(answerRows.map((r) => `${r.guild_id}/${r.user_id}/${r.question_id}`));
const missing = [...answeredPairs].filter((p) => !stored.has(p));
const unknown = [...stored].filter((p) => !usedPairs.has(p));
if (missing.length) problems.push(`${missing.length} answered pair(s) missing from PostgreSQL`);
if (unknown.length) problems.push(`${unknown.length} stored answer(s) nobody sent`);
const { rows: mismatch } = await admin.query(
  `SELECT s.guild_id, s.user_id, s.answered, count(a.*) AS rows FROM scores s
   LEFT JOIN answers a ON a.guild_id = s.guild_id AND a.user_id = s.user_id
   GROUP BY s.guild_id, s.user_id, s.answered HAVING s.answered <> count(a.*)`,
);
if (mismatch.length)
  problems.push(`${mismatch.length} member(s) whose answered count differs from their first answers`);
const notCounted = [...countedByPair].filter(([pair, n]) => n === 0 && stored.has(pair)).length;

// nginx's view: which requests went to a second replica.
// A retried request lists two upstreams. If its first try had a connection (a connect time; 0.000 for a
// reused keep-alive one), the request went to the killed replica and was never answered; if not ("-"),
// a new connection was refused after the kill, before nginx left the replica out.
const access = readFileSync(join(dir, "nginx-access.log"), "utf8").trim().split("\n");
const retriedLines = access.map((line) => line.split("|")).filter(([, addr]) => addr?.includes(","));
const retried = retriedLines.length;
const held = retriedLines.filter(([, , , connect]) =>
  /^\d/.test(connect?.split(",")[0]?.trim() ?? ""),
).length;
const lost = outcomes.filter((o) => o.status !== 200).length;

const byKind = Object.entries(
  outcomes.reduce<Record<string, number>>((acc, o) => {
    acc[o.item.kind] = (acc[o.item.kind] ?? 0) + 1;
    return acc;
  }, {}),
)
  .map(([k, n]) => `${k} ${n}`)
  .join(", ");
console.log(`
  interactions      ${outcomes.length} (${byKind})
  throughput        ${(outcomes.length / seconds).toFixed(0)} interactions/s over ${seconds.toFixed(1)} s
  latency           p50 ${pct(50).toFixed(1)} ms · p99 ${pct(99).toFixed(1)} ms · max ${(latencies.at(-1) ?? 0).toFixed(1)} ms
  valid responses   ${outcomes.length - failed.length} of ${outcomes.length}; ${slow.length} at 3 s or more
  quiz              ${usedPairs.size} pairs, ${quiz.length} clicks; ${stored.size} first answers stored; ${[...countedByPair.values()].filter((n) => n === 1).length} pairs told "counted" exactly once; ${countedTwice.length} more than once; ${notCounted} stored but no click told "counted" (a retried click whose first try was recorded)
  scores            ${mismatch.length} member(s) with answered ≠ their stored first answers
  kill              ${KILL ? `replica 2 SIGKILLed after ${killedAt} responses with ${inFlightAtKill} requests in flight at nginx; nginx passed ${retried} request(s) to another replica (${held} sent to the killed replica and never answered, ${retried - held} refused connections); ${lost} lost` : "none"}
`);
if (failed.length)
  console.log(
    "  first failures:",
    failed.slice(0, 5).map((o) => `${o.item.kind} ${o.status} ${o.type ?? ""} ${o.error ?? ""}`),
  );

await admin.end();
cleanUp();
await new Promise((r) => setTimeout(r, 300));
if (problems.length) {
  console.error(`test:scale FAILED: ${problems.join("; ")} (logs kept in ${dir})`);
  process.exit(1);
}
rmSync(dir, { recursive: true, force: true });
console.log("test:scale passed");
process.exit(0);
