import { describe, expect, it } from "vitest";
import {
  formatProblem,
  type KnowledgeProblem,
  loadKnowledge,
  loadKnowledgeFromTexts,
  readKnowledgeTexts,
} from "../../src/knowledge/load.ts";

const realTexts = readKnowledgeTexts();

// biome-ignore lint/suspicious/noExplicitAny: fixtures edit parsed JSON freely; a type would only restate the zod schema.
type Json = any;

/** Loads the real knowledge files after `mutate` has edited their parsed JSON: a broken fixture. */
function loadMutated(mutate: (files: Map<string, Json>) => void) {
  const files = new Map([...realTexts].map(([name, text]) => [name, JSON.parse(text) as Json]));
  mutate(files);
  return loadKnowledgeFromTexts(new Map([...files].map(([name, data]) => [name, JSON.stringify(data)])));
}

function file(files: Map<string, Json>, name: string): Json {
  const data = files.get(name);
  if (!data) throw new Error(`fixture has no ${name}`);
  return data;
}

function firstFactsFile(files: Map<string, Json>): string {
  const name = [...files.keys()].find((n) => n.startsWith("facts/"));
  if (!name) throw new Error("fixture has no facts file");
  return name;
}

function record(files: Map<string, Json>, name: string, collection: string, index = 0): Json {
  const item = file(files, name)[collection]?.[index];
  if (!item) throw new Error(`fixture has no ${collection}[${index}] in ${name}`);
  return item;
}

function problemsOf(result: ReturnType<typeof loadKnowledgeFromTexts>): KnowledgeProblem[] {
  return result.ok ? [] : result.problems;
}

