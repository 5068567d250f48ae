import { readFileSync } from "node:fs";

/**
 * The older labelled query set's shape (sector look-ups, questions with every acceptable fact, off-topic
 * misses): `eval/query-set.json` and `eval/holdout-set.json`. `eval/labelled.ts` reads both as parts of
 * the evaluation; the renderer tests send every query through the Discord renderer.
 */
export interface QuerySet {
  sectors: { query: string; sector: string; kind: string }[];
  questions: { query: string; facts: string[]; topic: string }[];
  misses: { query: string }[];
}

/** The older tuning set. */
export const querySet: QuerySet = JSON.parse(
  readFileSync(new URL("./query-set.json", import.meta.url), "utf8"),
);
