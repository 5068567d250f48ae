import Fuse from "fuse.js";
import { DISCORD_LIMITS, truncate } from "../answer/limits.ts";
import type { KnowledgeBase } from "../knowledge/load.ts";
import type { Sector, SectorId } from "../knowledge/schema.ts";
import { hasHan, normalizeKey, normalizeText, tokenize } from "./normalize.ts";
import { isStopWord } from "./stopwords.ts";

/** The outcome of a look-up: a sector, or none with up to three suggestions. "Not found" is a value. */
export type SectorResolution =
  | { sector: Sector; matched: string; how: "exact" | "contains" | "fuzzy"; suggestions: [] }
  | { sector: null; suggestions: Sector[] };

/** One autocomplete choice, ready for Discord: `name` shown, `value` the sector id. */
export interface SectorChoice {
  name: string;
  value: SectorId;
}

export interface SectorResolver {
  resolveSector(query: string): SectorResolution;
  suggestSectors(partial: string): SectorChoice[];
  /** Sectors a free-text question names by an alias (whole words or Chinese terms), best first. */
  sectorsNamedIn(text: string, options?: { typos?: boolean }): Sector[];
}

interface Label {
  sectorId: SectorId;
  label: string;
  text: string;
  key: string;
}

const MAX_SUGGESTIONS = 3;
/** Fuse scores run 0 (exact) to 1. Accept a guess only when it is strong and clearly ahead of the runner-up. */
const ACCEPT_SCORE = 0.22;
const ACCEPT_MARGIN = 0.08;
const SUGGEST_SCORE = 0.5;
/** Look-ups read at most this much of their input: longer is not a sector name (Discord caps it at 100 too). */
const MAX_LOOKUP_LENGTH = 100;
/** Longest alias phrase, in words, that the token scan tries. */
const MAX_PHRASE_WORDS = 4;

/**
 * Builds the sector look-up once per knowledge base. Order of evidence, strongest first: the whole query is
 * a known name or alias (after normalisation); a Chinese alias inside the query; whole words of the query
 * form an alias ("chinese chips industry"); then Fuse.js over every label for typos and partial words.
 */
