import type { KnowledgeBase } from "../knowledge/load.ts";
import type { Sector, SectorId } from "../knowledge/schema.ts";
import { editDistance, TypoIndex, typoAllowance } from "../text/fuzzy.ts";
import { hasHan, normalizeKey, normalizeText, tokenize } from "../text/normalize.ts";
import { applyRewrites, type Lexicon } from "./lexicon.ts";
import { MAX_LOOKUP_LENGTH, MAX_SUGGESTIONS } from "./params.ts";

/** The outcome of a look-up: a sector, or none with suggestions. "Not found" is a value. */
export type SectorResolution =
  | { sector: Sector; matched: string; how: "exact" | "synonym" | "contains" | "fuzzy"; suggestions: [] }
  | { sector: null; suggestions: Suggestions };

/** At least one sector (in practice two or three): a look-up that lands nowhere still offers somewhere to go. */
export type Suggestions = [Sector, ...Sector[]];

/** One autocomplete choice: `name` shown (not cut to any platform's limit: the caller does that), `value` the id. */
export interface SectorChoice {
  name: string;
  value: SectorId;
}

/** One name, alias or Chinese name of a sector, in the forms the look-ups compare. */
interface Label {
  sectorId: SectorId;
  label: string;
  text: string;
  key: string;
  /** Stemmed words, for "all the query's words are words of this label". */
  words: readonly string[];
  /** Character trigrams of the key and of each word, for the last-resort look-alike ranking. */
  grams: ReadonlySet<string>;
  wordGrams: readonly ReadonlySet<string>[];
}

/** The sector labels indexed for look-ups; built once per knowledge base. */
export interface SectorIndex {
  readonly kb: KnowledgeBase;
  readonly labels: readonly Label[];
  readonly byKey: ReadonlyMap<string, Label>;
  readonly hanLabels: readonly Label[];
  /** Single-word labels of four letters or more: a compound that starts with one names it ("chipmakers"). */
  readonly compoundHeads: readonly Label[];
  readonly labelWords: TypoIndex;
  readonly byWord: ReadonlyMap<string, readonly Label[]>;
  readonly synonyms: ReadonlyMap<string, readonly string[]>;
  /** Single-word synonym keys, for a misspelt word that has synonyms ("aircarft" → "aircraft"). */
  readonly synonymWords: TypoIndex;
  readonly stopWords: ReadonlySet<string>;
  readonly lexicon: Lexicon;
  readonly alphabetical: readonly Sector[];
}

/** Longest alias phrase, in words, that the scan of a question tries. */
const MAX_PHRASE_WORDS = 4;

/** Builds the sector look-up index. `synonyms` is the question index's table (stemmed key → members). */
export function buildSectorIndex(
  kb: KnowledgeBase,
  lexicon: Lexicon,
  synonyms: ReadonlyMap<string, readonly string[]>,
): SectorIndex {
  const labels: Label[] = kb.sectors.flatMap((sector) =>
    [sector.name, sector.id, sector.chineseName, ...sector.aliases].map((label) => ({
      sectorId: sector.id,
      label,
      text: normalizeText(label),
      key: normalizeKey(label),
      words: tokenize(label),
      grams: trigrams(normalizeKey(label)),
      wordGrams: tokenize(label).map(trigrams),
    })),
  );
  const byKey = new Map<string, Label>();
  const byWord = new Map<string, Label[]>();
  for (const label of labels) {
    if (!byKey.has(label.key)) byKey.set(label.key, label);
    for (const word of new Set(label.words)) byWord.set(word, [...(byWord.get(word) ?? []), label]);
  }
  return {
    kb,
    labels,
    byKey,
    hanLabels: labels.filter((l) => hasHan(l.text)).sort((a, b) => b.text.length - a.text.length),
    compoundHeads: labels.filter((l) => l.key.length >= 4 && !l.text.includes(" ") && !hasHan(l.text)),
    labelWords: new TypoIndex([...byKey.keys()].filter((k) => !hasHan(k))),
    byWord,
    synonyms,
    synonymWords: new TypoIndex([...synonyms.keys()].filter((k) => !k.includes(" ") && !hasHan(k))),
    stopWords: lexicon.stopWords,
    lexicon,
    alphabetical: [...kb.sectors].sort((a, b) => a.name.localeCompare(b.name)),
  };
}

