import type { QueryAnalysis } from "./query.ts";
import type { Candidate } from "./score.ts";

/** What the answerability model reads about one candidate answer; every value lies in 0..1. */
export interface Features {
  /** Share of the question's weight the fact matched. */
  coverage: number;
  /** The fact's score over the best score (1 for the first result). */
  ratio: number;
  /** Lead over the next result, as a share of the best score. */
  margin: number;
  /** The question has a type and the fact's kind fits it. */
  kindMatch: number;
  /** The question has a type and the fact's kind is known and does not fit it. */
  kindMiss: number;
  /** Share of the question's weight in words the fact base does not know at all. */
  unknownShare: number;
  /** How closely the question matches one of the fact's own reader questions. */
  questionOverlap: number;
  /** The fact's score per unit of question weight, squashed into 0..1: how strongly it matched at all. */
  strength: number;
  /** The weightiest question word the fact lacks, over the weightiest word (0 when it has them all). */
  missed: number;
  /** The question's subject words, as a share of ten: long questions match a smaller share by nature. */
  length: number;
  /** 1 for the first result. */
  first: number;
  /** Specific question words (names, numbers, unknown or rarest words) the fact lacks: 0, 0.5 for one, 1 for two or more. */
  specificMissed: number;
  /** The question names something (capitalised, acronym, number) and the fact lacks a name of it. */
  nameMissed: number;
  /**
   * The share of the question the fact leaves uncovered, counted fully in a short question and less in a
   * long one: in three words every word is the question, in thirty many are context.
   */
  shortUncovered: number;
  /**
   * Share of the question's weight in words the fact base knows but this fact lacks: had the facts held
   * the answer, a fact with those words would likely have come first.
   */
  knownMissed: number;
  /**
   * `knownMissed` for a question asking for a figure ("how many cars did China export"): a figure about
   * something else (tariffs on cars) does not answer it, however many words it shares.
   */
  figureMissed: number;
  /** Share of the question's weight in unknown words that are common words of the language (see `QueryAnalysis`). */
  commonUnknown: number;
}

/** The names of the features, in the order the model reads them. */
export type FeatureName = keyof Features;
export const FEATURE_NAMES: readonly FeatureName[] = [
  "coverage",
  "ratio",
  "margin",
  "kindMatch",
  "kindMiss",
  "unknownShare",
  "questionOverlap",
  "strength",
  "missed",
  "length",
  "first",
  "specificMissed",
  "nameMissed",
  "shortUncovered",
  "knownMissed",
  "figureMissed",
  "commonUnknown",
];

/**
 * The side of zero each feature's weight must stay on when a model is fitted: +1 where more of it can only
 * mean a likelier answer (coverage, a reader question matched), -1 where it can only mean a less likely one
 * (unknown or missing words), 0 where either may hold. Without them, correlated features take weights of
 * the wrong sign on the tuning questions (coverage counting against an answer), which unseen ones punish.
 */
export const FEATURE_SIGNS: Readonly<Record<FeatureName, number>> = {
  coverage: 1,
  ratio: 0,
  margin: 0,
  kindMatch: 1,
  kindMiss: -1,
  unknownShare: -1,
  questionOverlap: 1,
  strength: 1,
  missed: -1,
  length: 0,
  first: 0,
  specificMissed: -1,
  nameMissed: -1,
  shortUncovered: -1,
  knownMissed: -1,
  figureMissed: -1,
  commonUnknown: -1,
};

/**
 * A logistic model of P(this result is a right answer), fitted on the tuning questions, and the threshold
 * below which the first result is not shown. `precisionAbove` is the share of first results above the
 * threshold that were right on the tuning set.
 */
export interface Calibration {
  fittedOn: string;
  weights: Record<FeatureName, number>;
  bias: number;
  /**
   * A second logistic model on the first result only: P(the fact base answers this question at all). It is
   * fitted for the decline decision (answerable or not), which is a different question from "is this fact
   * the right one"; `threshold` applies to it.
   */
  decline: { weights: Record<FeatureName, number>; bias: number };
  threshold: number;
  precisionAbove: number;
  /** Shown first results of the tuning set by confidence band, and how many of them were right. */
  bands: { from: number; to: number; n: number; right: number }[];
}

