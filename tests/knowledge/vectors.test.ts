import { cpSync, mkdtempSync, rmSync, truncateSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { DEFAULT_KNOWLEDGE_DIR, formatProblem, loadKnowledge } from "../../src/knowledge/load.ts";
import { createSearch } from "../../src/search/index.ts";

const made: string[] = [];
/** A copy of the real knowledge folder, changed by `damage`. */
function knowledgeCopy(damage: (dir: string) => void): string {
  const dir = mkdtempSync(join(tmpdir(), "mic-kb-"));
  made.push(dir);
  cpSync(DEFAULT_KNOWLEDGE_DIR, dir, { recursive: true });
  damage(dir);
  return dir;
}
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

describe("the word vectors of a knowledge folder", () => {
  it.each([
    ["cut short", (dir: string) => truncateSync(join(dir, "vectors/vectors.bin"), 1000), /do not fit/],
    [
      "of another format",
      (dir: string) => writeFileSync(join(dir, "vectors/vectors.bin"), "hello"),
      /header/,
    ],
    ["without their word list", (dir: string) => rmSync(join(dir, "vectors/words.txt")), /cannot read/],
  ])("%s stop the load with one line naming the file", (_, damage, reason) => {
    const result = loadKnowledge(knowledgeCopy(damage));
    expect(result.ok).toBe(false);
    const lines = result.ok ? [] : result.problems.map(formatProblem);
    expect(lines).toEqual([expect.stringMatching(/^vectors\/vectors\.bin: /)]);
    expect(lines[0]).toMatch(reason);
  });

  it("are optional: without the folder, search ranks by words alone and still answers", () => {
    const result = loadKnowledge(knowledgeCopy((dir) => rmSync(join(dir, "vectors"), { recursive: true })));
    if (!result.ok) throw new Error(result.problems.map(formatProblem).join("\n"));
    expect(result.kb.vectors).toBeUndefined();
    const answer = createSearch(result.kb).answer("When was Made in China 2025 published?");
    expect(answer.results[0]?.fact.id).toBe("plan-made-public-2015-05-19");
  });
});