export function createSectorResolver(kb: KnowledgeBase): SectorResolver {
  const labels: Label[] = [];
  const byKey = new Map<string, Label>();
  for (const sector of kb.sectors) {
    for (const label of [sector.name, sector.id, sector.chineseName, ...sector.aliases]) {
      const entry = { sectorId: sector.id, label, text: normalizeText(label), key: normalizeKey(label) };
      labels.push(entry);
      if (!byKey.has(entry.key)) byKey.set(entry.key, entry);
    }
  }
  const compoundHeads = labels.filter((l) => l.key.length >= 4 && !l.text.includes(" ") && !hasHan(l.text));
  // Longest first, so "集成电路" wins over a shorter term inside it.
  const hanLabels = labels.filter((l) => hasHan(l.text)).sort((a, b) => b.text.length - a.text.length);
  const fuse = new Fuse(labels, {
    keys: ["text"],
    includeScore: true,
    ignoreLocation: true,
    threshold: 0.45,
    minMatchCharLength: 2,
  });
  const sectorOf = (id: SectorId) => kb.sectorById.get(id) as Sector;
  const alphabetical = [...kb.sectors].sort((a, b) => a.name.localeCompare(b.name));

  /** Fuse's score, penalised when the label is much longer or shorter than the query (a part matched). */
  function fuzzyCandidates(text: string): { sectorId: SectorId; label: string; score: number }[] {
    const best = new Map<SectorId, { sectorId: SectorId; label: string; score: number }>();
    for (const result of fuse.search(text, { limit: 40 })) {
      const { item } = result;
      const lengthRatio = Math.min(text.length, item.text.length) / Math.max(text.length, item.text.length);
      const score = (result.score ?? 1) + 0.25 * (1 - lengthRatio);
      const current = best.get(item.sectorId);
      if (!current || score < current.score)
        best.set(item.sectorId, { sectorId: item.sectorId, label: item.label, score });
    }
    return [...best.values()].sort((a, b) => a.score - b.score);
  }

  /** Sectors whose label is within a typo or two of the whole query (swapped letters count once). */
  function nearKeys(key: string): { sectorId: SectorId; label: string }[] {
    const allowed = typoAllowance(key.length);
    if (!allowed) return [];
    const found = new Map<SectorId, string>();
    for (const label of labels) {
      if (Math.abs(label.key.length - key.length) > allowed || found.has(label.sectorId)) continue;
      if (editDistance(key, label.key, allowed) <= allowed) found.set(label.sectorId, label.label);
    }
    return [...found].map(([sectorId, label]) => ({ sectorId, label }));
  }

  function sectorsNamedIn(text: string, { typos = false } = {}): Sector[] {
    const found = new Map<SectorId, number>();
    const normalized = normalizeText(text);
    for (const label of hanLabels) {
      if (normalized.includes(label.text) && !found.has(label.sectorId))
        found.set(label.sectorId, label.text.length);
    }
    const words = tokenize(text);
    for (let size = Math.min(MAX_PHRASE_WORDS, words.length); size >= 1; size--) {
      for (let start = 0; start + size <= words.length; start++) {
        const phrase = words.slice(start, start + size);
        if (size === 1 && isStopWord(phrase[0] ?? "")) continue;
        const label = byKey.get(phrase.join(""));
        if (label && !found.has(label.sectorId)) found.set(label.sectorId, size * 10 + label.key.length);
      }
    }
    if (typos) {
      // A misspelt sector word ("shipbuliding") still names its sector, ranked after exact names.
      for (const word of words) {
        if (isStopWord(word) || byKey.has(word)) continue;
        for (const near of nearKeys(word)) if (!found.has(near.sectorId)) found.set(near.sectorId, 1);
        // A compound that starts with a sector word names it too: "chipmakers", "robotmaker".
        for (const label of compoundHeads) {
          if (word.length >= label.key.length + 3 && word.startsWith(label.key) && !found.has(label.sectorId))
            found.set(label.sectorId, 1);
        }
      }
    }
    return [...found].sort((a, b) => b[1] - a[1]).map(([id]) => sectorOf(id));
  }

  function resolveSector(input: string): SectorResolution {
    // A sector name is short; cutting long input keeps a pasted essay from costing a second of Fuse time.
    const query = input.slice(0, MAX_LOOKUP_LENGTH);
    const text = normalizeText(query);
    if (!text) return { sector: null, suggestions: [] };
    const exact = byKey.get(normalizeKey(query));
    if (exact)
      return { sector: sectorOf(exact.sectorId), matched: exact.label, how: "exact", suggestions: [] };

    // Whole words first ("chinese chip industry"), then the whole input a typo away ("machien tools"),
    // then misspelt or compound words ("chinese chipmakers").
    const exactWords = sectorsNamedIn(query);
    const near = exactWords.length === 0 ? nearKeys(normalizeKey(query)) : [];
    const named = exactWords.length || near.length ? exactWords : sectorsNamedIn(query, { typos: true });
    if (exactWords.length === 1 && exactWords[0]) {
      return { sector: exactWords[0], matched: exactWords[0].name, how: "contains", suggestions: [] };
    }
    if (near.length === 1 && near[0]) {
      return { sector: sectorOf(near[0].sectorId), matched: near[0].label, how: "fuzzy", suggestions: [] };
    }
    if (named.length === 1 && named[0]) {
      return { sector: named[0], matched: named[0].name, how: "fuzzy", suggestions: [] };
    }
    const fuzzy = fuzzyCandidates(text);
    const [first, second] = fuzzy;
    if (
      named.length === 0 &&
      first &&
      first.score <= ACCEPT_SCORE &&
      (!second || second.score - first.score >= ACCEPT_MARGIN)
    ) {
      return { sector: sectorOf(first.sectorId), matched: first.label, how: "fuzzy", suggestions: [] };
    }
    const suggestions = [...named];
    for (const candidate of fuzzy) {
      if (candidate.score > SUGGEST_SCORE) break;
      const sector = sectorOf(candidate.sectorId);
      if (!suggestions.includes(sector)) suggestions.push(sector);
    }
    return { sector: null, suggestions: suggestions.slice(0, MAX_SUGGESTIONS) };
  }

  function choice(sector: Sector, via?: string): SectorChoice {
    const base = `${sector.name} · ${sector.chineseName}`;
    const name = via && normalizeKey(via) !== normalizeKey(sector.name) ? `${base} (${via})` : base;
    return { name: truncate(name, DISCORD_LIMITS.choiceName), value: sector.id };
  }

  function suggestSectors(input: string): SectorChoice[] {
    const partial = input.slice(0, MAX_LOOKUP_LENGTH);
    const text = normalizeText(partial);
    if (!text) return alphabetical.slice(0, DISCORD_LIMITS.autocompleteChoices).map((s) => choice(s));
    // Tier 1: the name or id starts with what was typed; tier 2: an alias or a word of the name does.
    const tiers: [Sector, string | undefined][][] = [[], [], [], []];
    const seen = new Set<SectorId>();
    for (const sector of alphabetical) {
      const name = normalizeText(sector.name);
      if (name.startsWith(text) || sector.id.startsWith(text.replaceAll(" ", "-"))) {
        tiers[0]?.push([sector, undefined]);
        seen.add(sector.id);
      }
    }
    for (const label of labels) {
      if (seen.has(label.sectorId)) continue;
      if (label.text.startsWith(text) || label.text.split(" ").some((w) => w.startsWith(text))) {
        tiers[1]?.push([sectorOf(label.sectorId), label.label]);
        seen.add(label.sectorId);
      }
    }
    // Tier 3: the whole input a typo or two from a label, or words that name a sector (cheap checks).
    const near = nearKeys(normalizeKey(partial)).map((n) => sectorOf(n.sectorId));
    for (const sector of [...near, ...sectorsNamedIn(partial, { typos: true })]) {
      if (seen.has(sector.id)) continue;
      tiers[2]?.push([sector, undefined]);
      seen.add(sector.id);
    }
    // Tier 4: Fuse.js over every label, only when nothing cheaper matched: autocomplete runs per keystroke.
    if (seen.size) return flattenChoices(tiers);
    for (const candidate of fuzzyCandidates(text)) {
      if (seen.has(candidate.sectorId) || candidate.score > SUGGEST_SCORE) continue;
      tiers[3]?.push([sectorOf(candidate.sectorId), candidate.label]);
      seen.add(candidate.sectorId);
    }
    return flattenChoices(tiers);
  }

  function flattenChoices(tiers: [Sector, string | undefined][][]): SectorChoice[] {
    return tiers
      .flat()
      .slice(0, DISCORD_LIMITS.autocompleteChoices)
      .map(([sector, via]) => choice(sector, via));
  }

  return { resolveSector, suggestSectors, sectorsNamedIn };
}

/** How many typos a word of this length may carry and still count as that word: none below five letters. */
export function typoAllowance(length: number): number {
  return length >= 9 ? 2 : length >= 5 ? 1 : 0;
}

/**
 * Optimal-string-alignment distance (Levenshtein plus adjacent swaps), giving up once it exceeds `limit`:
 * the common typos of a sector name ("droens", "machien tools") are one edit away.
 */
export function editDistance(a: string, b: string, limit = Number.POSITIVE_INFINITY): number {
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) {
    const row: number[] = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      if (i === 0) {
        row.push(j);
        continue;
      }
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const above = rows[i - 1] as number[];
      let value = Math.min(
        (above[j] as number) + 1,
        (row[j - 1] as number) + 1,
        (above[j - 1] as number) + cost,
      );
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        value = Math.min(value, ((rows[i - 2] as number[])[j - 2] as number) + 1);
      }
      row.push(value);
      rowMin = Math.min(rowMin, value);
    }
    rows.push(row);
    if (i > 0 && rowMin > limit) return limit + 1;
  }
  return (rows[a.length] as number[])[b.length] as number;
}
