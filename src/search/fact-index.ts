import type { KnowledgeBase } from "../knowledge/load.ts";
import { ANSWER_KINDS, type AnswerKind, type Fact, type SectorId } from "../knowledge/schema.ts";
import { TypoIndex } from "../text/fuzzy.ts";
import { hasHan, normalizeText, tokenize } from "../text/normalize.ts";
import type { WordVectors } from "../text/word-vectors.ts";
import type { Lexicon } from "./lexicon.ts";
import { buildMeaningIndex, type MeaningIndex } from "./meaning.ts";
import { FIELD_CAP, FIELD_WEIGHT, type Field, LENGTH_NORM } from "./params.ts";
import { readText, subjectTerms } from "./text-analysis.ts";

/** The index term standing for the plan's name wherever a fact or question names it. */
export const PLAN_TERM = "#plan";

/** One bit per answer kind, so a fact's kinds and a question's wanted kinds meet with a single `&`. */
export function kindBits(kinds: readonly AnswerKind[]): number {
  return kinds.reduce((bits, kind) => bits | (1 << ANSWER_KINDS.indexOf(kind)), 0);
}

/**
 * The question index, built once: integer term ids, postings as typed arrays (term t's facts are
 * `docs[offsets[t] .. offsets[t+1]]`, with the summed field weights beside them), idf per term, and the
 * per-fact facts a query needs (length, answer kinds, sectors).
 */
export interface FactIndex {
  readonly facts: readonly Fact[];
  readonly lexicon: Lexicon;
  readonly termIds: ReadonlyMap<string, number>;
  /** Term strings by id. */
  readonly terms: readonly string[];
  readonly offsets: Int32Array;
  readonly docs: Int32Array;
  readonly weights: Float32Array;
  readonly idf: Float64Array;
  /** Per fact: 1 for a fact of average length, more for longer facts (divides the score). */
  readonly lengthNorm: Float32Array;
  /** Per fact: its answer kinds as bits, from `answerKind` and the types of its `questions`. */
  readonly kinds: Uint16Array;
  /** Per fact: the term ids of each of its reader questions, to compare a question with them whole. */
  readonly questionTerms: readonly (readonly Int32Array[])[];
  /** Common English words (from the knowledge base): real words, never read as typos. */
  readonly commonWords: ReadonlySet<string>;
  /** The highest idf of any term: "rarest" words are measured against it. */
  readonly maxIdf: number;
  /** Facts that answer a question whose only subject is the plan (from the lexicon). */
  readonly overview: ReadonlySet<number>;
  readonly sectorCount: Uint8Array;
  /** Per fact: its sectors and its topics as bits (bit positions in `sectorBit` and `topicBit`). */
  readonly sectorBits: Uint32Array;
  readonly topicBits: Uint32Array;
  readonly sectorBit: ReadonlyMap<SectorId, number>;
  /** The first 32 topics get a bit; a question naming a later topic gets no topic boost. */
  readonly topicBit: ReadonlyMap<string, number>;
  /** Work arrays reused by every query (scoring is synchronous, so one set serves all). */
  readonly scratch: Scratch;
  readonly typos: TypoIndex;
  /** The stop words, so a misspelt one ("abotu", "simpel") is dropped rather than counted unknown. */
  readonly stopTypos: TypoIndex;
  /** Chinese terms the index knows, longest first: questions are scanned for them (no spaces to split on). */
  readonly hanTerms: readonly string[];
  /** Stemmed word or phrase → the other members of its synonym groups that the index knows. */
  readonly synonyms: ReadonlyMap<string, readonly string[]>;
  /** Multi-word synonyms as stemmed words ("state aid"), matched in a question as one slot. */
  readonly synonymPhrases: readonly (readonly string[])[];
  /** The facts as sentence embeddings, when search was given word vectors (an experiment: see `meaning.ts`). */
  readonly meaning: MeaningIndex | null;
}

/** Per-fact work arrays of one query, zeroed again for the facts it touched before the next query. */
export interface Scratch {
  raw: Float64Array;
  covered: Float64Array;
  slotBest: Float64Array;
  slotSure: Float64Array;
  slotMark: Int32Array;
  matched: Uint32Array;
  /** Lists of fact positions: those the query touched, and those the current slot touched. */
  touched: Int32Array;
  inSlot: Int32Array;
}

function scratchFor(n: number): Scratch {
  return {
    raw: new Float64Array(n),
    covered: new Float64Array(n),
    slotBest: new Float64Array(n),
    slotSure: new Float64Array(n),
    slotMark: new Int32Array(n),
    matched: new Uint32Array(n),
    touched: new Int32Array(n),
    inSlot: new Int32Array(n),
  };
}

