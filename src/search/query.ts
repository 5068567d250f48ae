import type { AnswerKind, QuestionType } from "../knowledge/schema.ts";
import { hasHan, normalizeText, stem, withoutMentions } from "../text/normalize.ts";
import { embedText } from "../text/word-vectors.ts";
import { type FactIndex, PLAN_TERM } from "./fact-index.ts";
import type { Lexicon } from "./lexicon.ts";
import {
  MAX_QUESTION_LENGTH,
  NUMBER_WEIGHT,
  PLAN_NAME_WEIGHT,
  RARE_IDF_SHARE,
  SHORT_TYPO_WORD,
  SYNONYM_WEIGHT,
  TYPO_WEIGHT,
  UNKNOWN_WORD_WEIGHT,
} from "./params.ts";
import { readText } from "./text-analysis.ts";

/** An index term a question word may stand for, with how surely (1 = the word itself). */
export interface Variant {
  term: number;
  weight: number;
}

/** One subject word (or known phrase) of a question, with its weight and the index terms it may stand for. */
export interface Slot {
  word: string;
  /** The word's say in the question: its rarity (idf) or, if the index does not know it, a fixed weight. */
  weight: number;
  variants: Variant[];
  /** The plan's name: never a reason on its own to prefer one fact when other words are there. */
  plan: boolean;
  /**
   * A specific word: a name (capitalised mid-sentence, an acronym, letters with digits: "COMAC", "C929"),
   * a number, a word the index does not know, or one of the rarest words. A fact that lacks it is likely
   * about something next to the question, not the question.
   */
  specific?: boolean;
  /** A name or number written as such (see `specific`). */
  name?: boolean;
}

/** A question taken apart: what kind of answer it wants, and the words saying what it is about. */
export interface QueryAnalysis {
  question: string;
  type: QuestionType | null;
  kinds: readonly AnswerKind[];
  planNamed: boolean;
  slots: Slot[];
  totalWeight: number;
  /** Weight of the words the index does not know at all (a sign the question is outside the facts). */
  unknownWeight: number;
  /**
   * Weight of the unknown words that are common words of the language (with a dictionary, see
   * `LexicalResource.isWord`): "pizza", "weather", "poem" say the question is about something else more
   * surely than slang or a garbled word does.
   */
  commonUnknownWeight: number;
  /**
   * The question's sentence embedding (see `meaning.ts`), or `null` without word vectors or known words.
   * The vectors are English: a question with Chinese in it ("芯片 dependence") would be read by its English
   * words alone, which misleads more than it helps, so it is ranked by words alone.
   */
  vector: Float32Array | null;
}

/**
 * A general-language resource. The shipped search uses the common English words of the knowledge base as
 * its dictionary (`isWord`); experiments (WordNet) pass their own.
 */
export interface LexicalResource {
  /** Relatives of a word the facts never use, at a reduced weight. */
  related?(word: string): readonly { word: string; weight: number }[];
  /** True for a real word of the language (unstemmed): such a word is never read as a typo of another. */
  isWord?(word: string): boolean;
}

/** A bare number, decimals included ("2024", "4.0" read as "4d0"). */
const isNumber = (word: string) => /^\d+(?:d\d+)?$/.test(word);

