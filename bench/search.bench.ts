import { existsSync, readFileSync } from "node:fs";
import os from "node:os";
import Fuse from "fuse.js";
import { type Evaluation, evaluate, evaluateSearch, type QuerySet, querySet } from "../eval/query-set.ts";
import { loadKnowledgeOrThrow } from "../src/knowledge/load.ts";
import { createSearch } from "../src/search/index.ts";

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

/** The accuracy rows of one query set: ours next to naive Fuse.js. */
function accuracyRows(prefix: string, ours: Evaluation, theirs: Evaluation): [string, string, string][] {
  const row = (name: string, pick: (e: Evaluation) => [number, number]): [string, string, string] => [
    `${prefix}${name}`,
    pct(...pick(ours)),
    pct(...pick(theirs)),
  ];
  return [
    row("sector look-ups right", (e) => [e.sectorHits, e.sectorTotal]),
    row("questions: right fact in top 3", (e) => [e.questionHits, e.questionTotal]),
    row("questions: right fact first", (e) => [e.questionTop1, e.questionTotal]),
    row("off-topic answered 'no match'", (e) => [e.offTopicRejected, e.offTopicTotal]),
  ];
}

const rows = accuracyRows("", evaluateSearch(search), naive(querySet));
const holdoutPath = new URL("../eval/holdout-set.json", import.meta.url);
if (existsSync(holdoutPath)) {
  const holdout: QuerySet = JSON.parse(readFileSync(holdoutPath, "utf8"));
  rows.push(...accuracyRows("held-out: ", evaluateSearch(search, holdout), naive(holdout)));
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
