import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { DEFAULT_KNOWLEDGE_DIR } from "../../src/knowledge/load.ts";
import { Failure } from "../../src/process/kit.ts";
import { redactUrl, searchOrFail } from "../../src/process/load.ts";

const dir = mkdtempSync(join(tmpdir(), "mic2025-broken-kb-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("start-up with a broken knowledge base", () => {
  it("fails with one line naming file › record › field, as a bad config value does", async () => {
    cpSync(DEFAULT_KNOWLEDGE_DIR, dir, { recursive: true });
    const file = join(dir, "sectors.json");
    const data = JSON.parse(readFileSync(file, "utf8"));
    data.sectors[0].summary = "";
    writeFileSync(file, JSON.stringify(data));
    const failure = await searchOrFail(dir).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(Failure);
    const message = (failure as Failure).message;
    expect(message.split("\n")).toHaveLength(1);
    expect(message).toMatch(
      new RegExp(`^Knowledge problem: sectors\\.json › ${data.sectors[0].id} › summary: `),
    );
    expect(message).toContain("npm run kb:check");
  });
});

describe("scoreboard locations in operator output carry no password", () => {
  it.each([
    ["postgres://bob:secret@db:5432/x", "postgres://bob:***@db:5432/x"],
    ["postgres://:secret@db/x", "postgres://:***@db/x"],
    ["postgres://bob:s3cr@t@db/x", "postgres://bob:***@db/x"],
    ["postgresql://bob:p%40secret@db/x", "postgresql://bob:***@db/x"],
    ["postgres://bob@db/x?password=secret", "postgres://bob@db/x?password=***"],
    [
      "postgres://bob@db/x?sslmode=require&sslpassword=secret",
      "postgres://bob@db/x?sslmode=require&sslpassword=***",
    ],
    ["postgres://bob:secret@db/x?password=secret", "postgres://bob:***@db/x?password=***"],
    ["postgres://bob@db/x", "postgres://bob@db/x"],
    ["postgres://bob:secret@[bad/x", "<url>"],
    ["bob:secret@db/x", "<url>"],
    ["sqlite:/var/lib/bot/scoreboard.sqlite", "sqlite:/var/lib/bot/scoreboard.sqlite"],
    ["sqlite::memory:", "sqlite::memory:"],
  ])("%s", (url, shown) => {
    expect(redactUrl(url)).toBe(shown);
    expect(redactUrl(url)).not.toMatch(/secret|s3cr|@t@/);
  });
});
