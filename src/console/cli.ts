import { buildSectorsReply } from "../answer/catalogue.ts";
import { renderText } from "../answer/render-text.ts";
import { respondToQuestion, respondToSector } from "../answer/respond.ts";
import type { KnowledgeBase } from "../knowledge/load.ts";
import type { Fact } from "../knowledge/schema.ts";
import type { Search } from "../search/index.ts";

/** Where the CLI reads and writes; injected so tests see exactly what a user or a script would. */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Opens the lines piped on stdin; undefined when stdin is a terminal (then there is no batch input). */
  stdinLines?: () => AsyncIterable<string>;
}

export const CLI_USAGE = `Usage: npm run -s cli -- <command> [argument] [--json]

Commands:
  sector <name>      a sector's summary and facts ("semiconductors", "NEV", "芯片", typos welcome)
  ask <question>     the facts that best answer a question in plain words
  sectors            every sector with its status
  kb                 the whole validated knowledge base

  --json             JSON only on stdout
  With no argument and lines on stdin, sector and ask answer one query per line (one JSON object per line).

Exit codes: 0 an answer (a "no match" is an answer), 2 a usage error.`;

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

/** Runs one CLI invocation and returns its exit code. Pure apart from `io`. */
export async function runCli(argv: readonly string[], search: Search, io: CliIo): Promise<number> {
  const json = argv.includes("--json");
  const [command, ...rest] = argv.filter((a) => a !== "--json");
  const argument = rest.join(" ");
  const usage = (message: string) => {
    io.stderr(`${message}\n\n${CLI_USAGE}\n`);
    return 2;
  };
  const kb = search.kb;
  switch (command) {
    case "kb":
      if (rest.length) return usage("kb takes no argument.");
      io.stdout(
        json
          ? `${JSON.stringify(knowledgeAsJson(kb))}\n`
          : `${kb.facts.length} facts, ${kb.sectors.length} sectors, ${kb.topics.length} topics, ${kb.sources.length} sources. Add --json for the data.\n`,
      );
      return 0;
    case "sectors":
      if (rest.length) return usage("sectors takes no argument.");
      io.stdout(json ? `${JSON.stringify(sectorsJson(kb))}\n` : renderText(buildSectorsReply(kb)));
      return 0;
    case "sector":
    case "ask": {
      const one = (query: string) =>
        json
          ? `${JSON.stringify(command === "sector" ? sectorJson(search, query) : askJson(search, query))}\n`
          : renderText(
              command === "sector" ? respondToSector(search, query) : respondToQuestion(search, query),
            );
      if (argument.trim()) {
        io.stdout(one(argument));
        return 0;
      }
      if (!io.stdinLines)
        return usage(
          `${command} needs ${command === "sector" ? "a sector name" : "a question"}, or one per line on stdin.`,
        );
      for await (const line of io.stdinLines()) {
        if (line.trim()) io.stdout(one(line));
      }
      return 0;
    }
    default:
      return usage(command ? `Unknown command "${command}".` : "No command given.");
  }
}
