/**
 * Every limit and tuned weight of the search, in one place, each defined once. Weights were set on the
 * tuning questions (eval/); the held-out questions never informed them.
 */

/** The longest question read (Discord's `/ask` takes no more); the rest of a pasted wall of text is ignored. */
export const MAX_QUESTION_LENGTH = 300;
/** The longest sector look-up read: a sector name is short (Discord caps the option at 100 too). */
export const MAX_LOOKUP_LENGTH = 100;
/** Results returned when the caller names no limit. */
export const DEFAULT_LIMIT = 5;
/** Sectors (or topics) offered after a miss or an ambiguous look-up. */
export const MAX_SUGGESTIONS = 3;

/**
 * How much a word found in each field of a fact says. A reader's own words (keywords, the questions a fact
 * answers) and a sector's names say more than a passing word in the text.
 */
export const FIELD_WEIGHT = { text: 1, keywords: 2, questions: 1.6, sector: 1.2, topic: 1 } as const;
/** The fields of a fact the index reads. */
export type Field = keyof typeof FIELD_WEIGHT;
/** A word found in several fields of a fact counts at most this many times its weight. */
export const FIELD_CAP = 2.6;
/** Longer facts (the ten-sector list) match more words by chance: this share of the score follows length. */
export const LENGTH_NORM = 0.2;

/** A variant's share of a word's weight: a synonym, a typo fix (by distance), a general-language relative. */
export const SYNONYM_WEIGHT = 0.6;
export const TYPO_WEIGHT = [1, 0.85, 0.7] as const;
/** Up to this length, a typo fix must keep the word's first letter (see `plausibleTypo`). */
export const SHORT_TYPO_WORD = 5;
/** Weight of a word the fact base does not know: it counts against coverage, but less than a known word. */
export const UNKNOWN_WORD_WEIGHT = 4;
/** A bare number ("2022") says little on its own: it counts at this share of its weight. */
export const NUMBER_WEIGHT = 0.5;
/** The plan's name beside other subject words counts at this share: it is the subject of nearly everything. */
export const PLAN_NAME_WEIGHT = 0.15;

/** A known word whose idf is at least this share of the highest idf is one of the rarest: a specific word. */
export const RARE_IDF_SHARE = 0.8;

/** Facts whose answer kind fits the question's type ("when" → a date) score this much more. */
export const KIND_BOOST = 1.35;
/** Facts of a sector or topic the question names score more; a fact about many sectors, less so. */
export const SECTOR_BOOST = 1.6;
export const TOPIC_BOOST = 1.2;
/** A fact one of whose reader questions matches the question whole scores up to this much more. */
export const QUESTION_BOOST = 1;
/**
 * A reader question with a rarest word of its own that the question does not ask about counts at this
 * share of its overlap: "Are drones one of the ten sectors?" is not a paraphrase of "ten key sectors".
 */
export const READER_SUBJECT_MISSED = 0.5;
/**
 * A reader question sharing a single word with a question of several words counts at this share of its
 * overlap: with about ten phrasings per fact, one of them shares any common word ("best", "impact").
 */
export const READER_SINGLE_WORD = 0.5;
/**
 * With word vectors (an experiment, off in the bot: see `meaning.ts`), a fact close to the question in
 * meaning (cosine of sentence embeddings) scores e^(this × cosine) times more.
 */
export const MEANING_BOOST = 2;
/** A question naming only the plan prefers the lexicon's overview facts by this factor. */
export const OVERVIEW_BOOST = 2;
/** Candidates re-scored with the finer, costlier signals (question overlap) after the first pass. */
export const PRESELECT = 30;
/** Results scoring below this share of the best one are dropped: they are noise next to it. */
export const RELATIVE_CUTOFF = 0.35;
/** Candidates kept for the answerability decision and the cut-off, whatever the caller's limit. */
export const CANDIDATES = 10;
