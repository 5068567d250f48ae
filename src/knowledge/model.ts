import type {
  Fact,
  Figure,
  Lesson,
  LexiconEntry,
  QuizQuestion,
  Sector,
  SectorId,
  Source,
  SynonymGroup,
  Topic,
} from "./schema.ts";

/*
 * The shapes of the knowledge base and of what is wrong with it. They sit apart from load.ts so that the
 * cross-record checks (checks.ts) and the loader can both use them without importing each other.
 */

/** One thing wrong in the knowledge files, located precisely enough for an author to fix it. */
export interface KnowledgeProblem {
  /** Path relative to the knowledge folder, e.g. `facts/assessment.json`. */
  file: string;
  /** The id of the record at fault, or its position when it has no usable id. */
  recordId?: string;
  /** The field at fault, e.g. `sourceIds[0]`. */
  field?: string;
  message: string;
}

/** A record together with the file it came from, so cross-record checks can say where to look. */
export interface Located<T> {
  file: string;
  record: T;
}

/** Every validated record, still tagged with its file. Input of the cross-record checks. */
export interface KnowledgeRecords {
  sources: Located<Source>[];
  topics: Located<Topic>[];
  sectors: Located<Sector>[];
  facts: Located<Fact>[];
  synonyms: Located<SynonymGroup>[];
  lexicon: Located<LexiconEntry>[];
  lessons: Located<Lesson>[];
  questions: Located<QuizQuestion>[];
  figures: Located<Figure>[];
}

/** The validated knowledge base, with look-up maps built once. */
export interface KnowledgeBase {
  sources: Source[];
  topics: Topic[];
  sectors: Sector[];
  facts: Fact[];
  /** Curated synonym groups used to expand questions. */
  synonyms: SynonymGroup[];
  /** The search engine's domain rules (plan names, shared words, question cues, example questions). */
  lexicon: LexiconEntry[];
  /** The guided learning path, in order. */
  lessons: Lesson[];
  /** The quiz questions. */
  questions: QuizQuestion[];
  /** Sourced figures that charts draw, each tied to the fact that states it. */
  figures: Figure[];
  sourceById: ReadonlyMap<string, Source>;
  topicById: ReadonlyMap<string, Topic>;
  sectorById: ReadonlyMap<SectorId, Sector>;
  factById: ReadonlyMap<string, Fact>;
  /** Facts tagged with each sector, the most specific first. */
  factsBySector: ReadonlyMap<SectorId, Fact[]>;
  /** Common English words (see `common-words.ts`): real words, never typos, and a sign of an off-topic question. */
  commonWords: ReadonlySet<string>;
}

export type LoadResult = { ok: true; kb: KnowledgeBase } | { ok: false; problems: KnowledgeProblem[] };