describe("the real knowledge folder", () => {
  const result = loadKnowledge();

  it("loads with no problems", () => {
    expect(problemsOf(result).map(formatProblem)).toEqual([]);
  });

  it("cites the assessment as a public post of mid-2025 with a link free of tracking parameters", () => {
    if (!result.ok) throw new Error("knowledge did not load");
    const assessment = result.kb.sources.filter((s) => s.kind === "assessment");
    expect(assessment).toHaveLength(1);
    expect(assessment[0]?.date).toMatch(/^2025/);
    expect(assessment[0]?.url).toMatch(/^https:\/\/www\.facebook\.com\/[^?]+$/);
  });

  it("names whose finding every medium-confidence fact is", () => {
    if (!result.ok) throw new Error("knowledge did not load");
    const unattributed = result.kb.facts.filter(
      (f) =>
        f.confidence === "M" &&
        !f.sourceIds.some((id) => {
          const source = result.kb.sourceById.get(id);
          const names = [
            source?.publisher.split(/[ (]/)[0],
            source?.kind === "assessment" ? "assessment" : undefined,
          ];
          return names.some((name) => name && f.text.toLowerCase().includes(name.toLowerCase()));
        }),
    );
    expect(unattributed.map((f) => `${f.id}: ${f.text}`)).toEqual([]);
  });
});

describe("the checks catch a broken knowledge file, with the message an author reads", () => {
  it.each<[string, (files: Map<string, Json>) => void, Partial<KnowledgeProblem>]>([
    [
      "duplicate fact id",
      (files) => {
        const name = firstFactsFile(files);
        const facts = file(files, name).facts ?? [];
        const [first, second] = facts;
        if (first && second) second.id = first.id;
      },
      { field: "id", message: expect.stringContaining("duplicate fact id") },
    ],
    [
      "unknown sector on a fact",
      (files) => {
        (record(files, firstFactsFile(files), "facts").sectors as unknown) = ["semiconductors", "spaceships"];
      },
      { field: "sectors[1]", message: expect.stringContaining("spaceships") },
    ],
    [
      "unknown topic on a fact",
      (files) => {
        (record(files, firstFactsFile(files), "facts").topics as unknown) = ["gossip"];
      },
      { field: "topics[0]", message: 'unknown topic "gossip"; add it to topics.json or use an existing one' },
    ],
    [
      "unknown source on a fact",
      (files) => {
        (record(files, firstFactsFile(files), "facts").sourceIds as unknown) = ["made-up-source"];
      },
      { field: "sourceIds[0]", message: 'unknown source "made-up-source"; add it to sources.json first' },
    ],
    [
      "alias claimed by two sectors",
      (files) => {
        const telecom = file(files, "sectors.json").sectors.find((s: Json) => s.id === "telecom");
        telecom.aliases.push("Chips");
      },
      {
        file: "sectors.json",
        recordId: "telecom",
        message: expect.stringContaining('already claimed by sector "semiconductors"'),
      },
    ],
    [
      "two facts with the same text",
      (files) => {
        const name = firstFactsFile(files);
        const facts = file(files, name).facts ?? [];
        const [first, second] = facts;
        if (first && second) second.text = ` ${String(first.text).toUpperCase()} `;
      },
      { field: "text", message: expect.stringContaining("same text as fact") },
    ],
    [
      "sector with fewer than two facts",
      (files) => {
        for (const [name, data] of files) {
          if (!name.startsWith("facts/")) continue;
          for (const fact of data.facts ?? []) {
            fact.sectors = (fact.sectors as unknown as string[]).filter((s) => s !== "quantum") as never;
          }
        }
      },
      { file: "sectors.json", recordId: "quantum", message: expect.stringContaining("has 0 fact(s)") },
    ],
    [
      "source that no fact cites",
      (files) => {
        file(files, "sources.json").sources?.push({
          id: "uncited-report",
          title: "A report nobody cites",
          publisher: "Nobody",
          date: "2024",
          kind: "press",
        });
      },
      { recordId: "uncited-report", message: "no fact cites this source; cite it or remove it" },
    ],
    [
      "missing sector",
      (files) => {
        const sectors = file(files, "sectors.json");
        sectors.sectors = (sectors.sectors ?? []).filter((s: Json) => s.id !== "drones");
        for (const [name, data] of files) {
          if (!name.startsWith("facts/")) continue;
          for (const fact of data.facts ?? []) {
            fact.sectors = (fact.sectors as unknown as string[]).filter((s) => s !== "drones") as never;
          }
        }
      },
      { recordId: "drones", message: expect.stringContaining("missing") },
    ],
  ])("%s", (_name, mutate, expected) => {
    const problems = problemsOf(loadMutated(mutate));
    expect(problems).toContainEqual(expect.objectContaining(expected));
  });

  it("reports every problem of a broken file at once, with file, record id and field", () => {
    const result = loadMutated((files) => {
      const name = firstFactsFile(files);
      const fact = record(files, name, "facts");
      fact.text = "Too short";
      fact.confidence = "X" as never;
      (fact.sourceIds as unknown) = [];
      const sector = record(files, "sectors.json", "sectors");
      sector.status = "booming" as never;
    });
    const problems = problemsOf(result);
    const lines = problems.map(formatProblem);
    expect(problems.length).toBeGreaterThanOrEqual(4);
    expect(lines.some((l) => /^facts\/.+ › .+ › text: /.test(l))).toBe(true);
    expect(lines.some((l) => /› confidence: /.test(l))).toBe(true);
    expect(lines.some((l) => /› sourceIds: /.test(l))).toBe(true);
    expect(lines.some((l) => l.startsWith("sectors.json › semiconductors › status: "))).toBe(true);
  });

  it("names the file that is not valid JSON and still reports the rest", () => {
    const texts = new Map(realTexts);
    texts.set("topics.json", "{ not json");
    const problems = problemsOf(loadKnowledgeFromTexts(texts));
    expect(problems[0]).toMatchObject({
      file: "topics.json",
      message: expect.stringContaining("not valid JSON"),
    });
    // Facts now cite topics that failed to load: the later checks still run and say so.
    expect(problems.some((p) => p.message.startsWith("unknown topic"))).toBe(true);
  });

  it("rejects a source link that still carries tracking parameters", () => {
    const problems = problemsOf(
      loadMutated((files) => {
        record(files, "sources.json", "sources").url = "https://example.org/post?utm_source=feed";
      }),
    );
    expect(problems).toContainEqual(
      expect.objectContaining({
        file: "sources.json",
        field: "url",
        message: expect.stringContaining("tracking"),
      }),
    );
  });
});
