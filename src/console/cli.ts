import { writeFileSync } from "node:fs";
import type { AnswerContext, Caller } from "../answer/context.ts";
import type { Reply } from "../answer/reply.ts";
import { type ChartCache, createChartCache } from "../charts/cache.ts";
import { type CommandSpec, flattenCommands, type RawArgs } from "../commands/define.ts";
import { COMMANDS } from "../commands/table.ts";
import { type Lang, langOf } from "../i18n/index.ts";
import type { KnowledgeBase } from "../knowledge/load.ts";
import type { Fact } from "../knowledge/schema.ts";
import type { Search } from "../search/index.ts";
import { parseCommandLine } from "./parse.ts";
import { renderText } from "./render-text.ts";

/** Where the CLI reads and writes; injected so tests see exactly what a user or a script would. */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Opens the lines piped on stdin; undefined when stdin is a terminal (then there is no batch input). */
  stdinLines?: () => AsyncIterable<string>;
  /** Writes a file (`--chart out.png`); default: the file system. */
  writeFile?: (path: string, data: Buffer) => void;
}

/**
 * Takes `--name value` out of argv: the value (or "" when the flag is last), and the other arguments.
 * Undefined when the flag is absent.
 */
function takeFlag(argv: readonly string[], name: string): { value?: string; rest: string[] } {
  const at = argv.indexOf(name);
  if (at < 0) return { rest: [...argv] };
  return { value: argv[at + 1] ?? "", rest: [...argv.slice(0, at), ...argv.slice(at + 2)] };
}

/** A chart that could not be written (a missing folder, no permission): `message` is one line. */
export class ChartWriteError extends Error {
  override name = "ChartWriteError";
}

/**
 * Writes the chart a reply carries as a PNG; returns the line that says what happened. Throws a
 * `ChartWriteError` (one line) when the file cannot be written.
 */
export function writeChart(
  kb: KnowledgeBase,
  reply: Reply,
  file: string,
  lang: Lang,
  write: (path: string, data: Buffer) => void = writeFileSync,
): string {
  const chart = reply.chart ? chartCacheFor(kb).get(reply.chart, lang) : null;
  if (!chart) return "This answer has no chart (charts go with sectors, overview and sectors with figures).";
  try {
    write(file, chart.png);
  } catch (error) {
    throw new ChartWriteError(`Cannot write the chart to ${file}: ${(error as Error).message}`);
  }
  return `Chart written to ${file} (${chart.png.length} bytes): ${chart.description}`;
}

const caches = new WeakMap<KnowledgeBase, ChartCache>();
/** One chart cache per knowledge base, so a console session draws each chart once. */
function chartCacheFor(kb: KnowledgeBase): ChartCache {
  let cache = caches.get(kb);
  if (!cache) {
    cache = createChartCache(kb);
    caches.set(kb, cache);
  }
  return cache;
}

/** The knowledge base as one JSON object with the keys tools rely on. */
export function knowledgeAsJson(kb: KnowledgeBase): object {
  return {
    sources: kb.sources,
    topics: kb.topics,
    sectors: kb.sectors,
    facts: kb.facts,
    synonyms: kb.synonyms,
    lessons: kb.lessons,
    questions: kb.questions,
    figures: kb.figures,
  };
}

function factJson(kb: KnowledgeBase, fact: Fact) {
  return {
    id: fact.id,
    text: fact.text,
    sectors: fact.sectors,
    confidence: fact.confidence,
    ...(fact.asOf !== undefined ? { asOf: fact.asOf } : {}),
    sources: fact.sourceIds.map((id) => {
      const source = kb.sourceById.get(id);
      return { id, title: source?.title ?? id, url: source?.url ?? null };
    }),
  };
}

/** `ask` as JSON: results best first, each with score, confidence and sources. */
export function askJson(search: Search, query: string): object {
  const answer = search.answer(query, { limit: 5 });
  return {
    query,
    results: answer.results.map((r) => ({
      ...factJson(search.kb, r.fact),
      score: r.score,
      // `confidence` already holds the fact's H/M rating; the calibrated match probability sits beside it.
      answerKind: r.answerKind,
      matchConfidence: r.confidence,
    })),
    suggestions: {
      sectors: answer.suggestions.sectors.map((s) => ({ id: s.id, name: s.name })),
      topics: answer.suggestions.topics.map((t) => ({ id: t.id, name: t.name })),
      questions: answer.suggestions.questions,
    },
  };
}

/** `sector` as JSON: the sector or null, suggestions, and the sector's facts. */
export function sectorJson(search: Search, query: string): object {
  const resolution = search.resolveSector(query);
  const sector = resolution.sector;
  return {
    query,
    sector: sector ? { ...sector, matched: resolution.matched, how: resolution.how } : null,
    suggestions: resolution.suggestions.map((s) => ({ id: s.id, name: s.name })),
    facts: sector ? (search.kb.factsBySector.get(sector.id) ?? []).map((f) => factJson(search.kb, f)) : [],
  };
}

