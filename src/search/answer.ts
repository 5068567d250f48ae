import type { KnowledgeBase } from "../knowledge/load.ts";
import type { AnswerKind, Fact, QuestionType, Sector, SectorId, Topic } from "../knowledge/schema.ts";
import { tokenize } from "../text/normalize.ts";
import { type Calibration, confidenceOf, type Features, featuresOf, isAnswerable } from "./answerability.ts";
import type { FactIndex } from "./fact-index.ts";
import { CANDIDATES, DEFAULT_LIMIT, MAX_SUGGESTIONS, RELATIVE_CUTOFF, TYPO_WEIGHT } from "./params.ts";
import { analyseQuestion, type LexicalResource, type QueryAnalysis } from "./query.ts";
import { type Candidate, scoreFacts } from "./score.ts";

/** A fact that answers a question. */
export interface RankedFact {
  fact: Fact;
  /** Relevance from 0 to 1 (higher is better): the score over the best one, times the best coverage. */
  score: number;
  /** Calibrated probability that this fact answers the question (see README, "What Match NN% means"). */
  confidence: number;
  answerKind: AnswerKind | null;
  /** The sectors the fact concerns (name and status come with them). */
  sectors: Sector[];
}

/** What `answer` returns. A miss is a value too: no results, and suggestions of where to look instead. */
export interface Answer {
  /** The member's own question (cut to the longest question read). */
  query: string;
  questionType: QuestionType | null;
  results: RankedFact[];
  /** Sectors and topics the question named, used for the boost and shown to the user. */
  namedSectors: Sector[];
  namedTopics: Topic[];
  /** Filled when the bot declines: the nearest sectors, topics and questions it can answer. */
  suggestions: { sectors: Sector[]; topics: Topic[]; questions: string[] };
}

/** How many results `answer` returns, and whether it may decline. */
export interface AnswerOptions {
  limit?: number;
  /** Return the best facts even below the answerability threshold (for calibration and evaluation). */
  noDecline?: boolean;
}

/** Everything `answerQuestion` reads, built once per knowledge base. */
export interface AnswerContext {
  kb: KnowledgeBase;
  index: FactIndex;
  calibration: Calibration;
  sectorsNamedIn: (text: string) => SectorId[];
  topicKeys: readonly { topic: Topic; phrases: readonly string[] }[];
  lexical?: LexicalResource;
}

/** Topic names and aliases as stemmed phrases, for spotting the topics a question names. */
export function topicKeysOf(kb: KnowledgeBase): AnswerContext["topicKeys"] {
  return kb.topics.map((topic) => ({
    topic,
    phrases: [topic.name, topic.id.replaceAll("-", " "), ...topic.aliases]
      .map((l) => tokenize(l).join(" "))
      .filter(Boolean),
  }));
}

/** The scored candidates of a question with their answerability features: what `answer` decides on. */
export interface Ranking {
  query: QueryAnalysis;
  namedSectors: SectorId[];
  namedTopics: Topic[];
  candidates: Candidate[];
  features: Features[];
}

/** Scores a question's candidate facts and reads their features; no decision yet. */
export function rankQuestion(context: AnswerContext, input: string, limit = CANDIDATES): Ranking {
  const { index } = context;
  const query = analyseQuestion(input, index, context.lexical);
  const namedSectors = context.sectorsNamedIn(query.question);
  const namedTopics = topicsNamedIn(context, query);
  const named = { sectors: namedSectors, topics: namedTopics.map((t) => t.id) };
  const candidates = scoreFacts(index, query, named, Math.max(CANDIDATES, limit));
  const hasKind = (doc: number) => (index.kinds[doc] ?? 0) !== 0;
  const features = candidates.map((_, i) => featuresOf(candidates, i, query, hasKind));
  return { query, namedSectors, namedTopics, candidates, features };
}

