/** `--chart out.png`: the CLI and the console write the same PNG the bot attaches. */
import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import { createChartCache } from "../../src/charts/cache.ts";
import { runCli } from "../../src/console/cli.ts";
import { runConsole } from "../../src/console/repl.ts";
import { ConsoleSession } from "../../src/console/session.ts";
import { loadKnowledgeOrThrow } from "../../src/knowledge/load.ts";
import { createSearch } from "../../src/search/index.ts";

const search = createSearch(loadKnowledgeOrThrow());
const context = { search, scoreboard: null, random: () => 0 };
const charts = createChartCache(search.kb);

async function cli(argv: string[]) {
  const files = new Map<string, Buffer>();
  let stderr = "";
  const code = await runCli(argv, context, {
    stdout: () => {},
    stderr: (text) => {
      stderr += text;
    },
    writeFile: (path, data) => files.set(path, data),
  });
  return { code, files, stderr };
}

describe("--chart", () => {
  it("the CLI writes the status chart of /sectors, byte for byte the bot's", async () => {
    const { code, files, stderr } = await cli(["sectors", "--chart", "out.png"]);
    expect(code).toBe(0);
    expect(files.get("out.png")).toEqual(charts.get({ type: "status" }, "en")?.png);
    expect(stderr).toMatch(/^Chart written to out\.png/);
  });

  it("the CLI writes a sector's figures chart, and the Chinese status chart with --lang", async () => {
    expect((await cli(["sector", "ships", "--chart", "s.png"])).files.get("s.png")).toEqual(
      charts.get({ type: "sector", sectorId: "shipbuilding" })?.png,
    );
    expect((await cli(["overview", "--lang", "zh-TW", "--chart", "o.png"])).files.get("o.png")).toEqual(
      charts.get({ type: "status" }, "zh-TW")?.png,
    );
  });

  it("says so when an answer has no chart, and needs a file name", async () => {
    const none = await cli(["sector", "quantum", "--chart", "q.png"]);
    expect(none.files.size).toBe(0);
    expect(none.stderr).toMatch(/no chart/);
    expect((await cli(["sectors", "--chart"])).code).toBe(2);
  });

  it("the console passes the chart file on with the reply it drew", async () => {
    const out = await new ConsoleSession(context).handleLine("/sectors --chart here.png");
    expect(out.chartFile).toBe("here.png");
    expect(out.reply?.chart).toEqual({ type: "status" });
    expect(out.text).toContain("China leads");
  });
});

describe("--chart to a file that cannot be written", () => {
  it.each(["/nonexistent/dir/x.png", "/dev/null/x.png"])(
    "the CLI prints the answer, one line on stderr, and exits 1: %s",
    async (file) => {
      let stdout = "";
      let stderr = "";
      const code = await runCli(["sectors", "--chart", file], context, {
        stdout: (text) => {
          stdout += text;
        },
        stderr: (text) => {
          stderr += text;
        },
      });
      expect(code).toBe(1);
      expect(stdout).toContain("Made in China 2025: the sectors");
      expect(stderr).toMatch(new RegExp(`^Cannot write the chart to ${file}: [^\\n]+\\n$`));
    },
  );

  it.each(["/nonexistent/dir/x.png", "/dev/null/x.png"])(
    "the console says so in one line and answers the next lines: %s",
    async (file) => {
      const input = new PassThrough();
      const output = new PassThrough();
      let text = "";
      output.on("data", (chunk: Buffer) => {
        text += chunk.toString();
      });
      const done = runConsole(context, { input, output });
      input.end(`/sectors --chart ${file}\n/help\n`);
      await done;
      expect(text.split("\n").filter((l) => l.startsWith("Cannot write the chart"))).toHaveLength(1);
      expect(text).toContain("/sector:");
    },
  );
});
