import { loadKnowledgeOrThrow } from "../src/knowledge/load.ts";
import {
  FEATURE_NAMES,
  FEATURE_SIGNS,
  type FeatureName,
  type Features,
} from "../src/search/answerability.ts";
import { createSearch, type SearchEngine } from "../src/search/index.ts";
import { fitLogistic, MAX_WRONGLY_DECLINED } from "./calibrate.ts";
import { tuningParts } from "./labelled.ts";

// `npx tsx eval/crossfit.ts [feature,...]`: the decline model cross-fitted between the tuning parts, for a
// feature set (default: every feature). Fits on all parts but one (as `npm run calibrate` does, threshold at
// 3% wrongly declined there, or `BUDGET=0.04`; `NO_SIGNS=1` fits the weights free) and scores the one left
// out: what was declined at that threshold, and threshold-free, the ROC area and the unanswerable share
// declined when 5% of the unseen part's answerable are.

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));
/** A logistic model fitted as `npm run calibrate` fits the shipped one. */
function fitModel(xs: number[][], ys: number[], signs: readonly number[] = []): (x: number[]) => number {
  const { weights, bias } = fitLogistic(xs, ys, signs);
  return (x) => sigmoid(bias + x.reduce((z, v, d) => z + v * (weights[d] ?? 0), 0));
}

/** The decline model cross-fitted between the tuning parts for one engine: one line per direction. */
export function crossfit(engine: SearchEngine, names: readonly FeatureName[] = FEATURE_NAMES): string[] {
  const parts = tuningParts().map((part) =>
    part.questions.map(({ q, gold }) => ({ f: engine.rank(q).features[0], answerable: gold.length > 0 })),
  );
  const vec = (f: Features | undefined) => (f ? names.map((n) => f[n]) : names.map(() => 0));
  const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
  const lines: string[] = [];
  // Leave one part out: fit on every other tuning part, score the one left out.
  for (let b = 0; b < parts.length; b++) {
    const A = parts.filter((_, i) => i !== b).flat();
    const B = parts[b] ?? [];
    const model = fitModel(
      A.map((x) => vec(x.f)),
      A.map((x) => (x.answerable ? 1 : 0)),
      process.env.NO_SIGNS ? [] : names.map((n) => FEATURE_SIGNS[n]),
    );
    const p = (x: { f: Features | undefined }) => (x.f ? model(vec(x.f)) : -1);
    const pa = A.filter((x) => x.answerable)
      .map(p)
      .sort((x, y) => x - y);
    const threshold = pa[Math.floor(Number(process.env.BUDGET ?? MAX_WRONGLY_DECLINED) * pa.length)] ?? 0;
    const bAns = B.filter((x) => x.answerable).map(p);
    const bUn = B.filter((x) => !x.answerable).map(p);
    let auc = 0;
    for (const u of bUn) for (const v of bAns) auc += v > u ? 1 : v === u ? 0.5 : 0;
    auc /= bUn.length * bAns.length;
    const cut5 = [...bAns].sort((x, y) => x - y)[Math.floor(0.05 * bAns.length)] ?? 0;
    lines.push(
      `fit on the others → part ${b + 1}: declined ${pct(bUn.filter((x) => x < threshold).length / bUn.length)} wrongly ${pct(bAns.filter((x) => x < threshold).length / bAns.length)} | AUC ${auc.toFixed(3)} declined at 5% ${pct(bUn.filter((x) => x < cut5).length / bUn.length)}`,
    );
  }
  return lines;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const names = (process.argv[2]?.split(",") ?? FEATURE_NAMES) as FeatureName[];
  console.log(crossfit(createSearch(loadKnowledgeOrThrow()), names).join("\n"));
}