/** Bit positions for the first 32 ids, and each fact's ids as bits. */
function bitsOf<K>(ids: readonly K[], facts: readonly Fact[], of: (f: Fact) => readonly K[]) {
  const bit = new Map(ids.slice(0, 32).map((id, i) => [id, i]));
  const bits = Uint32Array.from(facts, (f) =>
    of(f).reduce((b, id) => (bit.has(id) ? b | (1 << (bit.get(id) as number)) : b), 0),
  );
  return { bit, bits };
}

/** The texts of a fact, by field; keywords and questions stay separate texts so phrases do not run together. */
function fieldsOf(kb: KnowledgeBase, fact: Fact): [Field, string][] {
  return [
    ["text", fact.text],
    ...fact.keywords.map((k): [Field, string] => ["keywords", k]),
    ...fact.questions.map((q): [Field, string] => ["questions", q]),
    ...fact.sectors.flatMap((id): [Field, string][] => {
      const s = kb.sectorById.get(id);
      return s ? [s.name, s.id, s.chineseName, ...s.aliases].map((l): [Field, string] => ["sector", l]) : [];
    }),
    ...fact.topics.flatMap((id): [Field, string][] => {
      const t = kb.topicById.get(id);
      return t ? [t.name, ...t.aliases].map((l): [Field, string] => ["topic", l]) : [];
    }),
  ];
}

/**
 * Per fact: its terms with their summed field weights, its text length in terms, its answer kinds, and the
 * subject terms of each of its reader questions.
 */
function readFact(kb: KnowledgeBase, fact: Fact, lexicon: Lexicon) {
  const terms = new Map<string, number>();
  const fieldTerms = new Map<Field, Set<string>>();
  const questions: string[][] = [];
  let kinds = fact.answerKind ? kindBits([fact.answerKind]) : 0;
  for (const [field, text] of fieldsOf(kb, fact)) {
    const read = readText(text, lexicon, field === "questions");
    const subject = [...subjectTerms(read.words, lexicon), ...(read.planNamed ? [PLAN_TERM] : [])];
    if (field === "questions") {
      kinds |= kindBits(read.kinds);
      questions.push([...new Set(subject)]);
    }
    const seen = fieldTerms.get(field) ?? new Set<string>();
    fieldTerms.set(field, seen);
    for (const term of subject) {
      // A word counts once per field however often it repeats there; fields add up.
      if (seen.has(term)) continue;
      seen.add(term);
      terms.set(term, (terms.get(term) ?? 0) + FIELD_WEIGHT[field]);
    }
  }
  return { terms, length: fieldTerms.get("text")?.size ?? 0, kinds, questions };
}

/**
 * Synonym groups as stemmed keys, each finding the other members. A phrase keeps its small words ("come
 * out" is not "come"); a single-word member that is a stop word is dropped.
 */
function synonymTable(kb: KnowledgeBase, lexicon: Lexicon) {
  const synonyms = new Map<string, string[]>();
  const phrases: string[][] = [];
  for (const group of kb.synonyms) {
    const members = group.words
      .map((w) => tokenize(w))
      .filter((m) => m.length > 1 || (m[0] !== undefined && !lexicon.stopWords.has(m[0])));
    for (const member of members) {
      if (member.length > 1) phrases.push(member);
      const key = member.join(" ");
      const others = members.map((m) => m.join(" ")).filter((o) => o !== key);
      synonyms.set(key, [...new Set([...(synonyms.get(key) ?? []), ...others])]);
    }
  }
  // Longest first, so "excess capacity" is read before a shorter phrase inside it.
  phrases.sort((a, b) => b.length - a.length);
  return { synonyms, phrases };
}

/** Adds a posting for each multi-word synonym: the facts that hold every one of its words. */
function addPhrasePostings(postings: Map<string, Map<number, number>>, phrases: readonly string[][]) {
  for (const phrase of phrases) {
    const key = phrase.join(" ");
    if (postings.has(key)) continue;
    const parts = phrase.map((p) => postings.get(p));
    const [first, ...others] = parts;
    if (!first || others.some((p) => !p)) continue;
    const whole = new Map<number, number>();
    for (const [doc, weight] of first) {
      const all = others.map((p) => p?.get(doc) ?? 0);
      if (all.every((w) => w > 0)) whole.set(doc, Math.min(weight, ...all));
    }
    if (whole.size) postings.set(key, whole);
  }
}

