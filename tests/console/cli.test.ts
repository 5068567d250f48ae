import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { type CliIo, runCli } from "../../src/console/cli.ts";
import { loadKnowledgeOrThrow } from "../../src/knowledge/load.ts";
import { createSearch } from "../../src/search/index.ts";

const search = createSearch(loadKnowledgeOrThrow());

async function run(argv: string[], stdinLines?: string[]) {
  let stdout = "";
  let stderr = "";
  const io: CliIo = {
    stdout: (t) => {
      stdout += t;
    },
    stderr: (t) => {
      stderr += t;
    },
    ...(stdinLines
      ? {
          stdinLines: async function* () {
            yield* stdinLines;
          },
        }
      : {}),
  };
  const code = await runCli(argv, { search, scoreboard: null, random: Math.random }, io);
  return { code, stdout, stderr };
}

describe("runCli", () => {
  it("ask --json: query, results best first with sources, suggestions", async () => {
    const { code, stdout } = await run(["ask", "Where", "does", "China", "lead?", "--json"]);
    expect(code).toBe(0);
    const json = JSON.parse(stdout);
    expect(json.query).toBe("Where does China lead?");
    expect(json.results.length).toBeGreaterThan(0);
    expect(json.results[0]).toMatchObject({
      id: expect.any(String),
      text: expect.any(String),
      sectors: expect.any(Array),
      score: expect.any(Number),
      confidence: expect.stringMatching(/^[HM]$/),
    });
    expect(json.results[0].sources[0]).toMatchObject({ id: expect.any(String), title: expect.any(String) });
    expect(json).toHaveProperty("suggestions");
  });

  it("a miss is an answer: exit 0, no results, suggestions", async () => {
    const { code, stdout } = await run(["ask", "How do I reverse a linked list in Python?", "--json"]);
    expect(code).toBe(0);
    const json = JSON.parse(stdout);
    expect(json.results).toEqual([]);
    expect(json.suggestions.questions.length).toBeGreaterThan(0);
  });

  it.each([
    ["semiconducters", "semiconductors"],
    ["NEV", "electric-vehicles"],
    ["芯片", "semiconductors"],
  ])("sector %j --json finds %s with its facts", async (query, id) => {
    const json = JSON.parse((await run(["sector", query, "--json"])).stdout);
    expect(json).toMatchObject({ query, sector: { id }, suggestions: [] });
    expect(json.facts.length).toBeGreaterThanOrEqual(2);
  });

  it("sector with no match: null and suggestions", async () => {
    const json = JSON.parse((await run(["sector", "power", "--json"])).stdout);
    expect(json.sector).toBeNull();
    expect(json.suggestions.map((s: { id: string }) => s.id)).toContain("power-equipment");
  });

  it("sectors --json lists the 17 sectors with id, name and status", async () => {
    const json = JSON.parse((await run(["sectors", "--json"])).stdout);
    expect(json).toHaveLength(17);
    expect(json[0]).toMatchObject({
      id: expect.any(String),
      name: expect.any(String),
      status: expect.any(String),
    });
  });

  it("kb --json holds sources, topics, sectors and facts", async () => {
    const json = JSON.parse((await run(["kb", "--json"])).stdout);
    expect(Object.keys(json)).toEqual(expect.arrayContaining(["sources", "topics", "sectors", "facts"]));
    expect(json.facts[0]).toMatchObject({
      id: expect.any(String),
      text: expect.any(String),
      sectors: expect.any(Array),
      sourceIds: expect.any(Array),
      confidence: expect.any(String),
    });
  });

  it("batch mode: one JSON object a line, in order, blank lines skipped", async () => {
    const { code, stdout } = await run(["ask", "--json"], ["subsidies", "", "who issued the plan", "xyzzy"]);
    expect(code).toBe(0);
    const lines = stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(lines.map((l) => l.query)).toEqual(["subsidies", "who issued the plan", "xyzzy"]);
  });

  it("text output renders the same reply as the console", async () => {
    const { stdout } = await run(["sector", "robots"]);
    expect(stdout).toContain("Robotics");
    expect(stdout).toContain("Sources:");
  });

  it.each([[[]], [["fly"]], [["ask"]], [["kb", "extra"]]])(
    "usage error for %j: exit 2, message on stderr, nothing on stdout",
    async (argv) => {
      const { code, stdout, stderr } = await run(argv);
      expect(code).toBe(2);
      expect(stdout).toBe("");
      expect(stderr).toContain("Usage:");
    },
  );
});

describe("the real CLI entry", () => {
  const exec = promisify(execFile);
  const tsx = ["--import", "tsx", "src/main.ts"];

  it("reads queries from stdin and writes only JSON on stdout", async () => {
    const child = exec(process.execPath, [...tsx, "sector", "--json"], { cwd: process.cwd() });
    child.child.stdin?.end("robtics\nCOMAC\n");
    const { stdout } = await child;
    expect(
      stdout
        .trim()
        .split("\n")
        .map((l) => JSON.parse(l).sector?.id),
    ).toEqual(["robotics", "commercial-aircraft"]);
  });

  it("exits 2 on a usage error", async () => {
    await expect(exec(process.execPath, [...tsx, "nonsense"], { cwd: process.cwd() })).rejects.toMatchObject({
      code: 2,
    });
  });
});
