import { readFileSync } from "node:fs";
import type { Search } from "../src/search/index.ts";

/** The labelled queries: sector look-ups, questions with every acceptable fact, and off-topic misses. */
export interface QuerySet {
  sectors: { query: string; sector: string; kind: string }[];
  questions: { query: string; facts: string[]; topic: string }[];
  misses: { query: string }[];
}

export const querySet: QuerySet = JSON.parse(
  readFileSync(new URL("./query-set.json", import.meta.url), "utf8"),
);

export interface Evaluation {
  sectorHits: number;
  sectorTotal: number;
  sectorMisses: string[];
  questionHits: number;
  questionTop1: number;
  questionTotal: number;
  questionMisses: string[];
  offTopicRejected: number;
  offTopicTotal: number;
  offTopicMisses: string[];
}

/** Scores a search (or any `answer`-like function) on the query set: what the quality test and the bench report. */
export function evaluate(
  resolveSector: (q: string) => string | null,
  answerTop: (q: string) => string[],
  set: QuerySet = querySet,
): Evaluation {
  const sectorMisses: string[] = [];
  let sectorHits = 0;
  for (const { query, sector } of set.sectors) {
    const got = resolveSector(query);
    if (got === sector) sectorHits++;
    else sectorMisses.push(`sector "${query}": expected ${sector}, got ${got ?? "no match"}`);
  }
  const questionMisses: string[] = [];
  let questionHits = 0;
  let questionTop1 = 0;
  for (const { query, facts } of set.questions) {
    const top = answerTop(query);
    if (top.slice(0, 3).some((id) => facts.includes(id))) questionHits++;
    else
      questionMisses.push(
        `ask "${query}": expected one of ${facts.join(", ")}; got ${top.slice(0, 3).join(", ") || "no match"}`,
      );
    if (top[0] && facts.includes(top[0])) questionTop1++;
  }
  const offTopicMisses: string[] = [];
  let offTopicRejected = 0;
  for (const { query } of set.misses) {
    const top = answerTop(query);
    if (top.length === 0) offTopicRejected++;
    else offTopicMisses.push(`off-topic "${query}" answered with ${top[0]}`);
  }
  return {
    sectorHits,
    sectorTotal: set.sectors.length,
    sectorMisses,
    questionHits,
    questionTop1,
    questionTotal: set.questions.length,
    questionMisses,
    offTopicRejected,
    offTopicTotal: set.misses.length,
    offTopicMisses,
  };
}

/** `evaluate` for the project's own search. */
export function evaluateSearch(search: Search, set: QuerySet = querySet): Evaluation {
  return evaluate(
    (q) => search.resolveSector(q).sector?.id ?? null,
    (q) => search.answer(q, { limit: 3 }).results.map((r) => r.fact.id),
    set,
  );
}