/** `sectors` as JSON. */
export function sectorsJson(kb: KnowledgeBase): object[] {
  return kb.sectors.map((s) => ({
    id: s.id,
    name: s.name,
    chineseName: s.chineseName,
    status: s.status,
    statusBasis: s.statusBasis,
    officialSector: s.officialSector,
    facts: kb.factsBySector.get(s.id)?.length ?? 0,
  }));
}

/** The JSON view of each command that has one; `--json` on any other is a usage error. */
const JSON_VIEWS: Record<string, (search: Search, args: RawArgs) => unknown> = {
  ask: (search, args) => askJson(search, String(args.question ?? "")),
  sector: (search, args) => sectorJson(search, String(args.name ?? "")),
  sectors: (search) => sectorsJson(search.kb),
};

/** The CLI's member: one-shot calls answer with the core's replies; a quiz answer is not a thing here. */
const CLI_CALLER: Caller = { scope: "cli", userId: "cli", place: "console" };

function argumentHint(spec: CommandSpec): string {
  return Object.entries(spec.options)
    .map(([name, option]) => (option.required ? `<${name}>` : `[${name}]`))
    .join(" ");
}

/** Whether `word` names a command the CLI answers: one of the table, or `kb`. */
export function isCliCommand(word: string): boolean {
  return word === "kb" || COMMANDS.some((c) => c.name === word);
}

/** One usage row per command of the table, generated from its options, plus `kb`. */
export function cliRows(): [string, string][] {
  return [
    ...flattenCommands(COMMANDS).map(({ path, spec }): [string, string] => [
      `${path} ${argumentHint(spec)}${JSON_VIEWS[path] ? " [--json]" : ""}`.replace(/\s+/g, " ").trim(),
      spec.description,
    ]),
    ["kb [--json]", "The whole validated knowledge base"],
  ];
}

/** Runs one CLI invocation and returns its exit code. Pure apart from `io`. */
export async function runCli(
  argv: readonly string[],
  context: AnswerContext,
  io: CliIo,
  usageText = `Usage: npm run -s cli -- <command> [argument] [--json] [--chart out.png] [--lang zh-CN|zh-TW]\n\n${cliRows()
    .map(([left, right]) => `  ${left}  ${right}`)
    .join("\n")}`,
): Promise<number> {
  const chartFlag = takeFlag(argv, "--chart");
  const langFlag = takeFlag(chartFlag.rest, "--lang");
  const json = langFlag.rest.includes("--json");
  const words = langFlag.rest.filter((a) => a !== "--json");
  const lang = langOf(langFlag.value);
  const caller: Caller = { ...CLI_CALLER, lang };
  const usage = (message: string) => {
    io.stderr(`${message}\n\n${usageText}\n`);
    return 2;
  };
  const { kb } = context.search;
  if (words[0] === "kb") {
    if (words.length > 1) return usage("kb takes no argument.");
    io.stdout(
      json
        ? `${JSON.stringify(knowledgeAsJson(kb))}\n`
        : `${kb.facts.length} facts, ${kb.sectors.length} sectors, ${kb.topics.length} topics, ${kb.sources.length} sources. Add --json for the data.\n`,
    );
    return 0;
  }
  if (!words.length) return usage("No command given.");
  const parsed = parseCommandLine(COMMANDS, words.join(" "));
  if (!parsed.ok)
    return usage(parsed.problem === "unknown-command" ? `Unknown command "${words[0]}".` : parsed.message);
  const { spec } = parsed;
  const view = JSON_VIEWS[spec.name];
  if (json && !view) return usage(`${spec.name} has no --json view.`);
  const one = async (args: RawArgs) =>
    json && view
      ? `${JSON.stringify(view(context.search, args))}\n`
      : renderText(await spec.run(context, args, caller));
  // A command that takes one required text and got none reads one per line from stdin.
  const required = Object.entries(spec.options).filter(([, o]) => o.required && o.type === "string");
  const [batchOption] = required.length === 1 ? (required[0] ?? []) : [];
  if (batchOption && !String(parsed.args[batchOption] ?? "").trim()) {
    if (!io.stdinLines) return usage(`${spec.name} needs a ${batchOption}, or one per line on stdin.`);
    for await (const line of io.stdinLines()) {
      if (line.trim()) io.stdout(await one({ ...parsed.args, [batchOption]: line }));
    }
    return 0;
  }
  if (chartFlag.value !== undefined) {
    if (!chartFlag.value) return usage("--chart needs a file name, e.g. --chart out.png.");
    const reply = await spec.run(context, parsed.args, caller);
    io.stdout(json && view ? await one(parsed.args) : renderText(reply));
    try {
      io.stderr(`${writeChart(kb, reply, chartFlag.value, lang, io.writeFile)}\n`);
    } catch (error) {
      // The answer is printed; the chart is not: one line, exit 1 (the process's failure convention).
      if (!(error instanceof ChartWriteError)) throw error;
      io.stderr(`${error.message}\n`);
      return 1;
    }
    return 0;
  }
  io.stdout(await one(parsed.args));
  return 0;
}
