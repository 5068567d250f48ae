import type { SectorId } from "../knowledge/schema.ts";
import { type FactIndex, kindBits } from "./fact-index.ts";
import { KIND_BOOST, SECTOR_BOOST, TOPIC_BOOST } from "./params.ts";
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
 * own facts). Ties fall to coverage, then to file order, so the same question always gets the same answer.
 */
export function scoreFacts(index: FactIndex, query: QueryAnalysis, named: Named, k: number): Candidate[] {
  const n = index.facts.length;
  const raw = new Float64Array(n);
  const covered = new Float64Array(n);
  const touched: number[] = [];
  const slotBest = new Float64Array(n);
  const slotSure = new Float64Array(n);
  const slotMark = new Int32Array(n);
  query.slots.forEach((slot, s) => {
    const inSlot: number[] = [];
    for (const { term, weight } of slot.variants) {
      const termWeight = weight * (index.idf[term] ?? 0);
      const end = index.offsets[term + 1] ?? 0;
      for (let p = index.offsets[term] ?? 0; p < end; p++) {
        const doc = index.docs[p] as number;
        const value = termWeight * (index.weights[p] as number);
        if (slotMark[doc] !== s + 1) {
          slotMark[doc] = s + 1;
          slotBest[doc] = 0;
          slotSure[doc] = 0;
          inSlot.push(doc);
        }
        if (value > (slotBest[doc] as number)) slotBest[doc] = value;
        if (weight > (slotSure[doc] as number)) slotSure[doc] = weight;
      }
    }
    for (const doc of inSlot) {
      if (raw[doc] === 0) touched.push(doc);
      raw[doc] = (raw[doc] as number) + (slotBest[doc] as number);
      covered[doc] = (covered[doc] as number) + slot.weight * Math.min(1, slotSure[doc] as number);
    }
  });
  const boost = boosts(index, named);
  const wanted = kindBits(query.kinds);
  const top = new TopK<Candidate>(k, (a, b) =>
    a.score !== b.score
      ? a.score > b.score
      : a.coverage !== b.coverage
        ? a.coverage > b.coverage
        : a.doc < b.doc,
  );
  for (const doc of touched) {
    const kindMatch = (wanted & (index.kinds[doc] as number)) !== 0;
    const score =
      ((raw[doc] as number) / (index.lengthNorm[doc] as number)) *
      (boost.get(doc) ?? 1) *
      (kindMatch ? KIND_BOOST : 1);
    const coverage = query.totalWeight ? (covered[doc] as number) / query.totalWeight : 0;
    top.push({ doc, score, coverage, kindMatch });
  }
  return [...top.items];
}

/** Boost factors of the facts of named sectors and topics (only those facts are visited). */
function boosts(index: FactIndex, named: Named): Map<number, number> {
  const out = new Map<number, number>();
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
