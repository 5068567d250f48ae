import { describe, expect, it } from "vitest";
import {
  type Calibration,
  confidenceOf,
  FEATURE_NAMES,
  type FeatureName,
  type Features,
  featuresOf,
  isAnswerable,
  matchMeaning,
} from "../../src/search/answerability.ts";
import type { QueryAnalysis } from "../../src/search/query.ts";
import type { Candidate } from "../../src/search/score.ts";

const query = (over: Partial<QueryAnalysis> = {}): QueryAnalysis => ({
  question: "q",
  type: null,
  kinds: [],
  planNamed: false,
  slots: [],
  totalWeight: 4,
  unknownWeight: 1,
  commonUnknownWeight: 0,
  vector: null,
  ...over,
});
const candidate = (doc: number, score: number, coverage: number, kindMatch = false): Candidate => ({
  doc,
  score,
  coverage,
  kindMatch,
  questionOverlap: 0.5,
  missed: 0.25,
  matched: 0b01,
  meaning: 0,
});

const slot = (word: string, specific: boolean, name: boolean) => ({
  word,
  weight: 1,
  variants: [],
  plan: false,
  specific,
  name,
});

const known = (word: string) => ({
  word,
  weight: 1,
  variants: [{ term: 0, weight: 1 }],
  plan: false,
});

describe("featuresOf", () => {
  const candidates = [candidate(0, 10, 0.9, true), candidate(1, 6, 0.5), candidate(2, 5, 0.4)];
  it.each<[number, QueryAnalysis, Partial<Features>]>([
    [
      0,
      query(),
      {
        coverage: 0.9,
        ratio: 1,
        margin: 0.4,
        kindMatch: 0,
        unknownShare: 0.25,
        questionOverlap: 0.5,
        first: 1,
      },
    ],
    [1, query(), { ratio: 0.6, margin: 0.1, first: 0 }],
    [2, query(), { ratio: 0.5, margin: 0.5 }],
    [0, query({ kinds: ["date"] }), { kindMatch: 1, kindMiss: 0 }],
    [1, query({ kinds: ["date"] }), { kindMatch: 0, kindMiss: 1 }],
    [0, query({ totalWeight: 0 }), { unknownShare: 1 }],
    [0, query({ commonUnknownWeight: 1 }), { unknownShare: 0.25, commonUnknown: 0.25 }],
    [
      0,
      query({ slots: [slot("catl", true, true), slot("share", false, false)] }),
      { specificMissed: 0, nameMissed: 0 },
    ],
    [
      0,
      query({ slots: [slot("share", false, false), slot("catl", true, true)] }),
      { specificMissed: 0.5, nameMissed: 1 },
    ],
    [
      0,
      query({
        slots: [slot("a", false, false), slot("bitcoin", true, false), slot("neodymium", true, false)],
      }),
      { specificMissed: 1, nameMissed: 0 },
    ],
    [
      0,
      query({ slots: [known("car"), known("export")], totalWeight: 2 }),
      { knownMissed: 0.5, figureMissed: 0, shortUncovered: expect.closeTo(0.08, 5) },
    ],
    [
      0,
      query({ slots: [known("car"), known("export")], totalWeight: 2, kinds: ["figure"] }),
      { knownMissed: 0.5, figureMissed: 1 },
    ],
    [
      0,
      query({ slots: [known("car"), slot("last", true, false)], totalWeight: 2, kinds: ["figure"] }),
      { knownMissed: 0, figureMissed: 0 },
    ],
  ])("candidate %i of %j", (i, q, expected) => {
    expect(featuresOf(candidates, i, q, () => true)).toMatchObject(expected);
  });
});

describe("confidenceOf and isAnswerable", () => {
  /** Every feature at zero weight but the ones named. */
  const weights = (named: Partial<Record<FeatureName, number>>) =>
    Object.fromEntries(FEATURE_NAMES.map((n) => [n, named[n] ?? 0])) as Record<FeatureName, number>;
  const calibration: Calibration = {
    fittedOn: "test",
    weights: weights({ coverage: 4, kindMatch: 1, kindMiss: -1, unknownShare: -2 }),
    bias: -2,
    decline: { weights: weights({ specificMissed: -4 }), bias: 2 },
    threshold: 0.5,
    precisionAbove: 0.9,
    bands: [{ from: 0.5, to: 1, n: 10, right: 9 }],
  };
  const base: Features = {
    coverage: 0.5,
    ratio: 1,
    margin: 0,
    kindMatch: 0,
    kindMiss: 0,
    unknownShare: 0,
    questionOverlap: 0,
    strength: 0.5,
    missed: 0,
    length: 0.2,
    first: 1,
    specificMissed: 0,
    nameMissed: 0,
    shortUncovered: 0,
    knownMissed: 0,
    figureMissed: 0,
    commonUnknown: 0,
  };

  it.each<[Partial<Features>, number]>([
    [{}, 0.5],
    [{ coverage: 1 }, 0.881],
    [{ kindMatch: 1 }, 0.731],
    [{ unknownShare: 1 }, 0.119],
  ])("features %j give %f", (over, p) => {
    expect(confidenceOf({ ...base, ...over }, calibration)).toBeCloseTo(p, 3);
  });

  it.each([
    [0, true],
    [0.5, true],
    [0.51, false],
    [1, false],
  ])("a first result missing a share %f of specific words is shown: %s", (specificMissed, shown) => {
    expect(isAnswerable({ ...base, specificMissed }, calibration)).toBe(shown);
  });

  it("says what the figure means in one sentence with the measured rate and the threshold", () => {
    expect(matchMeaning(calibration)).toMatch(/90% had a right first fact\. When it estimates below 50%/);
  });
});
