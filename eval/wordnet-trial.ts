import { loadKnowledgeOrThrow } from "../src/knowledge/load.ts";
import { createSearch } from "../src/search/index.ts";
import type { LexicalResource } from "../src/search/query.ts";
import { heldOutPart, scoreQuestions, tuningPart } from "./labelled.ts";
import { wordNet } from "./wordnet.ts";

// `npx tsx eval/wordnet-trial.ts`: does widening question words with WordNet help? Each variant runs on
// both parts (aggregate numbers only) with the shipped calibration, plus the mean answer time.

const kb = loadKnowledgeOrThrow();
const variants: [string, LexicalResource | undefined][] = [["curated synonyms only", undefined]];
const wn = wordNet(1, 0.5);
variants.push(["+ WordNet as a dictionary: a real word is never read as a typo", { isWord: wn.isWord }]);
for (const senses of [1, 3]) {
  for (const weight of [0.3, 0.5]) {
    variants.push([
      `+ WordNet relatives, ${senses} sense(s), weight ${weight}`,
      { related: wordNet(senses, weight).related },
    ]);
  }
}
variants.push(["+ both (dictionary, relatives of 1 sense at 0.5)", wn]);
for (const [name, lexical] of variants) {
  const search = createSearch(kb, lexical ? { lexical } : {});
  const cells = [tuningPart(), heldOutPart()].map((part) => {
    const start = performance.now();
    const s = scoreQuestions(part.questions, (q) => search.answer(q).results.map((r) => r.fact.id));
    const msPer = (performance.now() - start) / part.questions.length;
    const rate = (n: number, d: number) => ((100 * n) / Math.max(1, d)).toFixed(1);
    return `${part.name}: top-1 ${rate(s.top1, s.answerable)}%, top-3 ${rate(s.top3, s.answerable)}%, declined ${rate(s.declinedUnanswerable, s.unanswerable)}%, wrongly declined ${rate(s.wronglyDeclined, s.answerable)}%, ${msPer.toFixed(3)} ms/question`;
  });
  console.log(`${name}\n  ${cells.join("\n  ")}`);
}
