import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { checkKnowledge } from "./checks.ts";
import { commonWords } from "./common-words.ts";
import { KNOWLEDGE_FILE_KINDS } from "./files.ts";
import type { KnowledgeBase, KnowledgeProblem, KnowledgeRecords, LoadResult } from "./model.ts";
import type { Fact, SectorId } from "./schema.ts";

/** The real fact base shipped with the bot. */
export const DEFAULT_KNOWLEDGE_DIR = fileURLToPath(new URL("../../knowledge/", import.meta.url));

export type { KnowledgeBase, KnowledgeProblem, KnowledgeRecords, LoadResult, Located } from "./model.ts";

function listJsonFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      if (name !== "schema") out.push(...listJsonFiles(path));
    } else if (name.endsWith(".json")) {
      out.push(path);
    }
  }
  return out;
}

function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((acc, key) => {
    if (typeof key === "number") return `${acc}[${key}]`;
    return acc ? `${acc}.${String(key)}` : String(key);
  }, "");
}

/** Turns a zod issue path such as `["facts", 3, "text"]` into the record's id and the field within it. */
function locateIssue(
  data: unknown,
  path: readonly PropertyKey[],
): Pick<KnowledgeProblem, "recordId" | "field"> {
  const [collection, index, ...rest] = path;
  if (typeof collection !== "string" || typeof index !== "number") {
    return path.length ? { field: formatPath(path) } : {};
  }
  const records = (data as Record<string, unknown>)[collection];
  const record = Array.isArray(records) ? (records[index] as { id?: unknown } | undefined) : undefined;
  const recordId = typeof record?.id === "string" && record.id ? record.id : `${collection}[${index}]`;
  return rest.length ? { recordId, field: formatPath(rest) } : { recordId };
}

/**
 * Reads and validates a single knowledge file. Returns its records, or the problems that stop it loading.
 * `relativePath` uses forward slashes, e.g. `facts/plan.json`.
 */
export function parseKnowledgeFile(
  relativePath: string,
  text: string,
): { kind: string; data: Record<string, unknown> } | { problems: KnowledgeProblem[] } {
  const fileKind = KNOWLEDGE_FILE_KINDS.find((k) => k.pattern.test(relativePath));
  if (!fileKind) {
    return {
      problems: [
        {
          file: relativePath,
          message: `unknown knowledge file: put sources, topics and sectors in their own files, facts in facts/*.json`,
        },
      ],
    };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { problems: [{ file: relativePath, message: `not valid JSON: ${(error as Error).message}` }] };
  }
  const parsed = fileKind.schema.safeParse(json);
  if (!parsed.success) {
    return {
      problems: parsed.error.issues.map((issue) => ({
        file: relativePath,
        ...locateIssue(json, issue.path),
        message: issue.message,
      })),
    };
  }
  return { kind: fileKind.kind, data: parsed.data as Record<string, unknown> };
}

/** Builds the look-up maps once, so every later query is a map access. */
export function indexKnowledge(records: KnowledgeRecords): KnowledgeBase {
  const sources = records.sources.map((r) => r.record);
  const topics = records.topics.map((r) => r.record);
  const sectors = records.sectors.map((r) => r.record);
  const facts = records.facts.map((r) => r.record);
  const factsBySector = new Map<SectorId, Fact[]>(sectors.map((s) => [s.id, []]));
  for (const fact of facts) {
    for (const sectorId of fact.sectors) factsBySector.get(sectorId)?.push(fact);
  }
  // A sector card leads with what its status rests on: facts about that sector alone, achievements and
  // dependencies first; facts shared by many sectors (the list of ten key sectors) come last. The sort is
  // stable, so file order decides among equals.
  const statusRank = (fact: Fact) =>
    fact.topics.some((t) => t === "achievements" || t === "dependencies") ? 0 : 1;
  for (const list of factsBySector.values()) {
    list.sort((a, b) => a.sectors.length - b.sectors.length || statusRank(a) - statusRank(b));
  }
  return {
    commonWords: commonWords(),
    sources,
    topics,
    sectors,
    facts,
    synonyms: records.synonyms.map((r) => r.record),
    lexicon: records.lexicon.map((r) => r.record),
    lessons: records.lessons.map((r) => r.record),
    questions: records.questions.map((r) => r.record),
    figures: records.figures.map((r) => r.record),
    sourceById: new Map(sources.map((s) => [s.id, s])),
    topicById: new Map(topics.map((t) => [t.id, t])),
    sectorById: new Map(sectors.map((s) => [s.id, s])),
    factById: new Map(facts.map((f) => [f.id, f])),
    factsBySector,
  };
}

/**
 * Loads every knowledge file from in-memory texts (keyed by path relative to the knowledge folder),
 * validates each with zod, then checks across records. All problems are reported together.
 */
export function loadKnowledgeFromTexts(files: ReadonlyMap<string, string>): LoadResult {
  const problems: KnowledgeProblem[] = [];
  const records: KnowledgeRecords = {
    sources: [],
    topics: [],
    sectors: [],
    facts: [],
    synonyms: [],
    lexicon: [],
    lessons: [],
    questions: [],
    figures: [],
  };
  for (const [file, text] of files) {
    const result = parseKnowledgeFile(file, text);
    if ("problems" in result) {
      problems.push(...result.problems);
      continue;
    }
    const kind = result.kind as keyof KnowledgeRecords;
    const items = result.data[kind] as never[];
    for (const record of items) records[kind].push({ file, record });
  }
  for (const kind of ["sources", "topics", "sectors"] as const) {
    if (!records[kind].length && !problems.some((p) => p.file === `${kind}.json`)) {
      problems.push({ file: `${kind}.json`, message: `missing: the knowledge base needs ${kind}.json` });
    }
  }
  problems.push(...checkKnowledge(records));
  return problems.length ? { ok: false, problems } : { ok: true, kb: indexKnowledge(records) };
}

/** Reads every `.json` file under `dir` (the schema folder aside), keyed by path relative to `dir`. */
export function readKnowledgeTexts(dir: string = DEFAULT_KNOWLEDGE_DIR): Map<string, string> {
  return new Map(
    listJsonFiles(dir).map((path) => [relative(dir, path).split(sep).join("/"), readFileSync(path, "utf8")]),
  );
}

/** Reads every knowledge file under `dir` and loads them as one knowledge base. */
export function loadKnowledge(dir: string = DEFAULT_KNOWLEDGE_DIR): LoadResult {
  let files: Map<string, string>;
  try {
    files = readKnowledgeTexts(dir);
  } catch (error) {
    return {
      ok: false,
      problems: [{ file: dir, message: `cannot read the knowledge folder: ${(error as Error).message}` }],
    };
  }
  return loadKnowledgeFromTexts(files);
}

/** One line per problem: `file › record › field: message`. */
export function formatProblem(problem: KnowledgeProblem): string {
  const where = [problem.file, problem.recordId, problem.field].filter(Boolean).join(" › ");
  return `${where}: ${problem.message}`;
}

/** Loads the knowledge base or throws one error listing every problem: for entry points that cannot go on without it. */
export function loadKnowledgeOrThrow(dir?: string): KnowledgeBase {
  const result = loadKnowledge(dir);
  if (result.ok) return result.kb;
  throw new Error(
    `The knowledge base has ${result.problems.length} problem(s); run \`npm run kb:check\`:\n${result.problems.map(formatProblem).join("\n")}`,
  );
}
