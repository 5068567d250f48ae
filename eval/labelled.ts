import { existsSync, readFileSync } from "node:fs";
import type { QuerySet } from "./query-set.ts";

/**
 * The labelled evaluation sets and their scorer, shared by `npm run bench`, `npm run calibrate` and the
 * quality test. A question's `gold` lists every fact that answers it; `gold: []` means nothing in the fact
 * base answers it and the right reply is a decline.
 */
export interface LabelledQuestion {
  id: string;
  q: string;
  gold: string[];
  persona?: string;
  style?: string;
}

/** One sector look-up with every acceptable sector. */
export interface SectorLookup {
  q: string;
  sectors: string[];
}

/** A part of the evaluation: its questions and look-ups, and where they came from. */
export interface EvalPart {
  name: string;
  source: string;
  questions: LabelledQuestion[];
  lookups: SectorLookup[];
}

const at = (file: string) => new URL(`./${file}`, import.meta.url);
const readJson = <T>(file: string): T => JSON.parse(readFileSync(at(file), "utf8")) as T;

/** Today's older sets (questions with facts, off-topic misses, look-ups with one sector) in the new shape. */
function fromLegacy(name: string, file: string): EvalPart {
  const set = readJson<QuerySet>(file);
  return {
    name,
    source: `eval/${file}`,
    questions: [
      ...set.questions.map((q, i) => ({ id: `${name}-q${i}`, q: q.query, gold: q.facts })),
      ...set.misses.map((m, i) => ({ id: `${name}-m${i}`, q: m.query, gold: [] })),
    ],
    lookups: set.sectors.map((s) => ({ q: s.query, sectors: [s.sector] })),
  };
}

