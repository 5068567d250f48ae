import { loadKnowledgeOrThrow } from "../src/knowledge/load.ts";
import { FEATURE_NAMES, type Features } from "../src/search/answerability.ts";
import { createSearch } from "../src/search/index.ts";
import { cosine, embedText, type WordVectors } from "../src/text/word-vectors.ts";
import { fitModel } from "./crossfit.ts";
import { tuningParts } from "./labelled.ts";

// Experiment: does "what labelled questions near this one were" help the decline model? Cross-fitted: the
// neighbours and the model come from one tuning part, the scores from the other.
const kb = loadKnowledgeOrThrow();
const engine = createSearch(kb);
const vectors = kb.vectors as WordVectors;
const K = Number(process.env.K ?? 5);
interface Item {
  f: Features | undefined;
  answerable: boolean;
  v: Float32Array | null;
}
const parts: Item[][] = tuningParts().map((part) =>
  part.questions.map(({ q, gold }) => ({
    f: engine.rank(q).features[0],
    answerable: gold.length > 0,
    v: embedText(vectors, q),
  })),
);
/** Similarity-weighted share of unanswerable among the K nearest labelled questions (0.5 when unknown). */
function knn(item: Item, pool: Item[]): number[] {
  if (!item.v) return [0.5, 0];
  const sims = pool
    .filter((p) => p !== item && p.v)
    .map((p) => ({ s: cosine(item.v as Float32Array, p.v as Float32Array), un: p.answerable ? 0 : 1 }))
    .sort((a, b) => b.s - a.s)
    .slice(0, K);
  const w = sims.reduce((z, x) => z + Math.max(0, x.s) ** 4, 0);
  const share = w ? sims.reduce((z, x) => z + Math.max(0, x.s) ** 4 * x.un, 0) / w : 0.5;
  const nearestUn = Math.max(0, ...sims.filter((x) => x.un).map((x) => x.s));
  return [share, nearestUn];
}
const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
for (const extra of ["none", "share", "both"]) {
  for (const [a, b] of [
    [0, 1],
    [1, 0],
  ] as const) {
    const A = parts[a] ?? [];
    const B = parts[b] ?? [];
    const vec = (x: Item, pool: Item[]) => {
      const base = x.f ? FEATURE_NAMES.map((n) => (x.f as Features)[n]) : FEATURE_NAMES.map(() => 0);
      const k = knn(x, pool);
      return extra === "none" ? base : extra === "share" ? [...base, k[0] ?? 0.5] : [...base, ...k];
    };
    const model = fitModel(
      A.map((x) => vec(x, A)),
      A.map((x) => (x.answerable ? 1 : 0)),
    );
    const p = (x: Item) => (x.f ? model(vec(x, A)) : -1);
    const pa = A.filter((x) => x.answerable)
      .map((x) => (x.f ? model(vec(x, A)) : -1))
      .sort((x, y) => x - y);
    const threshold = pa[Math.floor(0.03 * pa.length)] ?? 0;
    const bAns = B.filter((x) => x.answerable).map(p);
    const bUn = B.filter((x) => !x.answerable).map(p);
    let auc = 0;
    for (const u of bUn) for (const v of bAns) auc += v > u ? 1 : v === u ? 0.5 : 0;
    auc /= bUn.length * bAns.length;
    const cut5 = [...bAns].sort((x, y) => x - y)[Math.floor(0.05 * bAns.length)] ?? 0;
    console.log(
      `${extra} fit ${a + 1} → ${b + 1}: declined ${pct(bUn.filter((x) => x < threshold).length / bUn.length)} wrongly ${pct(bAns.filter((x) => x < threshold).length / bAns.length)} | AUC ${auc.toFixed(3)} declined at 5% ${pct(bUn.filter((x) => x < cut5).length / bUn.length)}`,
    );
  }
}