const sectorOf = (index: SectorIndex, id: SectorId) => index.kb.sectorById.get(id) as Sector;

/**
 * Sectors a free text names, best first: Chinese names inside it, then phrases of its words that are a
 * label (longer phrases first); with `typos`, also words a typo away from a label and compounds that start
 * with one ("chipmakers").
 */
export function sectorsNamedIn(index: SectorIndex, text: string, { typos = false } = {}): SectorId[] {
  const found = new Map<SectorId, number>();
  const add = (id: SectorId, rank: number) => {
    if (!found.has(id)) found.set(id, rank);
  };
  const normalized = normalizeText(text);
  for (const label of index.hanLabels)
    if (normalized.includes(label.text)) add(label.sectorId, 100 + label.text.length);
  const words = tokenize(text);
  for (let size = Math.min(MAX_PHRASE_WORDS, words.length); size >= 1; size--) {
    for (let start = 0; start + size <= words.length; start++) {
      const phrase = words.slice(start, start + size);
      if (size === 1 && index.stopWords.has(phrase[0] ?? "")) continue;
      const label = index.byKey.get(phrase.join(""));
      if (label) add(label.sectorId, size * 10 + label.key.length);
    }
  }
  if (typos) for (const id of typoNamed(index, words)) add(id, 1);
  return [...found].sort((a, b) => b[1] - a[1]).map(([id]) => id);
}

/** Sectors named by a misspelt word ("shipbuliding") or a compound that starts with a label ("robotmaker"). */
function typoNamed(index: SectorIndex, words: readonly string[]): SectorId[] {
  const out = new Set<SectorId>();
  for (const word of words) {
    if (index.stopWords.has(word) || index.byKey.has(word)) continue;
    for (const near of index.labelWords.near(word)) {
      const label = index.byKey.get(near.word);
      if (label) out.add(label.sectorId);
    }
    for (const label of index.compoundHeads)
      if (word.length >= label.key.length + 3 && word.startsWith(label.key)) out.add(label.sectorId);
  }
  return [...out];
}

/**
 * Sectors whose labels are synonyms of the query's words ("jets" → "airliner" → commercial aircraft); with
 * `typos`, of the synonym keys a misspelt word is near ("aircarft" → "aircraft").
 */
function synonymNamed(index: SectorIndex, text: string, typos = false): Map<SectorId, string> {
  const out = new Map<SectorId, string>();
  const words = tokenize(text).filter((w) => !index.stopWords.has(w));
  const near = (w: string) => (index.synonyms.has(w) ? [] : index.synonymWords.near(w).map((n) => n.word));
  for (const key of typos ? words.flatMap(near) : [words.join(" "), ...words]) {
    for (const member of index.synonyms.get(key) ?? []) {
      const label = index.byKey.get(member.replaceAll(" ", ""));
      if (label && !out.has(label.sectorId)) out.set(label.sectorId, label.label);
    }
  }
  return out;
}

/** Sectors with a label holding every word of the query ("cars" is a word of "electric cars"). */
function partialNamed(index: SectorIndex, text: string): Map<SectorId, string> {
  const words = tokenize(text).filter((w) => !index.stopWords.has(w));
  const out = new Map<SectorId, string>();
  const [first, ...rest] = words;
  if (!first) return out;
  // Shorter labels first: "solar energy" says "energy" more squarely than "new energy vehicles".
  const labels = [...(index.byWord.get(first) ?? [])].sort((a, b) => a.words.length - b.words.length);
  for (const label of labels) {
    if (rest.every((w) => label.words.includes(w)) && !out.has(label.sectorId))
      out.set(label.sectorId, label.label);
  }
  return out;
}

/** Sectors whose label key is within the typo allowance of the whole query's key ("machien tools"). */
function nearKeys(index: SectorIndex, key: string): Map<SectorId, string> {
  const allowed = typoAllowance(key.length);
  const out = new Map<SectorId, string>();
  if (!allowed) return out;
  for (const label of index.labels) {
    if (out.has(label.sectorId) || Math.abs(label.key.length - key.length) > allowed) continue;
    if (editDistance(key, label.key, allowed) <= allowed) out.set(label.sectorId, label.label);
  }
  return out;
}

