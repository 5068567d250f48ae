import { describe, expect, it } from "vitest";
import { batchedWriter } from "../../src/process/log-writer.ts";

describe("log lines written in batches", () => {
  it.each([1, 3, 500])("%i lines in one turn are one write, in order", async (count) => {
    const writes: string[] = [];
    const out = batchedWriter((text) => writes.push(text));
    for (let i = 0; i < count; i++) out.write(`${i}\n`);
    expect(writes).toEqual([]);
    await new Promise((resolve) => setImmediate(resolve));
    expect(writes).toEqual([Array.from({ length: count }, (_, i) => `${i}\n`).join("")]);
  });

  it("flush writes what is pending at once (before the process exits)", () => {
    const writes: string[] = [];
    const out = batchedWriter((text) => writes.push(text));
    out.write("stopped\n");
    out.flush();
    expect(writes).toEqual(["stopped\n"]);
  });
});
