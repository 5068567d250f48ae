import { loadKnowledgeOrThrow } from "../src/knowledge/load.ts";
import { createSearch } from "../src/search/index.ts";
import { scoreLookups, scoreQuestions, tuningParts } from "./labelled.ts";

// `npx tsx eval/tune.ts [--misses]`: the tuning parts' numbers only (never the held-out part), for the
// tuner's quick loop between full benches.
const search = createSearch(loadKnowledgeOrThrow());
const top = (q: string) => search.answer(q, { limit: 5 }).results.map((r) => r.fact.id);
const resolve = (q: string) => {
  const r = search.resolveSector(q);
  return { sector: r.sector?.id ?? null, suggestions: r.suggestions.map((s) => s.id) };
};
const pct = (a: number, b: number) => `${b ? ((100 * a) / b).toFixed(1) : "—"}%`;
for (const part of tuningParts()) {
  const q = scoreQuestions(part.questions, top);
  const l = scoreLookups(part.lookups, resolve);
  console.log(
    `${part.name}: top1 ${pct(q.top1, q.answerable)} top3 ${pct(q.top3, q.answerable)} MRR ${(q.reciprocalRanks / q.answerable).toFixed(3)} declined ${pct(q.declinedUnanswerable, q.unanswerable)} wrongly ${pct(q.wronglyDeclined, q.answerable)} lookups ${pct(l.landedOrOffered, l.total)} empty ${l.empty}/${l.total}`,
  );
  // Ranking alone, every question answered (no decline): what the ranking changes move.
  const r = scoreQuestions(
    part.questions.filter((x) => x.gold.length),
    (x) => search.answer(x, { limit: 5, noDecline: true }).results.map((f) => f.fact.id),
  );
  console.log(
    `  ranking alone: top1 ${pct(r.top1, r.answerable)} top3 ${pct(r.top3, r.answerable)} MRR ${(r.reciprocalRanks / r.answerable).toFixed(3)}`,
  );
  if (process.argv.includes("--misses")) console.log([...q.misses, ...l.misses].join("\n"));
}
