import { describe, expect, it } from "vitest";
import { batchedWriter } from "../../src/process/log-writer.ts";

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("log lines written in batches", () => {
  it.each([1, 3, 500])("%i lines logged close together are one write, in order", async (count) => {
    const writes: string[] = [];
    const out = batchedWriter((text) => writes.push(text), 10);
    for (let i = 0; i < count; i++) out.write(`${i}\n`);
    expect(writes).toEqual([]);
    await wait(30);
    expect(writes).toEqual([Array.from({ length: count }, (_, i) => `${i}\n`).join("")]);
  });

  it.each([
    ["a full batch (64 KB)", "x".repeat(70_000), 1],
    ["a short line", "stopped\n", 0],
  ])("%s is written without waiting: %s", (_what, line, writesNow) => {
    const writes: string[] = [];
    batchedWriter((text) => writes.push(text), 10_000).write(line);
    expect(writes).toHaveLength(writesNow);
  });

  it("flush writes what is pending at once (before the process exits)", () => {
    const writes: string[] = [];
    const out = batchedWriter((text) => writes.push(text), 10_000);
    out.write("stopped\n");
    out.flush();
    expect(writes).toEqual(["stopped\n"]);
  });
});
