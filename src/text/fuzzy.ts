/**
 * The one measure of "a typo away" used everywhere: optimal string alignment (Levenshtein plus adjacent
 * swaps, each counted once), allowed only between whole words of similar length.
 */

/** How many typos a word of this length may carry and still count as that word: none below four letters. */
export function typoAllowance(length: number): number {
  return length >= 9 ? 2 : length >= 4 ? 1 : 0;
}

/**
 * Optimal-string-alignment distance, giving up once it exceeds `limit` (then returns `limit + 1`): the
 * common typos ("droens", "machien") are one edit away.
 */
export function editDistance(a: string, b: string, limit = Number.POSITIVE_INFINITY): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let before = new Array<number>(b.length + 1).fill(0);
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = new Array<number>(b.length + 1);
    row[0] = i;
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(
        (previous[j] as number) + 1,
        (row[j - 1] as number) + 1,
        (previous[j - 1] as number) + cost,
      );
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        value = Math.min(value, (before[j - 2] as number) + 1);
      }
      row[j] = value;
      if (value < rowMin) rowMin = value;
    }
    if (rowMin > limit) return limit + 1;
    before = previous;
    previous = row;
  }
  return previous[b.length] as number;
}

/** Every string `word` becomes after deleting up to `depth` of its characters (itself included). */
export function deletions(word: string, depth: number): Set<string> {
  const out = new Set([word]);
  let frontier = [word];
  for (let d = 0; d < depth; d++) {
    const next: string[] = [];
    for (const w of frontier) {
      for (let i = 0; i < w.length; i++) {
        const shorter = w.slice(0, i) + w.slice(i + 1);
        if (!out.has(shorter)) {
          out.add(shorter);
          next.push(shorter);
        }
      }
    }
    frontier = next;
  }
  return out;
}

/** Near words found for a typo, closest first. */
export interface NearWord {
  word: string;
  distance: number;
}

/**
 * A deletion-neighbourhood (SymSpell) index over a vocabulary: a look-up generates the query word's
 * deletions and meets the words that share one, so it never scans the vocabulary. Two words within k edits
 * share a deletion of depth k; `editDistance` then confirms, so the index proposes and the same measure
 * decides as everywhere else.
 */
export class TypoIndex {
  readonly #byDeletion = new Map<string, string[]>();
  /** The longest indexed word: a word longer by more than two letters has no near word, so no look-up. */
  #longest = 0;

  /** Indexes each word with the depth its own length allows (see `typoAllowance`). */
  constructor(words: Iterable<string>) {
    for (const word of words) {
      const depth = typoAllowance(word.length);
      if (!depth) continue;
      this.#longest = Math.max(this.#longest, word.length);
      for (const key of deletions(word, depth)) {
        const list = this.#byDeletion.get(key);
        if (list) list.push(word);
        else this.#byDeletion.set(key, [word]);
      }
    }
  }

  /** Words within the typo allowance of both `word` and the candidate, closest first; never `word` itself. */
  near(word: string): NearWord[] {
    const allowance = typoAllowance(word.length);
    // A 300-letter run (Chinese has no spaces) would make tens of thousands of deletions for nothing.
    if (!allowance || word.length > this.#longest + allowance) return [];
    const found = new Map<string, number>();
    for (const key of deletions(word, allowance)) {
      for (const candidate of this.#byDeletion.get(key) ?? []) {
        if (candidate === word || found.has(candidate)) continue;
        const limit = Math.min(allowance, typoAllowance(candidate.length));
        const distance = editDistance(word, candidate, limit);
        if (distance <= limit) found.set(candidate, distance);
      }
    }
    return [...found]
      .map(([w, distance]) => ({ word: w, distance }))
      .sort((x, y) => x.distance - y.distance || x.word.localeCompare(y.word));
  }
}