/** A seeded shuffle (mulberry32, Fisher-Yates): the same split on every machine, fixed before tuning. */
function seededShuffle<T>(items: readonly T[], seed: number): T[] {
  let state = seed >>> 0;
  const random = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

/**
 * `eval/sector-lookups.json` comes as one file: a seeded shuffle splits it in halves, the first for tuning,
 * the second held out. The split was fixed before any tuning on it.
 */
function lookupHalves(): [SectorLookup[], SectorLookup[]] | null {
  if (!existsSync(at("sector-lookups.json"))) return null;
  const all = seededShuffle(readJson<{ lookups: SectorLookup[] }>("sector-lookups.json").lookups, 2025);
  const half = Math.ceil(all.length / 2);
  return [all.slice(0, half), all.slice(half)];
}

/**
 * The tuning part: `eval/tuning.json` and the tuning half of `eval/sector-lookups.json` when present, else
 * today's older query set. The only part the tuner reads.
 */
export function tuningPart(): EvalPart {
  if (!existsSync(at("tuning.json"))) return fromLegacy("tuning", "query-set.json");
  return {
    name: "tuning",
    source: "eval/tuning.json + half of eval/sector-lookups.json",
    questions: readJson<{ questions: LabelledQuestion[] }>("tuning.json").questions,
    lookups: lookupHalves()?.[0] ?? fromLegacy("tuning", "query-set.json").lookups,
  };
}

/** A labelled file of questions alone (no look-ups of its own), or null until it exists. */
function questionsOnly(name: string, file: string): EvalPart | null {
  if (!existsSync(at(file))) return null;
  return {
    name,
    source: `eval/${file}`,
    questions: readJson<{ questions: LabelledQuestion[] }>(file).questions,
    lookups: [],
  };
}

/**
 * The second tuning part, `eval/tuning2.json` (labelled blind, added later; no look-ups of its own): a check
 * that a change made for the first part's misses generalises. Null until the file exists.
 */
export function tuning2Part(): EvalPart | null {
  return questionsOnly("tuning2", "tuning2.json");
}

/**
 * The third tuning part, `eval/tuning3.json`: questions written blind in the fifth pass by four other
 * writers (see the README), split from the second held-out part by a seeded shuffle before anyone read them.
 */
export function tuning3Part(): EvalPart | null {
  return questionsOnly("tuning3", "tuning3.json");
}

/** Every part the tuner may read: the first tuning part and, when present, the second and third. */
export function tuningParts(): EvalPart[] {
  return [tuningPart(), ...[tuning2Part(), tuning3Part()].filter((p): p is EvalPart => p !== null)];
}

/**
 * The held-out part: `eval/heldout.json` and the held-out half of the look-ups when present, else the
 * older held-out set. Scored only through this module: never read to tune.
 */
export function heldOutPart(): EvalPart {
  if (!existsSync(at("heldout.json"))) return fromLegacy("held-out", "holdout-set.json");
  return {
    name: "held-out",
    source: "eval/heldout.json + other half of eval/sector-lookups.json",
    questions: readJson<{ questions: LabelledQuestion[] }>("heldout.json").questions,
    lookups: lookupHalves()?.[1] ?? fromLegacy("held-out", "holdout-set.json").lookups,
  };
}

/**
 * The second held-out part, `eval/heldout2.json`: the fifth pass's blind questions that the seeded shuffle
 * set aside. Labelled by helpers; never opened by the tuner, scored only through this module.
 */
export function heldOut2Part(): EvalPart | null {
  return questionsOnly("held-out2", "heldout2.json");
}

/** Every held-out part: never read to tune. */
export function heldOutParts(): EvalPart[] {
  const second = heldOut2Part();
  return second ? [heldOutPart(), second] : [heldOutPart()];
}

/** Today's older sets, kept as a regression check: every question there still has its facts. */
export function legacyParts(): EvalPart[] {
  return [fromLegacy("older tuning", "query-set.json"), fromLegacy("older held-out", "holdout-set.json")];
}

/** What the scorer reports for questions. Rates are shares of their own group (answerable or not). */
export interface QuestionScores {
  answerable: number;
  unanswerable: number;
  top1: number;
  top3: number;
  /** Sum of 1/rank of the first right fact over answerable questions (declined or missed: 0). */
  reciprocalRanks: number;
  declinedUnanswerable: number;
  wronglyDeclined: number;
  misses: string[];
}

/** Scores an engine: `top(q)` returns fact ids best first, empty when it declines. */
export function scoreQuestions(
  questions: readonly LabelledQuestion[],
  top: (q: string) => string[],
): QuestionScores {
  const s: QuestionScores = {
    answerable: 0,
    unanswerable: 0,
    top1: 0,
    top3: 0,
    reciprocalRanks: 0,
    declinedUnanswerable: 0,
    wronglyDeclined: 0,
    misses: [],
  };
  for (const { q, gold } of questions) {
    const got = top(q);
    if (!gold.length) {
      s.unanswerable++;
      if (!got.length) s.declinedUnanswerable++;
      else s.misses.push(`unanswerable "${q}" answered with ${got[0]}`);
      continue;
    }
    s.answerable++;
    if (!got.length) s.wronglyDeclined++;
    const rank = got.findIndex((id) => gold.includes(id));
    if (rank === 0) s.top1++;
    if (rank >= 0 && rank < 3) s.top3++;
    if (rank >= 0) s.reciprocalRanks += 1 / (rank + 1);
    if (rank !== 0)
      s.misses.push(`"${q}": want ${gold.join(" | ")}; got ${got.slice(0, 3).join(", ") || "declined"}`);
  }
  return s;
}

/** What the scorer reports for sector look-ups. */
export interface LookupScores {
  total: number;
  /** Landed on an acceptable sector. */
  landed: number;
  /** Landed on one, or offered one first among the suggestions. */
  landedOrOffered: number;
  /** Neither a sector nor a suggestion. */
  empty: number;
  misses: string[];
}

/** Scores look-ups: `resolve(q)` returns the sector landed on (or null) and the suggestions. */
export function scoreLookups(
  lookups: readonly SectorLookup[],
  resolve: (q: string) => { sector: string | null; suggestions: string[] },
): LookupScores {
  const s: LookupScores = { total: lookups.length, landed: 0, landedOrOffered: 0, empty: 0, misses: [] };
  for (const { q, sectors } of lookups) {
    const got = resolve(q);
    const first = got.sector ?? got.suggestions[0] ?? null;
    if (got.sector && sectors.includes(got.sector)) s.landed++;
    if (first && sectors.includes(first)) s.landedOrOffered++;
    if (!first) s.empty++;
    if (!got.sector || !sectors.includes(got.sector))
      s.misses.push(
        `sector "${q}": want ${sectors.join(" | ")}; got ${got.sector ?? `[${got.suggestions.join(", ")}]`}`,
      );
  }
  return s;
}