/** The features of the `i`-th candidate (candidates best first). */
export function featuresOf(
  candidates: readonly Candidate[],
  i: number,
  query: QueryAnalysis,
  hasKind: (doc: number) => boolean,
): Features {
  const best = candidates[0]?.score || 1;
  const c = candidates[i] as Candidate;
  const next = candidates[i + 1]?.score ?? 0;
  const typed = query.kinds.length > 0;
  const length = Math.min(1, query.slots.filter((s) => !s.plan).length / 10);
  return {
    coverage: Math.min(1, c.coverage),
    ratio: c.score / best,
    margin: (c.score - next) / best,
    kindMatch: typed && c.kindMatch ? 1 : 0,
    kindMiss: typed && !c.kindMatch && hasKind(c.doc) ? 1 : 0,
    unknownShare: query.totalWeight ? query.unknownWeight / query.totalWeight : 1,
    questionOverlap: c.questionOverlap,
    strength: query.totalWeight ? Math.tanh(c.score / query.totalWeight / 3) : 0,
    missed: c.missed,
    length,
    first: i === 0 ? 1 : 0,
    ...specificMisses(query, c.matched),
    shortUncovered: (1 - Math.min(1, c.coverage)) * (1 - length),
    knownMissed: knownMissed(query, c.matched),
    figureMissed: query.kinds.includes("figure") && knownMissed(query, c.matched) > 0 ? 1 : 0,
    commonUnknown: query.totalWeight ? query.commonUnknownWeight / query.totalWeight : 0,
  };
}

/** How many of the question's specific words a fact with these matched slots lacks (see `Slot.specific`). */
function specificMisses(
  query: QueryAnalysis,
  matched: number,
): { specificMissed: number; nameMissed: number } {
  let missed = 0;
  let names = 0;
  query.slots.forEach((slot, s) => {
    if (!slot.specific || (s < 32 && matched & (1 << s))) return;
    missed++;
    if (slot.name) names++;
  });
  return { specificMissed: Math.min(1, missed / 2), nameMissed: names ? 1 : 0 };
}

function logistic(features: Features, model: { weights: Record<FeatureName, number>; bias: number }): number {
  let z = model.bias;
  for (const name of FEATURE_NAMES) z += model.weights[name] * features[name];
  return 1 / (1 + Math.exp(-z));
}

function knownMissed(query: QueryAnalysis, matched: number): number {
  let missed = 0;
  query.slots.forEach((slot, s) => {
    if (!slot.plan && slot.variants.length && s < 32 && !(matched & (1 << s))) missed += slot.weight;
  });
  return query.totalWeight ? missed / query.totalWeight : 0;
}

/** The calibrated probability that a result with these features is right. */
export function confidenceOf(features: Features, calibration: Calibration): number {
  return logistic(features, calibration);
}

/** The estimated probability that the fact base answers the question, from its first result's features. */
export function answerabilityOf(firstFeatures: Features, calibration: Calibration): number {
  return logistic(firstFeatures, calibration.decline);
}

/** Whether the question is answerable enough to show its first result. */
export function isAnswerable(firstFeatures: Features, calibration: Calibration): boolean {
  return answerabilityOf(firstFeatures, calibration) >= calibration.threshold;
}

/**
 * One sentence saying what "Match NN%" means, from the fitted calibration: for /help and the README, so
 * the words change when the model is refitted.
 */
/** The two figures behind "Match NN%": how often a shown first fact was right, and the decline threshold. */
export function matchStats(calibration: Calibration): { rate: number; threshold: number } {
  const shown = calibration.bands.reduce((sum, b) => sum + b.n, 0);
  const right = calibration.bands.reduce((sum, b) => sum + b.right, 0);
  return {
    rate: shown ? Math.round((100 * right) / shown) : 0,
    threshold: Math.round(calibration.threshold * 100),
  };
}

/** The English sentence for /help and the README saying what "Match NN%" means. */
export function matchMeaning(calibration: Calibration): string {
  const { rate, threshold } = matchStats(calibration);
  return `"Match NN%" is the bot's estimate that the first fact answers your question, calibrated on labelled questions: of the answers it showed there, ${rate}% had a right first fact. When it estimates below ${threshold}% that its facts answer the question at all, it says it has no sourced answer instead of guessing.`;
}
