import { existsSync, readFileSync } from "node:fs";
import os from "node:os";
import Fuse from "fuse.js";
import { loadKnowledgeOrThrow } from "../src/knowledge/load.ts";
import { createSearch } from "../src/search/index.ts";
import {
  type Evaluation,
  evaluate,
  evaluateSearch,
  type QuerySet,
  querySet,
} from "../tests/search/query-set.ts";

// `npm run bench`: speed and accuracy of the search on the labelled queries, next to naive Fuse.js.
// A benchmark, not a test: it prints a table and judges nothing; the targets are in the README.

const ROUNDS = 30;
const gc = (globalThis as { gc?: () => void }).gc;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

/** Times `fn` on every query, `ROUNDS` times after a warm-up, and returns p50/p99 in milliseconds. */
function latency(queries: readonly string[], fn: (q: string) => unknown): { p50: number; p99: number } {
  for (const q of queries) fn(q);
  const samples: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    for (const q of queries) {
      const start = performance.now();
      fn(q);
      samples.push(performance.now() - start);
    }
  }
  samples.sort((a, b) => a - b);
  return { p50: percentile(samples, 50), p99: percentile(samples, 99) };
}

const ms = (n: number) => `${n.toFixed(3)} ms`;
const pct = (hits: number, total: number) => `${((100 * hits) / total).toFixed(1)}% (${hits}/${total})`;

gc?.();
const heapBefore = process.memoryUsage().heapUsed;
const kb = loadKnowledgeOrThrow();
const search = createSearch(kb);
gc?.();
const heapAfter = process.memoryUsage().heapUsed;

const builds: number[] = [];
for (let i = 0; i < 20; i++) {
  const start = performance.now();
  createSearch(kb);
  builds.push(performance.now() - start);
}
builds.sort((a, b) => a - b);

const naiveFacts = new Fuse(kb.facts, { keys: ["text"] });
const naiveSectors = new Fuse(kb.sectors, { keys: ["name", "aliases"] });
const naive = (set: QuerySet) =>
  evaluate(
    (q) => naiveSectors.search(q)[0]?.item.id ?? null,
    (q) => naiveFacts.search(q, { limit: 3 }).map((r) => r.item.id),
    set,
  );

const sectorQueries = querySet.sectors.map((s) => s.query);
const questions = [...querySet.questions.map((q) => q.query), ...querySet.misses.map((m) => m.query)];
const prefixes = sectorQueries.flatMap((q) => [q.slice(0, 1), q.slice(0, 3), q]);

const ours = evaluateSearch(search);
const theirs = naive(querySet);
const rows: [string, string, string][] = [
  [
    "sector look-ups right",
    pct(ours.sectorHits, ours.sectorTotal),
    pct(theirs.sectorHits, theirs.sectorTotal),
  ],
  [
    "questions: right fact in top 3",
    pct(ours.questionHits, ours.questionTotal),
    pct(theirs.questionHits, theirs.questionTotal),
  ],
  [
    "questions: right fact first",
    pct(ours.questionTop1, ours.questionTotal),
    pct(theirs.questionTop1, theirs.questionTotal),
  ],
  [
    "off-topic answered 'no match'",
    pct(ours.offTopicRejected, ours.offTopicTotal),
    pct(theirs.offTopicRejected, theirs.offTopicTotal),
  ],
];

const holdoutPath = new URL("../tests/search/holdout-set.json", import.meta.url);
if (existsSync(holdoutPath)) {
  const holdout: QuerySet = JSON.parse(readFileSync(holdoutPath, "utf8"));
  const o: Evaluation = evaluate(
    (q) => search.resolveSector(q).sector?.id ?? null,
    (q) => search.answer(q, { limit: 3 }).results.map((r) => r.fact.id),
    holdout,
  );
  const t = naive(holdout);
  rows.push(
    ["held-out: sector look-ups right", pct(o.sectorHits, o.sectorTotal), pct(t.sectorHits, t.sectorTotal)],
    [
      "held-out: right fact in top 3",
      pct(o.questionHits, o.questionTotal),
      pct(t.questionHits, t.questionTotal),
    ],
    [
      "held-out: off-topic 'no match'",
      pct(o.offTopicRejected, o.offTopicTotal),
      pct(t.offTopicRejected, t.offTopicTotal),
    ],
  );
}

const resolve = latency(sectorQueries, (q) => search.resolveSector(q));
const suggest = latency(prefixes, (q) => search.suggestSectors(q));
const answer = latency(questions, (q) => search.answer(q));
const naiveAnswer = latency(questions, (q) => naiveFacts.search(q, { limit: 3 }));
const naiveResolve = latency(sectorQueries, (q) => naiveSectors.search(q));
rows.push(
  [
    "resolveSector p50 / p99",
    `${ms(resolve.p50)} / ${ms(resolve.p99)}`,
    `${ms(naiveResolve.p50)} / ${ms(naiveResolve.p99)}`,
  ],
  ["suggestSectors p50 / p99", `${ms(suggest.p50)} / ${ms(suggest.p99)}`, "—"],
  [
    "answer p50 / p99",
    `${ms(answer.p50)} / ${ms(answer.p99)}`,
    `${ms(naiveAnswer.p50)} / ${ms(naiveAnswer.p99)}`,
  ],
  ["index build (median of 20)", ms(percentile(builds, 50)), "—"],
  [
    "heap after load (knowledge + indexes)",
    gc ? `${((heapAfter - heapBefore) / 1024 / 1024).toFixed(1)} MiB` : "run with --expose-gc",
    "—",
  ],
);

const header = ["measure", "mic2025-bot search", "naive Fuse.js (defaults)"] as const;
const width = [0, 1, 2].map((i) => Math.max(...[header, ...rows].map((r) => (r[i] ?? "").length)));
const line = (r: readonly string[]) => `| ${r.map((c, i) => c.padEnd(width[i] ?? 0)).join(" | ")} |`;
console.log(
  `Search benchmark, ${new Date().toISOString().slice(0, 10)}, Node ${process.version}, ${os.cpus().length} cores; ${kb.facts.length} facts, ${sectorQueries.length} sector queries, ${questions.length} questions, ${ROUNDS} rounds warm`,
);
console.log(line(header));
console.log(line(width.map((w) => "-".repeat(w))));
for (const row of rows) console.log(line(row));
