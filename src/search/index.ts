import type { KnowledgeBase } from "../knowledge/load.ts";
import type { WordVectors } from "../text/word-vectors.ts";
import {
  type Answer,
  type AnswerOptions,
  answerQuestion,
  type Ranking,
  rankQuestion,
  topicKeysOf,
} from "./answer.ts";
import { type Calibration, matchMeaning, matchStats } from "./answerability.ts";
import { CALIBRATION } from "./calibration.ts";
import { buildFactIndex, type FactIndex } from "./fact-index.ts";
import { compileLexicon } from "./lexicon.ts";
import type { LexicalResource } from "./query.ts";
import {
  buildSectorIndex,
  resolveSector,
  type SectorChoice,
  type SectorResolution,
  sectorsNamedIn,
  suggestSectors,
} from "./sector-resolver.ts";

export type { Answer, AnswerOptions, RankedFact } from "./answer.ts";
export type { Calibration, Features } from "./answerability.ts";

/** What "Match NN%" means, in one sentence, for the shipped calibration. */
export const MATCH_MEANING = matchMeaning(CALIBRATION);
/** The same figures, for interface text in other languages. */
export const MATCH_STATS = matchStats(CALIBRATION);
export { MAX_LOOKUP_LENGTH, MAX_QUESTION_LENGTH } from "./params.ts";
export type { SectorChoice, SectorResolution } from "./sector-resolver.ts";

/** Every look-up the bot, the console and the CLI use, built once over one knowledge base. */
export interface Search {
  kb: KnowledgeBase;
  resolveSector(query: string): SectorResolution;
  /** Autocomplete choices, best first, uncut: the caller caps their number and name length. */
  suggestSectors(partial: string): SectorChoice[];
  answer(question: string, options?: AnswerOptions): Answer;
}

/** Options for experiments (bench, calibration); the bot uses the defaults. */
export interface SearchOptions {
  calibration?: Calibration;
  lexical?: LexicalResource;
  /** General-language word vectors for ranking by meaning (an experiment, off in the bot: see `meaning.ts`). */
  vectors?: WordVectors;
}

/** `Search` plus the inner parts the bench and the calibration read. */
export interface SearchEngine extends Search {
  index: FactIndex;
  /** The scored candidates and their answerability features, before any decision. */
  rank(question: string): Ranking;
}

/** Builds the question and sector indexes once, at start-up (linear in the size of the facts). */
export function createSearch(kb: KnowledgeBase, options: SearchOptions = {}): SearchEngine {
  const lexicon = compileLexicon(kb.lexicon);
  const index = buildFactIndex(kb, lexicon, options.vectors);
  const sectors = buildSectorIndex(kb, lexicon, index.synonyms);
  const context = {
    kb,
    index,
    calibration: options.calibration ?? CALIBRATION,
    sectorsNamedIn: (text: string) => sectorsNamedIn(sectors, text, { typos: true }),
    topicKeys: topicKeysOf(kb),
    ...(options.lexical ? { lexical: options.lexical } : {}),
  };
  const answer = (question: string, answerOptions?: AnswerOptions) =>
    answerQuestion(context, question, answerOptions);
  // A look-up nothing names still offers the sectors of the facts that answer it as a question ("phones").
  const fallback = (query: string) => [
    ...new Set(answer(query, { noDecline: true, limit: 3 }).results.flatMap((r) => r.fact.sectors)),
  ];
  return {
    kb,
    index,
    resolveSector: (query) => resolveSector(sectors, query, fallback),
    suggestSectors: (partial) => suggestSectors(sectors, partial),
    answer,
    rank: (question) => rankQuestion(context, question),
  };
}
