import type { KnowledgeBase } from "../knowledge/load.ts";

/** Where the CLI writes; injected so tests can read what a user would see. */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Lines piped on stdin, or undefined when stdin is a terminal (no batch input). */
  readStdinLines?: () => AsyncIterable<string>;
}

export const CLI_USAGE = `Usage: npm run -s cli -- <command> [argument] [--json]

Commands:
  kb                 the whole validated knowledge base (with --json: one JSON object)

Exit codes: 0 an answer (a "no match" is an answer), 2 a usage error.`;

/** The knowledge base as one JSON object with the keys tools rely on: sources, topics, sectors, facts. */
export function knowledgeAsJson(kb: KnowledgeBase): object {
  return { sources: kb.sources, topics: kb.topics, sectors: kb.sectors, facts: kb.facts };
}

/**
 * Runs one CLI invocation and returns its exit code. Pure apart from `io`: the knowledge base is passed in.
 */
export async function runCli(argv: readonly string[], kb: KnowledgeBase, io: CliIo): Promise<number> {
  const json = argv.includes("--json");
  const args = argv.filter((a) => a !== "--json");
  const [command] = args;
  switch (command) {
    case "kb":
      if (json) io.stdout(`${JSON.stringify(knowledgeAsJson(kb))}\n`);
      else
        io.stdout(
          `${kb.facts.length} facts, ${kb.sectors.length} sectors, ${kb.topics.length} topics, ${kb.sources.length} sources. Add --json for the data.\n`,
        );
      return 0;
    default:
      io.stderr(`${command ? `Unknown command "${command}".` : "No command given."}\n${CLI_USAGE}\n`);
      return 2;
  }
}
