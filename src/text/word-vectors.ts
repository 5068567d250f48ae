/**
 * General-language word vectors (GloVe, see knowledge/vectors/README.md) and the sentence embedding built
 * from them: what lets "do they make planes" find a fact about aircraft without a synonym table entry.
 * Pure: the loader reads the files, this reads bytes.
 */

/** Word vectors, one row per word, most frequent word first; rows are unit length, stored as int8. */
export interface WordVectors {
  dims: number;
  /** Row of each word; a word's row is also its frequency rank (0 = most frequent). */
  rows: ReadonlyMap<string, number>;
  data: Int8Array;
}

/** The first bytes of a vectors file: format name and version. */
export const VECTORS_MAGIC = "MICWV1\n";

/** Encodes unit-length rows (row-major floats) as the vectors file: magic, uint32 dims, int8 rows. */
export function encodeWordVectors(dims: number, rows: Float32Array): Uint8Array {
  const head = new TextEncoder().encode(VECTORS_MAGIC);
  const out = new Uint8Array(head.length + 4 + rows.length);
  out.set(head);
  new DataView(out.buffer).setUint32(head.length, dims, true);
  const body = new Int8Array(out.buffer, head.length + 4);
  for (let i = 0; i < rows.length; i++)
    body[i] = Math.max(-127, Math.min(127, Math.round((rows[i] ?? 0) * 127)));
  return out;
}

/** Reads the vectors file and its word list (one word per line), or says what is wrong with them. */
export function decodeWordVectors(words: string, bytes: Uint8Array): WordVectors | { error: string } {
  const magic = new TextEncoder().encode(VECTORS_MAGIC);
  if (bytes.length < magic.length + 4 || !magic.every((b, i) => bytes[i] === b))
    return { error: "not a word-vectors file (wrong header)" };
  const dims = new DataView(bytes.buffer, bytes.byteOffset).getUint32(magic.length, true);
  const list = words.split("\n").filter(Boolean);
  const body = bytes.length - magic.length - 4;
  if (!dims || body !== list.length * dims)
    return { error: `${list.length} words × ${dims} dimensions do not fit ${body} bytes of vectors` };
  const data = new Int8Array(bytes.buffer, bytes.byteOffset + magic.length + 4, body);
  return { dims, rows: new Map(list.map((w, i) => [w, i])), data };
}

/**
 * Weight of a word in a sentence by smooth inverse frequency (Arora et al., 2017): a / (a + p(word)), with
 * p from the word's frequency rank (Zipf's law). Frequent words ("the", "what") count for little.
 */
const SIF_A = 3e-4;

/**
 * The sentence embedding of a text: the SIF-weighted mean of its words' vectors, unit length; `null` when
 * no word of it has a vector (Chinese, numbers, names the vectors do not know).
 */
export function embedText(vectors: WordVectors, text: string): Float32Array | null {
  const { dims, rows, data } = vectors;
  const harmonic = Math.log(rows.size + 1);
  const out = new Float32Array(dims);
  let any = false;
  for (const word of text.toLowerCase().match(/[a-z][a-z'-]*/g) ?? []) {
    const row = rows.get(word);
    if (row === undefined) continue;
    any = true;
    const p = 1 / ((row + 1) * harmonic);
    const weight = SIF_A / (SIF_A + p);
    for (let d = 0, at = row * dims; d < dims; d++, at++)
      out[d] = (out[d] as number) + weight * (data[at] as number);
  }
  if (!any) return null;
  let norm = 0;
  for (let d = 0; d < dims; d++) norm += (out[d] as number) ** 2;
  norm = Math.sqrt(norm) || 1;
  for (let d = 0; d < dims; d++) out[d] = (out[d] as number) / norm;
  return out;
}

/** Cosine of two unit vectors. */
export function cosine(a: Float32Array, b: Float32Array): number {
  let z = 0;
  for (let d = 0; d < a.length; d++) z += (a[d] as number) * (b[d] as number);
  return z;
}
