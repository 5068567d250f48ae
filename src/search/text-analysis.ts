import type { AnswerKind, QuestionType } from "../knowledge/schema.ts";
import { normalizeText, stem } from "../text/normalize.ts";
import { applyRewrites, type Lexicon, questionShape, removePlanNames } from "./lexicon.ts";

/** A text read the way the index reads it: its question type, whether it names the plan, its subject words. */
export interface ReadText {
  type: QuestionType | null;
  kinds: readonly AnswerKind[];
  planNamed: boolean;
  /** Normalised, unstemmed words left once cue words and the plan's names are out (stop words still in). */
  words: string[];
}

/**
 * Reads a question or a fact field: rewrites, normalises, finds the question type (only when `asQuestion`)
 * and takes out the plan's names. Index and query share it, so both sides see the same words.
 */
export function readText(raw: string, lexicon: Lexicon, asQuestion: boolean): ReadText {
  const normalized = normalizeText(applyRewrites(raw, lexicon));
  const all = normalized ? normalized.split(" ") : [];
  const shape = asQuestion ? questionShape(all, lexicon) : { type: null, kinds: [], words: all };
  const { words, named } = removePlanNames(shape.words, lexicon);
  return { type: shape.type, kinds: shape.kinds, planNamed: named, words };
}

/** The stemmed subject words of read words, stop words out (Chinese runs stay whole). */
export function subjectTerms(words: readonly string[], lexicon: Lexicon): string[] {
  const out: string[] = [];
  for (const word of words) {
    const term = stem(word);
    if (!lexicon.stopWords.has(term) && !lexicon.stopWords.has(word)) out.push(term);
  }
  return out;
}
