/**
 * Keeps the best `k` of a stream without sorting all of it: a small sorted buffer, each newcomer placed by
 * binary search or dropped at once when it is no better than the worst kept. O(n log k) compares.
 */
export class TopK<T> {
  readonly #items: T[] = [];

  /**
   * `better(a, b)` is true when `a` ranks above `b`; ties keep the earlier item first. `score` gives the
   * primary key `better` compares first (for `floor`).
   */
  constructor(
    private readonly k: number,
    private readonly better: (a: T, b: T) => boolean,
    private readonly score: (item: T) => number = () => Number.NEGATIVE_INFINITY,
  ) {}

  push(item: T): void {
    const items = this.#items;
    const last = items[items.length - 1];
    if (items.length >= this.k && (last === undefined || !this.better(item, last))) return;
    let lo = 0;
    let hi = items.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.better(item, items[mid] as T)) hi = mid;
      else lo = mid + 1;
    }
    items.splice(lo, 0, item);
    if (items.length > this.k) items.pop();
  }

  /**
   * Only items scoring at least this can still be kept (−∞ until the buffer is full). `score` reads an
   * item's primary key, so callers can skip building items that would be dropped.
   */
  get floor(): number {
    const last = this.#items[this.#items.length - 1];
    return this.#items.length < this.k || last === undefined ? Number.NEGATIVE_INFINITY : this.score(last);
  }

  /** The kept items, best first. */
  get items(): readonly T[] {
    return this.#items;
  }
}
