import type { KnowledgeBase } from "../knowledge/model.ts";
import { cosine, embedText, type WordVectors } from "../text/word-vectors.ts";

/**
 * Each fact's meaning as sentence embeddings: one of its text with its keywords, one per reader question,
 * so that a question in words the facts never use could still find the fact that answers it.
 *
 * An experiment, off in the shipped bot: GloVe vectors (`SearchOptions.vectors`, `eval/vectors-trial.ts`)
 * helped both tuning parts and made the held-out part worse, so by the rule for general-language resources
 * they are not used (README, "Word vectors, measured and rejected").
 */
export interface MeaningIndex {
  vectors: WordVectors;
  /** Per fact: the embeddings of its text and of each reader question (those with any known word). */
  docs: readonly (readonly Float32Array[])[];
}

/** Embeds every fact once, at start-up. */
export function buildMeaningIndex(kb: KnowledgeBase, vectors: WordVectors): MeaningIndex {
  const docs = kb.facts.map((fact) =>
    [`${fact.text} ${fact.keywords.join(" ")}`, ...fact.questions]
      .map((text) => embedText(vectors, text))
      .filter((v): v is Float32Array => v !== null),
  );
  return { vectors, docs };
}

/** How close a question's embedding is to a fact: the best cosine over the fact's embeddings, 0 if none. */
export function meaningMatch(meaning: MeaningIndex, question: Float32Array | null, doc: number): number {
  if (!question) return 0;
  let best = 0;
  for (const v of meaning.docs[doc] ?? []) best = Math.max(best, cosine(question, v));
  return best;
}
