import type { AnswerKind, LexiconEntry, QuestionType } from "../knowledge/schema.ts";
import { editDistance, typoAllowance } from "../text/fuzzy.ts";
import { hasHan, normalizeText, tokenize } from "../text/normalize.ts";
import { stopWordSet } from "../text/stopwords.ts";

/** One question-type cue, as normalised words. `anchored` cues count only at the start of a question. */
export interface Cue {
  words: readonly string[];
  anchored: boolean;
  type: QuestionType;
  kinds: readonly AnswerKind[];
}

/** `knowledge/lexicon.json` made ready to apply: phrases normalised, cues longest first. */
export interface Lexicon {
  /** The plan's names as normalised word lists, by first word, longest first. */
  planNamesByFirstWord: ReadonlyMap<string, readonly (readonly string[])[]>;
  /** The plan's Chinese names, longest first: they sit inside runs of characters. */
  hanPlanNames: readonly string[];
  stopWords: ReadonlySet<string>;
  /** The Chinese stop words (particles, fillers), longest first: they sit inside runs of characters. */
  hanStopWords: readonly string[];
  rewrites: readonly { pattern: RegExp; to: string }[];
  cues: readonly Cue[];
  /** Facts that answer a question whose only subject is the plan. */
  overviewFactIds: readonly string[];
  examples: readonly string[];
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Compiles the lexicon entries once per knowledge base. */
export function compileLexicon(entries: readonly LexiconEntry[]): Lexicon {
  const planNames: string[][] = [];
  const stops: string[] = [];
  const rewrites: { pattern: RegExp; to: string }[] = [];
  const cues: Cue[] = [];
  const examples: string[] = [];
  const overviewFactIds: string[] = [];
  for (const entry of entries) {
    if (entry.role === "plan-name") planNames.push(...entry.words.map((w) => normalizeText(w).split(" ")));
    else if (entry.role === "stop-word")
      stops.push(...entry.words.flatMap((w) => [...normalizeText(w).split(" "), ...tokenize(w)]));
    else if (entry.role === "rewrite")
      rewrites.push({
        // A whole word only: letters or digits on either side would make it part of another word.
        pattern: new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(entry.match)}(?![\\p{L}\\p{N}])`, "gu"),
        to: entry.to,
      });
    else if (entry.role === "question-type")
      for (const cue of entry.cues)
        cues.push({
          words: normalizeText(cue).split(" "),
          anchored: cue.startsWith("^"),
          type: entry.type,
          kinds: entry.kinds,
        });
    else if (entry.role === "plan-overview") overviewFactIds.push(...entry.factIds);
    else examples.push(...entry.words);
  }
  planNames.sort((a, b) => phraseLength(b) - phraseLength(a));
  const planNamesByFirstWord = new Map<string, string[][]>();
  const hanPlanNames: string[] = [];
  for (const name of planNames) {
    const [first] = name;
    if (!first) continue;
    if (name.length === 1 && hasHan(first)) hanPlanNames.push(first);
    else planNamesByFirstWord.set(first, [...(planNamesByFirstWord.get(first) ?? []), name]);
  }
  cues.sort((a, b) => b.words.length - a.words.length || phraseLength(b.words) - phraseLength(a.words));
  const stopWords = stopWordSet(stops);
  return {
    planNamesByFirstWord,
    hanPlanNames,
    stopWords,
    hanStopWords: [...stopWords].filter(hasHan).sort((a, b) => b.length - a.length),
    rewrites,
    cues,
    overviewFactIds,
    examples,
  };
}

const phraseLength = (words: readonly string[]) => words.join(" ").length;

/** Applies the literal rewrites ("IT" → "information technology") to raw text, before normalising. */
export function applyRewrites(text: string, lexicon: Lexicon): string {
  return lexicon.rewrites.reduce((out, { pattern, to }) => out.replace(pattern, ` ${to} `), text);
}

/** Finds `phrase` as consecutive words of `words` from `start`; Chinese names may sit inside a word. */
function phraseAt(words: readonly string[], start: number, phrase: readonly string[]): boolean {
  return phrase.every((p, i) => words[start + i] === p);
}

/**
 * The same, allowing a typo in any word after the first of a name of several words ("made in chian 2025"):
 * such a phrase is not a name by chance, and the plan's name is the word members misspell most. A number
 * must be exact.
 */
function nameAt(words: readonly string[], start: number, name: readonly string[]): boolean {
  if (name.length < 2) return phraseAt(words, start, name);
  return name.every((p, i) => {
    const w = words[start + i];
    if (w === p) return true;
    // A different year is a different name ("Made in China 2035"), not a slip.
    if (w === undefined || i === 0 || /^\d+$/.test(w)) return false;
    const allowed = typoAllowance(Math.min(w.length, p.length));
    return allowed > 0 && editDistance(w, p, allowed) <= allowed;
  });
}

/**
 * Removes the plan's names from normalised words. Returns the other words and whether a name was there.
 * At each word the longest name starting there wins. A Chinese name is cut out of the run of characters
 * that holds it ("中国制造2025的目标" keeps "的目标").
 */
export function removePlanNames(
  words: readonly string[],
  lexicon: Lexicon,
): { words: string[]; named: boolean } {
  let named = false;
  let out = words as string[];
  if (out.some(hasHan)) {
    out = out.flatMap((word) => {
      let rest = word;
      for (const name of lexicon.hanPlanNames) {
        if (!rest.includes(name)) continue;
        named = true;
        rest = rest.replaceAll(name, " ");
      }
      return rest === word ? [word] : rest.split(/\s+/).filter(Boolean);
    });
  }
  const kept: string[] = [];
  for (let i = 0; i < out.length; ) {
    const name = lexicon.planNamesByFirstWord.get(out[i] as string)?.find((n) => nameAt(out, i, n));
    if (name) {
      named = true;
      i += name.length;
    } else kept.push(out[i++] as string);
  }
  return { words: kept, named };
}

/** The question's type and the answer kinds that fit it, with the words its cue used up. */
export interface QuestionShape {
  type: QuestionType | null;
  kinds: readonly AnswerKind[];
  words: string[];
}

/**
 * Reads the question type from cue words. The longest cue wins, then the earliest, so "how many" beats
 * "how" and "what is" beats "is". The cue's words are removed: they say what is asked, not about what.
 */
export function questionShape(words: readonly string[], lexicon: Lexicon): QuestionShape {
  const han = hanCue(words, lexicon);
  if (han) return han;
  let best: { cue: Cue; at: number } | undefined;
  for (const cue of lexicon.cues) {
    if (best && cue.words.length < best.cue.words.length) break;
    const last = cue.anchored ? 0 : words.length - cue.words.length;
    for (let at = 0; at <= last; at++) {
      if (!phraseAt(words, at, cue.words)) continue;
      if (!best || at < best.at) best = { cue, at };
      break;
    }
  }
  if (!best) return { type: null, kinds: [], words: [...words] };
  const { cue, at } = best;
  return {
    type: cue.type,
    kinds: cue.kinds,
    words: [...words.slice(0, at), ...words.slice(at + cue.words.length)],
  };
}

/**
 * A Chinese cue ("什么时候", "为什么", "吗") sits inside a run of characters, not between spaces: it is
 * found by search and cut out of its run. The longest cue wins.
 */
function hanCue(words: readonly string[], lexicon: Lexicon): QuestionShape | null {
  for (const cue of lexicon.cues) {
    const [text] = cue.words;
    if (cue.words.length !== 1 || !text || !hasHan(text)) continue;
    const at = words.findIndex((w) => w.includes(text));
    if (at < 0) continue;
    const cut = (words[at] as string).replace(text, " ").trim().split(/\s+/).filter(Boolean);
    return {
      type: cue.type,
      kinds: cue.kinds,
      words: [...words.slice(0, at), ...cut, ...words.slice(at + 1)],
    };
  }
  return null;
}