/** Answers a question: the best facts with calibrated confidences, or a decline with suggestions. */
export function answerQuestion(context: AnswerContext, input: string, options: AnswerOptions = {}): Answer {
  const { kb, index, calibration } = context;
  const limit = options.limit ?? DEFAULT_LIMIT;
  const { query, namedSectors, namedTopics, candidates, features } = rankQuestion(context, input, limit);
  const confidences = features.map((f) => confidenceOf(f, calibration));
  const base = {
    query: query.question,
    questionType: query.type,
    namedSectors: namedSectors.map((id) => kb.sectorById.get(id) as Sector),
    namedTopics,
  };
  const first = candidates[0];
  if (!first || (!options.noDecline && !isAnswerable(features[0] as Features, calibration))) {
    return {
      ...base,
      results: [],
      suggestions: suggestionsFor(context, candidates, base.namedSectors, namedTopics),
    };
  }
  const results = candidates
    .map((c, i) => ({ c, confidence: confidences[i] ?? 0 }))
    .filter(({ c }) => c.score >= first.score * RELATIVE_CUTOFF)
    .slice(0, limit)
    .map(({ c, confidence }) => rankedFact(kb, index, c, first, confidence));
  return { ...base, results, suggestions: { sectors: [], topics: [], questions: [] } };
}

function rankedFact(
  kb: KnowledgeBase,
  index: FactIndex,
  c: Candidate,
  first: Candidate,
  confidence: number,
): RankedFact {
  const fact = index.facts[c.doc] as Fact;
  return {
    fact,
    score: Math.round((c.score / first.score) * Math.min(1, first.coverage) * 1000) / 1000,
    confidence: Math.round(confidence * 1000) / 1000,
    answerKind: fact.answerKind ?? null,
    sectors: fact.sectors.map((id) => kb.sectorById.get(id)).filter((s): s is Sector => s !== undefined),
  };
}

/** Topics named by a phrase of the question, or by a word as corrected for typos ("standrads"). */
function topicsNamedIn(context: AnswerContext, query: QueryAnalysis): Topic[] {
  const corrected = query.slots.map((slot) => {
    const sure = slot.variants.find((v) => v.weight >= (TYPO_WEIGHT[1] ?? 1));
    return sure ? (context.index.terms[sure.term] ?? slot.word) : slot.word;
  });
  const joined = ` ${[...tokenize(query.question), ...corrected].join(" ")} `;
  return context.topicKeys
    .filter(({ phrases }) => phrases.some((p) => joined.includes(` ${p} `)))
    .map((t) => t.topic);
}

/**
 * After a decline: the sectors and topics the question named, else those of the nearest facts; and
 * questions the bot can answer, taken from the nearest facts' own `questions`, else the lexicon's examples.
 */
function suggestionsFor(
  context: AnswerContext,
  candidates: readonly Candidate[],
  namedSectors: Sector[],
  namedTopics: Topic[],
): Answer["suggestions"] {
  const { kb, index } = context;
  const near = candidates.slice(0, MAX_SUGGESTIONS).map((c) => index.facts[c.doc] as Fact);
  const sectors = unique([...namedSectors.map((s) => s.id), ...near.flatMap((f) => f.sectors)])
    .slice(0, MAX_SUGGESTIONS)
    .map((id) => kb.sectorById.get(id) as Sector);
  const topicIds = unique([...namedTopics.map((t) => t.id), ...near.flatMap((f) => f.topics)]);
  const topics = (topicIds.length ? topicIds.map((id) => kb.topicById.get(id) as Topic) : kb.topics).slice(
    0,
    MAX_SUGGESTIONS,
  );
  const questions = unique([
    ...near.flatMap((f) => f.questions.slice(0, 1)),
    ...index.lexicon.examples,
  ]).slice(0, MAX_SUGGESTIONS);
  return { sectors, topics, questions };
}

const unique = <T>(items: readonly T[]): T[] => [...new Set(items)];