/** Takes a question apart (see `QueryAnalysis`). Pure: the same question always gives the same analysis. */
export function analyseQuestion(
  input: string,
  index: FactIndex,
  lexical: LexicalResource = { isWord: (word) => index.commonWords.has(word) },
): QueryAnalysis {
  const question = input.slice(0, MAX_QUESTION_LENGTH);
  const read = readText(withoutMentions(question), index.lexicon, true);
  const { han, rest, unknownHan } = splitHan(read.words.join(" "), index.hanTerms, index.lexicon);
  // Phrases are read before stop words go, so "come out" stays a phrase.
  const stemmed = rest.map(stem);
  const spelt = new Map(stemmed.map((w, i) => [w, rest[i] as string]));
  const phrases = phraseSlots(index, stemmed);
  const words = stemmed.filter((w) => !index.lexicon.stopWords.has(w) && !isMisspeltStopWord(index, w));
  const slots: Slot[] = [
    ...han.map((term) =>
      slotOf(index, term, dedupe([...exact(index, term), ...synonymVariants(index, term, 1)])),
    ),
    ...[...new Set(unknownHan)].map((run) => slotOf(index, run, [])),
    ...phrases,
    ...[...new Set(words)].map((word) =>
      slotOf(index, word, wordVariants(index, word, spelt.get(word) ?? word, lexical)),
    ),
  ];
  const planTerm = index.termIds.get(PLAN_TERM);
  // A question with a type but no subject at all ("did it work?", "was it a success?"): in this bot, the
  // subject is the plan.
  const planNamed = read.planNamed || (slots.length === 0 && read.type !== null);
  if (planNamed && planTerm !== undefined) {
    const share = slots.length ? PLAN_NAME_WEIGHT : 1;
    slots.push({
      word: PLAN_TERM,
      weight: share * (index.idf[planTerm] ?? 0),
      variants: [{ term: planTerm, weight: 1 }],
      plan: true,
    });
  }
  const names = namesIn(question);
  const rare = RARE_IDF_SHARE * index.maxIdf;
  for (const slot of slots) {
    if (slot.plan) continue;
    const known = slot.variants.some((v) => v.weight === 1);
    slot.name = names.has(slot.word) || isNumber(slot.word);
    slot.specific = slot.name || !slot.variants.length || (known && slot.weight >= rare);
  }
  const totalWeight = slots.reduce((sum, s) => sum + s.weight, 0);
  const unknownWeight = slots.reduce((sum, s) => sum + (s.variants.length ? 0 : s.weight), 0);
  const commonUnknownWeight = slots.reduce(
    (sum, s) =>
      sum + (!s.variants.length && !s.plan && lexical.isWord?.(spelt.get(s.word) ?? s.word) ? s.weight : 0),
    0,
  );
  return {
    question,
    type: read.type,
    kinds: read.kinds,
    planNamed,
    slots,
    totalWeight,
    unknownWeight,
    commonUnknownWeight,
    vector: index.meaning && !hasHan(question) ? embedText(index.meaning.vectors, question) : null,
  };
}

/**
 * Stemmed words the question writes as names: capitalised after the first word, all capitals ("CATL"), or
 * letters with digits ("C929"). Case is all a question gives to tell a name from a word.
 */
function namesIn(question: string): Set<string> {
  const out = new Set<string>();
  const tokens = question
    .normalize("NFKC")
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
  tokens.forEach((token, i) => {
    const acronym = token.length >= 2 && /^\p{Lu}[\p{Lu}\d]+$/u.test(token);
    const capitalised = i > 0 && /^\p{Lu}/u.test(token);
    const mixed = /\p{L}/u.test(token) && /\d/.test(token);
    if (acronym || capitalised || mixed) out.add(stem(normalizeText(token)));
  });
  return out;
}

/** A word the index does not know, nor any word near it, but a typo away from a stop word ("abotu"). */
function isMisspeltStopWord(index: FactIndex, word: string): boolean {
  return (
    !index.termIds.has(word) && index.stopTypos.near(word).length > 0 && index.typos.near(word).length === 0
  );
}

/** Cuts known Chinese terms (longest first) out of the text: Chinese has no spaces to split words on. */
function splitHan(
  text: string,
  hanTerms: readonly string[],
  { stopWords, hanStopWords }: Lexicon,
): { han: string[]; rest: string[]; unknownHan: string[] } {
  let rest = text;
  const han: string[] = [];
  if (hasHan(rest)) {
    for (const term of hanTerms) {
      if (!rest.includes(term)) continue;
      rest = rest.replaceAll(term, " ");
      if (!stopWords.has(term)) han.push(term);
    }
  }
  const words = rest.split(/\s+/).filter(Boolean);
  return { han, rest: words.filter((w) => !hasHan(w)), unknownHan: unknownHanRuns(words, hanStopWords) };
}

