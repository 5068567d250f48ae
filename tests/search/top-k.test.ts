import { describe, expect, it } from "vitest";
import { TopK } from "../../src/search/top-k.ts";

describe("TopK", () => {
  it.each([
    [[5, 1, 4, 2, 3], 3, [5, 4, 3]],
    [[1, 2], 5, [2, 1]],
    [[], 3, []],
    [[2, 2, 1, 2], 2, [2, 2]],
    [[9, 8, 7, 10, 0], 1, [10]],
  ])("keeps the best of %j (k = %i): %j", (values, k, expected) => {
    const top = new TopK<number>(k, (a, b) => a > b);
    for (const v of values) top.push(v);
    expect(top.items).toEqual(expected);
  });

  it("keeps the earlier of equals first, so ties break on arrival order", () => {
    const top = new TopK<{ v: number; id: string }>(2, (a, b) => a.v > b.v);
    for (const item of [
      { v: 1, id: "a" },
      { v: 1, id: "b" },
      { v: 1, id: "c" },
    ])
      top.push(item);
    expect(top.items.map((i) => i.id)).toEqual(["a", "b"]);
  });
});