/** One way of naming a sector; `how` tells the caller which kind of evidence decided. */
interface Strategy {
  how: "exact" | "synonym" | "contains" | "fuzzy";
  find: (query: string) => Map<SectorId, string>;
}

/**
 * Resolves a look-up to one sector, or to none with up to three suggestions. The strategies run strongest
 * evidence first: the whole query is a label; labels inside it (whole words, Chinese terms); labels that are
 * synonyms of its words; labels holding all its words; the whole query a typo or two from a label; a word a
 * typo from a label. The first that names exactly one sector decides; those naming several feed the
 * suggestions, never a guess. When nothing names a sector, `fallback` (the facts' sectors) suggests.
 */
export function resolveSector(
  index: SectorIndex,
  input: string,
  fallback: (q: string) => readonly SectorId[] = () => [],
): SectorResolution {
  // "IT" in capitals is information technology here too.
  const query = applyRewrites(input.slice(0, MAX_LOOKUP_LENGTH), index.lexicon);
  if (!normalizeText(query)) return { sector: null, suggestions: closest(index, query) };
  const key = normalizeKey(query);
  const strategies: Strategy[] = [
    { how: "exact", find: () => labelMap(index.byKey.get(key)) },
    { how: "contains", find: (q) => labelsOf(index, sectorsNamedIn(index, q)) },
    { how: "synonym", find: (q) => synonymNamed(index, q) },
    { how: "contains", find: (q) => partialNamed(index, q) },
    { how: "fuzzy", find: () => nearKeys(index, key) },
    { how: "fuzzy", find: (q) => labelsOf(index, typoNamed(index, tokenize(q))) },
    { how: "fuzzy", find: (q) => synonymNamed(index, q, true) },
  ];
  const suggestions: SectorId[] = [];
  for (const { how, find } of strategies) {
    const found = find(query);
    const [only] = found;
    if (found.size === 1 && only) {
      return { sector: sectorOf(index, only[0]), matched: only[1], how, suggestions: [] };
    }
    for (const id of found.keys()) if (!suggestions.includes(id)) suggestions.push(id);
  }
  // Nothing named a sector: weaker evidence, in order, until something does.
  for (const weaker of [
    () => typoPrefixes(index, normalizeText(query)),
    () => fallback(query),
    () => loose(index, query),
  ]) {
    if (suggestions.length) break;
    suggestions.push(...weaker());
  }
  // Whatever the evidence, at least two choices: the closest sectors by the look of their names fill up.
  return { sector: null, suggestions: closest(index, query, suggestions.slice(0, MAX_SUGGESTIONS)) };
}

/** Trigrams of a key padded at both ends ("ai" → " ai", "ai "), so short keys still share some. */
function trigrams(key: string): Set<string> {
  const padded = ` ${key} `;
  const out = new Set<string>();
  for (let i = 0; i + 3 <= padded.length; i++) out.add(padded.slice(i, i + 3));
  return out;
}

function dice(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (!a.size || !b.size) return 0;
  let shared = 0;
  for (const x of a) if (b.has(x)) shared++;
  return (2 * shared) / (a.size + b.size);
}

/**
 * The last resort, which cannot come back empty: `first` (what weaker evidence found), then every sector
 * by how much its closest label looks like the query (character trigrams of each word and of the whole
 * key for letters, shared characters for Chinese), ties to the sectors with the most facts. Input with
 * nothing to compare (emoji, punctuation) gets the sectors with the most facts. Returns `MAX_SUGGESTIONS` (three).
 */
function closest(index: SectorIndex, query: string, first: readonly SectorId[] = []): Suggestions {
  const text = normalizeText(query);
  const han = new Set([...text].filter((c) => hasHan(c)));
  const whole = trigrams(normalizeKey(query));
  const words = tokenize(query)
    .filter((w) => !hasHan(w) && !index.stopWords.has(w))
    .map(trigrams);
  const best = new Map<SectorId, number>();
  for (const label of index.labels) {
    let score = 0;
    if (hasHan(label.text)) {
      const chars = [...new Set(label.text)].filter((c) => hasHan(c));
      score = chars.length ? chars.filter((c) => han.has(c)).length / chars.length : 0;
    } else {
      score = dice(whole, label.grams);
      for (const word of words)
        for (const labelWord of label.wordGrams) score = Math.max(score, dice(word, labelWord));
    }
    best.set(label.sectorId, Math.max(best.get(label.sectorId) ?? 0, score));
  }
  const facts = (id: SectorId) => index.kb.factsBySector.get(id)?.length ?? 0;
  const ranked = [...index.kb.sectors]
    .map((s) => s.id)
    .sort((a, b) => (best.get(b) ?? 0) - (best.get(a) ?? 0) || facts(b) - facts(a) || a.localeCompare(b));
  const ids = [...new Set([...first, ...ranked])].slice(0, MAX_SUGGESTIONS);
  const [head, ...rest] = ids.map((id) => sectorOf(index, id));
  return [head as Sector, ...rest];
}

