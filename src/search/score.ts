import type { SectorId } from "../knowledge/schema.ts";
import { type FactIndex, kindBits } from "./fact-index.ts";
import { meaningMatch } from "./meaning.ts";
import {
  KIND_BOOST,
  MEANING_BOOST,
  OVERVIEW_BOOST,
  PRESELECT,
  QUESTION_BOOST,
  RARE_IDF_SHARE,
  READER_SINGLE_WORD,
  READER_SUBJECT_MISSED,
  SECTOR_BOOST,
  SYNONYM_WEIGHT,
  TOPIC_BOOST,
} from "./params.ts";
import type { QueryAnalysis } from "./query.ts";
import { TopK } from "./top-k.ts";

/** A fact that matched the question, with the evidence the answerability decision reads. */
export interface Candidate {
  /** Position of the fact in `index.facts`. */
  doc: number;
  score: number;
  /** Share of the question's weight this fact matched, each word counted by how surely it matched. */
  coverage: number;
  /** The fact's answer kind fits the question type ("when" → a date). */
  kindMatch: boolean;
  /** How closely the question matches the closest of the fact's reader questions (Dice over words, 0..1). */
  questionOverlap: number;
  /** The weightiest question word this fact lacks, over the weightiest word (0 when it has them all). */
  missed: number;
  /** Which question slots the fact matched, one bit each (the first 32). */
  matched: number;
  /** How close the question is to the fact in meaning (best cosine of their embeddings, 0 without vectors). */
  meaning: number;
}

/** Sectors and topics the question names: their facts are boosted. */
export interface Named {
  sectors: readonly SectorId[];
  topics: readonly string[];
}

/**
 * Scores every fact sharing a word with the question and returns the best `k`, best first.
 *
 * A slot (question word) adds, per fact, its best variant's value: variant weight × idf × the fact's field
 * weight for the term. The sum is divided by the fact's length norm, then boosted when the fact's answer
 * kind fits the question type and when it belongs to a sector or topic the question names (a fact about
 * many sectors gets a share of the sector boost: the ten-sector list must not outrank the named sector's
 * own facts). A second pass re-scores the best few by how closely one of the fact's reader questions
 * matches the question whole, and by how close the two are in meaning (word vectors).
 */
export function scoreFacts(index: FactIndex, query: QueryAnalysis, named: Named, k: number): Candidate[] {
  const { touched } = accumulate(index, query);
  const { raw, covered, matched } = index.scratch;
  const wanted = kindBits(query.kinds);
  const sectorBits = bitsFor(named.sectors, index.sectorBit);
  const topicBits = bitsFor(named.topics, index.topicBit);
  const planOnly = query.slots.length > 0 && query.slots.every((s) => s.plan);
  const first = new TopK<Candidate>(Math.max(k, PRESELECT), better, (c) => c.score);
  for (const doc of touched) {
    const kindMatch = (wanted & (index.kinds[doc] as number)) !== 0;
    const boost =
      (kindMatch ? KIND_BOOST : 1) *
      ((index.sectorBits[doc] as number) & sectorBits
        ? 1 + (SECTOR_BOOST - 1) / Math.max(1, index.sectorCount[doc] as number)
        : 1) *
      ((index.topicBits[doc] as number) & topicBits ? TOPIC_BOOST : 1) *
      (planOnly && index.overview.has(doc) ? OVERVIEW_BOOST : 1);
    const score = ((raw[doc] as number) / (index.lengthNorm[doc] as number)) * boost;
    // Most facts fall below the kept few: skip building their record.
    if (score < first.floor) continue;
    const coverage = query.totalWeight ? (covered[doc] as number) / query.totalWeight : 0;
    const missed = missedWeight(query, matched[doc] as number);
    first.push({
      doc,
      score,
      coverage,
      kindMatch,
      questionOverlap: 0,
      missed,
      matched: matched[doc] as number,
      meaning: 0,
    });
  }
  resetScratch(index, touched);
  // Second pass over the few best: how closely a reader question of the fact matches this question whole.
  const top = new TopK<Candidate>(k, better);
  const asked = askedTerms(query);
  for (const c of first.items) {
    const questionOverlap = overlapWithQuestions(index, query, c.doc, asked);
    const meaning = index.meaning ? meaningMatch(index.meaning, query.vector, c.doc) : 0;
    const score = c.score * (1 + QUESTION_BOOST * questionOverlap) * Math.exp(MEANING_BOOST * meaning);
    top.push({ ...c, questionOverlap, meaning, score });
  }
  return [...top.items];
}

function bitsFor<K>(ids: readonly K[], bit: ReadonlyMap<K, number>): number {
  return ids.reduce((b, id) => (bit.has(id) ? b | (1 << (bit.get(id) as number)) : b), 0);
}