/**
 * What is left of the Chinese once the known terms are out, minus particles and fillers: runs of two or more
 * characters the index does not know ("交付" in "C919交付了多少架"). They are the question's subject as
 * surely as an unknown English word is, so they count against coverage the same way.
 */
function unknownHanRuns(words: readonly string[], particles: readonly string[]): string[] {
  return words
    .filter(hasHan)
    .flatMap((w) => particles.reduce((t, p) => t.replaceAll(p, " "), w).split(/\s+/))
    .filter((run) => [...run].filter((c) => hasHan(c)).length >= 2);
}

function exact(index: FactIndex, term: string): Variant[] {
  const id = index.termIds.get(term);
  return id === undefined ? [] : [{ term: id, weight: 1 }];
}

function slotOf(index: FactIndex, word: string, variants: Variant[]): Slot {
  const rarest = Math.max(0, ...variants.map((v) => index.idf[v.term] ?? 0));
  const weight = (variants.length ? rarest : UNKNOWN_WORD_WEIGHT) * (isNumber(word) ? NUMBER_WEIGHT : 1);
  return { word, weight, variants, plan: false };
}

/**
 * Multi-word synonyms ("state aid") found in the words become one slot each, and their words leave `words`.
 * A fact holding the whole phrase matches in full; one holding a part, in part.
 */
function phraseSlots(index: FactIndex, words: string[]): Slot[] {
  const slots: Slot[] = [];
  for (const phrase of index.synonymPhrases) {
    const at = words.findIndex((_, i) => phrase.every((p, j) => words[i + j] === p));
    if (at < 0) continue;
    const parts = phrase.filter((p) => !index.lexicon.stopWords.has(p));
    const key = phrase.join(" ");
    words.splice(at, phrase.length);
    const variants = [
      ...exact(index, key),
      ...synonymVariants(index, key, 1),
      ...parts.flatMap((part) => exact(index, part).map((v) => ({ ...v, weight: 1 / phrase.length }))),
    ];
    slots.push(slotOf(index, key, dedupe(variants)));
  }
  return slots;
}

/**
 * The word itself if the index knows it, else its near words (typos) unless the language knows the word as
 * spelt; then the synonyms of either, and general-language relatives of a word the facts never use.
 */
function wordVariants(index: FactIndex, word: string, spelling: string, lexical: LexicalResource): Variant[] {
  const own = exact(index, word);
  const typo = !own.length && !lexical.isWord?.(spelling);
  const base = own.length
    ? [{ word, weight: 1 }]
    : typo
      ? index.typos
          .near(word)
          .filter((n) => plausibleTypo(word, n.word))
          .slice(0, 3)
          .map((n) => ({ word: n.word, weight: TYPO_WEIGHT[n.distance] ?? 0 }))
      : [];
  const variants = base.flatMap((b) => exact(index, b.word).map((v) => ({ ...v, weight: b.weight })));
  for (const b of [{ word, weight: 1 }, ...base]) variants.push(...synonymVariants(index, b.word, b.weight));
  // General-language relatives only for words the facts never use: for known words they add noise.
  if (lexical.related && !own.length) {
    for (const r of lexical.related(word))
      variants.push(...exact(index, r.word).map((v) => ({ ...v, weight: r.weight })));
  }
  return dedupe(variants);
}

/**
 * Whether `near` is a plausible correction of `word`: in a short word a changed first letter is more often
 * another word ("last" is not "past", "life" is not "wife") than a slip of the finger, which rarely hits
 * the first letter.
 */
function plausibleTypo(word: string, near: string): boolean {
  return word.length > SHORT_TYPO_WORD || word[0] === near[0];
}

function synonymVariants(index: FactIndex, key: string, weight: number): Variant[] {
  return (index.synonyms.get(key) ?? []).flatMap((s) =>
    exact(index, s).map((v) => ({ ...v, weight: weight * SYNONYM_WEIGHT })),
  );
}

/** One variant per term, the surest kept. */
function dedupe(variants: Variant[]): Variant[] {
  const best = new Map<number, Variant>();
  for (const v of variants) if (v.weight > (best.get(v.term)?.weight ?? 0)) best.set(v.term, v);
  return [...best.values()];
}
