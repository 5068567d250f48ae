import { readFileSync } from "node:fs";
import { join } from "node:path";
import { loadKnowledgeOrThrow } from "../src/knowledge/load.ts";
import { createSearch, type SearchOptions } from "../src/search/index.ts";
import { decodeWordVectors } from "../src/text/word-vectors.ts";
import { calibrationParts, fitCalibration } from "./calibrate.ts";
import { crossfit } from "./crossfit.ts";
import { heldOutPart, scoreQuestions, tuningParts } from "./labelled.ts";

// `npx tsx eval/vectors-trial.ts <vectors dir> [--heldout]`: does ranking by meaning (GloVe sentence
// embeddings, `SearchOptions.vectors`) help? Build the folder with scripts/build-word-vectors.ts. Each
// engine gets its own decline model fitted on the tuning parts, as `npm run calibrate` fits the bot's; the
// decline model is also cross-fitted between the tuning parts. `--heldout` scores the held-out part too:
// each such run is a look at it, to be counted in the README.
const [dir] = process.argv.slice(2);
if (!dir) {
  console.error("usage: npx tsx eval/vectors-trial.ts <vectors dir> [--heldout]");
  process.exit(2);
}
const vectors = decodeWordVectors(
  readFileSync(join(dir, "words.txt"), "utf8"),
  readFileSync(join(dir, "vectors.bin")),
);
if ("error" in vectors) throw new Error(vectors.error);
const kb = loadKnowledgeOrThrow();
const parts = [...tuningParts(), ...(process.argv.includes("--heldout") ? [heldOutPart()] : [])];
const pct = (a: number, b: number) => `${b ? ((100 * a) / b).toFixed(1) : "—"}%`;
for (const [name, options] of [
  ["words only", {}],
  ["with word vectors", { vectors }],
] as [string, SearchOptions][]) {
  const probe = createSearch(kb, options);
  const engine = createSearch(kb, {
    ...options,
    calibration: fitCalibration(probe, calibrationParts()).calibration,
  });
  console.log(name);
  for (const part of parts) {
    const s = scoreQuestions(part.questions, (q) => engine.answer(q).results.map((r) => r.fact.id));
    console.log(
      `  ${part.name}: top-1 ${pct(s.top1, s.answerable)} top-3 ${pct(s.top3, s.answerable)} MRR ${(s.reciprocalRanks / s.answerable).toFixed(3)} declined ${pct(s.declinedUnanswerable, s.unanswerable)} wrongly ${pct(s.wronglyDeclined, s.answerable)}`,
    );
  }
  console.log(`  ${crossfit(engine).join("\n  ")}`);
}
