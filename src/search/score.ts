import type { SectorId } from "../knowledge/schema.ts";
import { type FactIndex, kindBits } from "./fact-index.ts";
import {
  KIND_BOOST,
  OVERVIEW_BOOST,
  PRESELECT,
  QUESTION_BOOST,
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
 * matches the question whole.
 */
export function scoreFacts(index: FactIndex, query: QueryAnalysis, named: Named, k: number): Candidate[] {
  const { raw, covered, matched, touched } = accumulate(index, query);
  const boost = boosts(index, query, named);
  const wanted = kindBits(query.kinds);
  const first = new TopK<Candidate>(Math.max(k, PRESELECT), better);
  for (const doc of touched) {
    const kindMatch = (wanted & (index.kinds[doc] as number)) !== 0;
    const score =
      ((raw[doc] as number) / (index.lengthNorm[doc] as number)) *
      (boost.get(doc) ?? 1) *
      (kindMatch ? KIND_BOOST : 1);
    const coverage = query.totalWeight ? (covered[doc] as number) / query.totalWeight : 0;
    first.push({
      doc,
      score,
      coverage,
      kindMatch,
      questionOverlap: 0,
      missed: missedWeight(query, matched[doc] as number),
    });
  }
  // Second pass over the few best: how closely a reader question of the fact matches this question whole.
  const top = new TopK<Candidate>(k, better);
  for (const c of first.items) {
    const questionOverlap = overlapWithQuestions(index, query, c.doc);
    top.push({ ...c, questionOverlap, score: c.score * (1 + QUESTION_BOOST * questionOverlap) });
  }
  return [...top.items];
}

/** Best first; ties fall to coverage, then to file order, so the same question always gets the same answer. */
function better(a: Candidate, b: Candidate): boolean {
  if (a.score !== b.score) return a.score > b.score;
  if (a.coverage !== b.coverage) return a.coverage > b.coverage;
  return a.doc < b.doc;
}

/** Per fact: the summed best-variant values of the slots (raw) and the weight of the slots it matched. */
function accumulate(index: FactIndex, query: QueryAnalysis) {
  const n = index.facts.length;
  const raw = new Float64Array(n);
  const covered = new Float64Array(n);
  const touched: number[] = [];
  const slotBest = new Float64Array(n);
  const slotSure = new Float64Array(n);
  const slotMark = new Int32Array(n);
  // Which slots each fact matched, one bit per slot (the first 32 slots; questions are short).
  const matched = new Uint32Array(n);
  query.slots.forEach((slot, s) => {
    const inSlot: number[] = [];
    for (const { term, weight } of slot.variants) {
      const termWeight = weight * (index.idf[term] ?? 0);
      const end = index.offsets[term + 1] ?? 0;
      for (let p = index.offsets[term] ?? 0; p < end; p++) {
        const doc = index.docs[p] as number;
        if (slotMark[doc] !== s + 1) {
          slotMark[doc] = s + 1;
          slotBest[doc] = 0;
          slotSure[doc] = 0;
          inSlot.push(doc);
        }
        const value = termWeight * (index.weights[p] as number);
        if (value > (slotBest[doc] as number)) slotBest[doc] = value;
        if (weight > (slotSure[doc] as number)) slotSure[doc] = weight;
      }
    }
    for (const doc of inSlot) {
      if (raw[doc] === 0) touched.push(doc);
      raw[doc] = (raw[doc] as number) + (slotBest[doc] as number);
      covered[doc] = (covered[doc] as number) + slot.weight * Math.min(1, slotSure[doc] as number);
      if (s < 32) matched[doc] = (matched[doc] as number) | (1 << s);
    }
  });
  return { raw, covered, matched, touched };
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

/**
 * Dice overlap between the question's slots and the closest of the fact's reader questions: a slot counts
 * when one of its surer variants (the word, a typo fix, a synonym) is a word of that question.
 */
export function overlapWithQuestions(index: FactIndex, query: QueryAnalysis, doc: number): number {
  let best = 0;
  for (const terms of index.questionTerms[doc] ?? []) {
    if (!terms.length || !query.slots.length) continue;
    let matched = 0;
    for (const slot of query.slots) {
      if (slot.variants.some((v) => v.weight >= SYNONYM_WEIGHT && terms.includes(v.term))) matched++;
    }
    best = Math.max(best, (2 * matched) / (query.slots.length + terms.length));
  }
  return best;
}

/** Boost factors of the facts of named sectors and topics, and of the overview facts (only those are visited). */
function boosts(index: FactIndex, query: QueryAnalysis, named: Named): Map<number, number> {
  const out = new Map<number, number>();
  if (query.slots.length && query.slots.every((s) => s.plan)) {
    for (const doc of index.overview) out.set(doc, OVERVIEW_BOOST);
  }
  for (const sector of named.sectors) {
    for (const doc of index.factsOfSector.get(sector) ?? []) {
      const share = 1 / Math.max(1, index.sectorCount[doc] as number);
      out.set(doc, Math.max(out.get(doc) ?? 1, 1 + (SECTOR_BOOST - 1) * share));
    }
  }
  for (const topic of named.topics) {
    for (const doc of index.factsOfTopic.get(topic) ?? []) out.set(doc, (out.get(doc) ?? 1) * TOPIC_BOOST);
  }
  return out;
}