function labelMap(label: Label | undefined): Map<SectorId, string> {
  return label ? new Map([[label.sectorId, label.label]]) : new Map();
}

function labelsOf(index: SectorIndex, ids: readonly SectorId[]): Map<SectorId, string> {
  return new Map(ids.map((id) => [id, sectorOf(index, id).name]));
}

/**
 * Autocomplete: sectors for what has been typed so far, best first, uncut (the caller caps the count and
 * the name length to its platform's limits). Name prefixes first, then alias prefixes, then whole-word,
 * synonym and typo matches, then label-word prefixes a typo away; an empty input lists every sector.
 */
export function suggestSectors(index: SectorIndex, input: string): SectorChoice[] {
  const partial = input.slice(0, MAX_LOOKUP_LENGTH);
  const text = normalizeText(partial);
  if (!text) return index.alphabetical.map((s) => choice(s));
  const out = new Map<SectorId, string | undefined>();
  const add = (id: SectorId, via?: string) => {
    if (!out.has(id)) out.set(id, via);
  };
  for (const sector of index.alphabetical) {
    if (normalizeText(sector.name).startsWith(text) || sector.id.startsWith(text.replaceAll(" ", "-")))
      add(sector.id);
  }
  for (const label of index.labels) {
    if (label.text.startsWith(text) || label.text.split(" ").some((w) => w.startsWith(text)))
      add(label.sectorId, label.label);
  }
  const resolution = resolveSector(index, partial);
  if (resolution.sector) add(resolution.sector.id, resolution.matched);
  for (const sector of resolution.suggestions) add(sector.id);
  if (!out.size) for (const id of typoPrefixes(index, text)) add(id);
  return [...out].map(([id, via]) => choice(sectorOf(index, id), via));
}

/** Sectors with a label word whose start is a typo away from the partial word ("semic" → "semiconductors"). */
function typoPrefixes(index: SectorIndex, text: string): SectorId[] {
  const allowed = typoAllowance(text.length);
  if (!allowed) return [];
  const out = new Set<SectorId>();
  for (const label of index.labels) {
    for (const word of label.text.split(" ")) {
      if (word.length >= text.length && editDistance(text, word.slice(0, text.length), allowed) <= allowed)
        out.add(label.sectorId);
    }
  }
  return [...out];
}

/**
 * A last resort, closest first: label words within two edits of a word of the query, whatever its length;
 * for Chinese, labels sharing two characters or more (traditional and simplified forms share many).
 */
function loose(index: SectorIndex, query: string): SectorId[] {
  const found: { id: SectorId; distance: number }[] = [];
  const chars = new Set([...normalizeText(query)].filter(hasHan));
  for (const label of chars.size ? index.hanLabels : []) {
    const shared = [...new Set(label.text)].filter((c) => chars.has(c)).length;
    if (shared >= 2) found.push({ id: label.sectorId, distance: 3 - shared });
  }
  for (const word of tokenize(query).filter((w) => w.length >= 4)) {
    for (const label of index.labels) {
      for (const labelWord of label.words) {
        const distance = editDistance(word, labelWord, 2);
        if (distance <= 2) found.push({ id: label.sectorId, distance });
      }
    }
  }
  return [...new Set(found.sort((a, b) => a.distance - b.distance).map((f) => f.id))];
}

function choice(sector: Sector, via?: string): SectorChoice {
  const base = `${sector.name} · ${sector.chineseName}`;
  const name = via && normalizeKey(via) !== normalizeKey(sector.name) ? `${base} (${via})` : base;
  return { name, value: sector.id };
}