/** Best first; ties fall to coverage, then to file order, so the same question always gets the same answer. */
function better(a: Candidate, b: Candidate): boolean {
  if (a.score !== b.score) return a.score > b.score;
  if (a.coverage !== b.coverage) return a.coverage > b.coverage;
  return a.doc < b.doc;
}

/**
 * Per fact: the summed best-variant values of the slots (raw), the weight of the slots it matched (covered)
 * and which slots those were (one bit each, the first 32 slots). Writes into the index's scratch arrays;
 * returns the facts touched, which `resetScratch` zeroes again.
 */
function accumulate(index: FactIndex, query: QueryAnalysis): { touched: Int32Array } {
  const { raw, covered, slotBest, slotSure, slotMark, matched, touched, inSlot } = index.scratch;
  let touchedCount = 0;
  query.slots.forEach((slot, s) => {
    let inSlotCount = 0;
    for (const { term, weight } of slot.variants) {
      const termWeight = weight * (index.idf[term] ?? 0);
      const end = index.offsets[term + 1] ?? 0;
      for (let p = index.offsets[term] ?? 0; p < end; p++) {
        const doc = index.docs[p] as number;
        if (slotMark[doc] !== s + 1) {
          slotMark[doc] = s + 1;
          slotBest[doc] = 0;
          slotSure[doc] = 0;
          inSlot[inSlotCount++] = doc;
        }
        const value = termWeight * (index.weights[p] as number);
        if (value > (slotBest[doc] as number)) slotBest[doc] = value;
        if (weight > (slotSure[doc] as number)) slotSure[doc] = weight;
      }
    }
    for (let i = 0; i < inSlotCount; i++) {
      const doc = inSlot[i] as number;
      if (raw[doc] === 0) touched[touchedCount++] = doc;
      raw[doc] = (raw[doc] as number) + (slotBest[doc] as number);
      covered[doc] = (covered[doc] as number) + slot.weight * Math.min(1, slotSure[doc] as number);
      if (s < 32) matched[doc] = (matched[doc] as number) | (1 << s);
    }
  });
  return { touched: touched.subarray(0, touchedCount) };
}

function resetScratch(index: FactIndex, touched: Int32Array): void {
  const { raw, covered, slotMark, matched } = index.scratch;
  for (const doc of touched) {
    raw[doc] = 0;
    covered[doc] = 0;
    slotMark[doc] = 0;
    matched[doc] = 0;
  }
}

/** The weightiest subject word (the plan's name aside) missing from a fact, as a share of the weightiest word. */
function missedWeight(query: QueryAnalysis, matchedBits: number): number {
  let heaviest = 0;
  let missed = 0;
  query.slots.forEach((slot, s) => {
    if (slot.plan) return;
    heaviest = Math.max(heaviest, slot.weight);
    if (s < 32 && !(matchedBits & (1 << s))) missed = Math.max(missed, slot.weight);
  });
  return heaviest ? missed / heaviest : 0;
}

/** The index terms a question's words stand for surely enough to count in the reader-question overlap. */
export function askedTerms(query: QueryAnalysis): Set<number> {
  const asked = new Set<number>();
  for (const slot of query.slots)
    for (const v of slot.variants) if (v.weight >= SYNONYM_WEIGHT) asked.add(v.term);
  return asked;
}

/**
 * Dice overlap between the question's slots and the closest of the fact's reader questions: a slot counts
 * when one of its surer variants (the word, a typo fix, a synonym) is a word of that question. A reader
 * question holding one of the rarest words (its own subject: "Are drones one of the ten sectors?") that
 * the question does not ask about counts at a share (`READER_SUBJECT_MISSED`): it paraphrases another
 * question. So does a single shared word when the question has several (`READER_SINGLE_WORD`).
 */
export function overlapWithQuestions(
  index: FactIndex,
  query: QueryAnalysis,
  doc: number,
  asked: ReadonlySet<number> = askedTerms(query),
): number {
  let best = 0;
  const rare = RARE_IDF_SHARE * index.maxIdf;
  for (const terms of index.questionTerms[doc] ?? []) {
    if (!terms.length || !query.slots.length) continue;
    let matched = 0;
    for (const slot of query.slots) {
      if (slot.variants.some((v) => v.weight >= SYNONYM_WEIGHT && terms.includes(v.term))) matched++;
    }
    // One shared word between a question of several words and a reader question is weak evidence: with
    // about ten phrasings per fact, some phrasing shares any common word.
    const single = matched < 2 && query.slots.length >= 2 ? READER_SINGLE_WORD : 1;
    const dice = (single * 2 * matched) / (query.slots.length + terms.length);
    const otherSubject = terms.some((t) => t >= 0 && (index.idf[t] ?? 0) >= rare && !asked.has(t));
    best = Math.max(best, otherSubject ? dice * READER_SUBJECT_MISSED : dice);
  }
  return best;
}