/** Builds the index over a knowledge base's facts. Cost is linear in the total size of the facts. */
export function buildFactIndex(kb: KnowledgeBase, lexicon: Lexicon, vectors?: WordVectors): FactIndex {
  const facts = kb.facts;
  const postings = new Map<string, Map<number, number>>();
  const lengths = new Float32Array(facts.length);
  const kinds = new Uint16Array(facts.length);
  const questions: string[][][] = [];
  facts.forEach((fact, doc) => {
    const read = readFact(kb, fact, lexicon);
    lengths[doc] = read.length;
    kinds[doc] = read.kinds;
    questions.push(read.questions);
    for (const [term, weight] of read.terms) {
      const posting = postings.get(term) ?? new Map<number, number>();
      postings.set(term, posting);
      posting.set(doc, weight);
    }
  });
  const { synonyms, phrases } = synonymTable(kb, lexicon);
  addPhrasePostings(postings, phrases);
  const packed = packPostings(postings, facts.length);
  const sectors = bitsOf(
    kb.sectors.map((x) => x.id),
    facts,
    (f) => f.sectors,
  );
  const topics = bitsOf(
    kb.topics.map((x) => x.id),
    facts,
    (f) => f.topics,
  );
  const docOf = new Map(facts.map((f, doc) => [f.id, doc]));
  return {
    facts,
    lexicon,
    ...packed,
    questionTerms: questions.map((list) =>
      list.map((terms) => Int32Array.from(terms, (t) => packed.termIds.get(t) ?? -1)),
    ),
    maxIdf: packed.idf.reduce((m, x) => Math.max(m, x), 0),
    commonWords: kb.commonWords,
    overview: new Set(lexicon.overviewFactIds.flatMap((id) => docOf.get(id) ?? [])),
    lengthNorm: lengthNorms(lengths),
    kinds,
    sectorCount: Uint8Array.from(facts, (f) => f.sectors.length),
    sectorBits: sectors.bits,
    topicBits: topics.bits,
    sectorBit: sectors.bit,
    topicBit: topics.bit,
    scratch: scratchFor(facts.length),
    typos: new TypoIndex(
      [...postings.keys()].filter((t) => !hasHan(t) && t !== PLAN_TERM && !t.includes(" ")),
    ),
    stopTypos: new TypoIndex([...lexicon.stopWords].filter((w) => !hasHan(w))),
    hanTerms: hanTermsOf(kb, postings.keys(), synonyms),
    synonyms,
    synonymPhrases: phrases,
    meaning: vectors ? buildMeaningIndex(kb, vectors) : null,
  };
}

/** Packs the build-time maps into term ids and flat typed arrays (compressed sparse rows). */
function packPostings(postings: Map<string, Map<number, number>>, factCount: number) {
  const termIds = new Map<string, number>();
  const offsets = new Int32Array(postings.size + 1);
  let total = 0;
  for (const posting of postings.values()) total += posting.size;
  const docs = new Int32Array(total);
  const weights = new Float32Array(total);
  const idf = new Float64Array(postings.size);
  let at = 0;
  for (const [term, posting] of postings) {
    const id = termIds.size;
    termIds.set(term, id);
    offsets[id] = at;
    for (const [doc, weight] of [...posting].sort((a, b) => a[0] - b[0])) {
      docs[at] = doc;
      weights[at] = Math.min(weight, FIELD_CAP);
      at++;
    }
    idf[id] = Math.log(1 + factCount / posting.size);
  }
  offsets[postings.size] = at;
  return { termIds, terms: [...termIds.keys()], offsets, docs, weights, idf };
}

function lengthNorms(lengths: Float32Array): Float32Array {
  const average = lengths.reduce((a, b) => a + b, 0) / Math.max(1, lengths.length) || 1;
  return lengths.map((length) => 1 - LENGTH_NORM + (LENGTH_NORM * length) / average);
}

function hanTermsOf(
  kb: KnowledgeBase,
  terms: Iterable<string>,
  synonyms: ReadonlyMap<string, unknown>,
): string[] {
  // Chinese members of synonym groups are scanned for too: they lead to their English relatives.
  const han = new Set([...terms, ...synonyms.keys()].filter(hasHan));
  for (const s of kb.sectors)
    for (const l of [s.chineseName, ...s.aliases]) if (hasHan(l)) han.add(normalizeText(l));
  for (const t of kb.topics) for (const l of t.aliases) if (hasHan(l)) han.add(normalizeText(l));
  return [...han].sort((a, b) => b.length - a.length);
}
