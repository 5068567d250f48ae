/**
 * Keeps the best `k` of a stream without sorting all of it: a small sorted buffer, each newcomer placed by
 * binary search or dropped at once when it is no better than the worst kept. O(n log k) compares.
 */
export class TopK<T> {
  readonly #items: T[] = [];

  /** `better(a, b)` is true when `a` ranks above `b`; ties keep the earlier item first. */
  constructor(
    private readonly k: number,
    private readonly better: (a: T, b: T) => boolean,
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

  /** The kept items, best first. */
  get items(): readonly T[] {
    return this.#items;
  }
}
