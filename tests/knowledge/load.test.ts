import { describe, expect, it } from "vitest";
import { containsPhrase } from "../../src/knowledge/editorial-checks.ts";
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

  /** A fact found by id in whichever facts file holds it, for editing in a fixture. */
  function factById(files: Map<string, Json>, id: string): Json {
    for (const [name, data] of files) {
      if (!name.startsWith("facts/")) continue;
      const found = (data.facts ?? []).find((f: Json) => f.id === id);
      if (found) return found;
    }
    throw new Error(`fixture has no fact ${id}`);
  }
  function questionById(files: Map<string, Json>, id: string): Json {
    const found = file(files, "quiz.json").questions.find((q: Json) => q.id === id);
    if (!found) throw new Error(`fixture has no question ${id}`);
    return found;
  }

  it.each<[string, (files: Map<string, Json>) => void, Partial<KnowledgeProblem>]>([
    [
      "(a) a fact tagged with more than three sectors (the ten-sector list as it was)",
      (files) => {
        factById(files, "plan-ten-key-sectors-list").sectors = [
          "semiconductors",
          "telecom",
          "machine-tools",
          "robotics",
        ];
      },
      {
        recordId: "plan-ten-key-sectors-list",
        field: "sectors",
        message: expect.stringContaining('policy-wide: use "sectors": []'),
      },
    ],
    [
      "(c) a quiz distractor that the explaining fact states (the 2020 target offered as a wrong 2025 answer)",
      (files) => {
        questionById(files, "secured-at-home-2025").factIds = [
          "plan-independently-secured-2025-target",
          "plan-independently-secured-2020-target",
        ];
      },
      {
        recordId: "secured-at-home-2025",
        field: "choices[0]",
        message: expect.stringContaining('"40%" is stated by fact "plan-independently-secured-2020-target"'),
      },
    ],
    [
      "(c) a quiz distractor that is a true phrase of the fact, in other case and punctuation",
      (files) => {
        questionById(files, "domestic-content-shorthand").choices[0] = "THE PLAN'S 2025 TARGET";
      },
      { recordId: "domestic-content-shorthand", field: "choices[0]" },
    ],
    [
      "(d) a medium-confidence fact that does not say whose finding it is",
      (files) => {
        factById(files, "assessment-mixed-results").text =
          "The plan's results have been mixed, and some challenges are still ongoing.";
      },
      {
        recordId: "assessment-mixed-results",
        field: "text",
        message: expect.stringContaining("must say whose finding it is"),
      },
    ],
    [
      '(d) naming a common word of the publisher ("China") does not count as naming the source',
      (files) => {
        factById(files, "robot-domestic-brands-share-2024").text =
          "Domestic brands held 58.5% of the market for industrial robots in China in 2024.";
      },
      { recordId: "robot-domestic-brands-share-2024", field: "text" },
    ],
  ])("editorial check: %s", (_name, mutate, expected) => {
    const problems = problemsOf(loadMutated(mutate));
    expect(problems).toContainEqual(expect.objectContaining(expected));
  });

  it.each<[string, (files: Map<string, Json>) => void, string, boolean]>([
    [
      "official: an H fact on one official text passes",
      (files) => {
        factById(files, "rd-spending-2024").sourceIds = ["nbs-2025-09-29"];
      },
      "rd-spending-2024",
      false,
    ],
    [
      "official: the same fact on one press report instead is caught",
      (files) => {
        factById(files, "rd-spending-2024").sourceIds = ["reuters-2024-05-27"];
      },
      "rd-spending-2024",
      true,
    ],
    [
      "primary: the IEA's figure, attributed to the IEA, on the IEA's own report passes",
      (files) => {
        factById(files, "batteries-world-share-iea-2025").sourceIds = ["iea-2025-03"];
      },
      "batteries-world-share-iea-2025",
      false,
    ],
    [
      "primary: the same report, with a text that no longer says whose finding it is, is caught",
      (files) => {
        const fact = factById(files, "batteries-world-share-iea-2025");
        fact.sourceIds = ["iea-2025-03"];
        fact.text = "More than three-quarters of all batteries worldwide are made in China.";
      },
      "batteries-world-share-iea-2025",
      true,
    ],
    [
      "primary: a research source that is not the finding's own publication (MERICS) is caught",
      (files) => {
        const fact = factById(files, "batteries-world-share-iea-2025");
        fact.sourceIds = ["merics-2016"];
        fact.text =
          "According to MERICS, more than three-quarters of all batteries worldwide are made in China.";
      },
      "batteries-world-share-iea-2025",
      true,
    ],
    [
      "independent: two publishers that agree pass (Reuters and NEI Magazine on Fuqing 5)",
      (files) => {
        factById(files, "hualong-one-fuqing-5-2021").sourceIds = ["reuters-2021-01-30", "nei-magazine-2021"];
      },
      "hualong-one-fuqing-5-2021",
      false,
    ],
    [
      "independent: one report beside our own compilation is caught (Big Fund III as it was)",
      (files) => {
        factById(files, "big-fund-iii-2024").sourceIds = ["reuters-2024-05-27", "reference-background"];
      },
      "big-fund-iii-2024",
      true,
    ],
    [
      "independent: two reports from the same publisher are caught",
      (files) => {
        factById(files, "hualong-one-fuqing-5-2021").sourceIds = ["reuters-2021-01-30", "reuters-2023-05-28"];
      },
      "hualong-one-fuqing-5-2021",
      true,
    ],
    [
      "independent: the same source cited twice is caught",
      (files) => {
        factById(files, "hualong-one-fuqing-5-2021").sourceIds = ["reuters-2021-01-30", "reuters-2021-01-30"];
      },
      "hualong-one-fuqing-5-2021",
      true,
    ],
    [
      "compilation: our compilation alone is caught",
      (files) => {
        factById(files, "big-fund-iii-2024").sourceIds = ["reference-background"];
      },
      "big-fund-iii-2024",
      true,
    ],
  ])("(b) the H rule, branch by branch: %s", (_name, mutate, factId, caught) => {
    const problems = problemsOf(loadMutated(mutate)).filter(
      (p) => p.recordId === factId && p.field === "confidence",
    );
    if (caught) {
      expect(problems).toEqual([
        expect.objectContaining({ message: expect.stringContaining("rated H without an official source") }),
      ]);
    } else {
      expect(problems).toEqual([]);
    }
  });

  it.each([
    ["40%", "the target was 40.9% of sales", false],
    ["40%", "aims for 40% by 2020", true],
    ['A "domestic content" goal', 'shorten this to a "domestic content" goal.', true],
    ["Ten", "the ten key sectors", true],
    ["Drones", "drone makers", false],
  ])("containsPhrase(%j) in %j is %s", (phrase, text, expected) => {
    expect(containsPhrase(text, phrase)).toBe(expected);
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
