import { createInterface } from "node:readline";
import { runCli } from "./console/cli.ts";
import { loadKnowledgeOrThrow } from "./knowledge/load.ts";
import { createSearch } from "./search/index.ts";

// `npm run -s cli -- <command> [argument] [--json]`: wiring only; the logic lives in src/console/cli.ts.
const search = createSearch(loadKnowledgeOrThrow());
process.exitCode = await runCli(
  process.argv.slice(2),
  { search, scoreboard: null, random: Math.random },
  {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    ...(process.stdin.isTTY
      ? {}
      : { stdinLines: () => createInterface({ input: process.stdin, crlfDelay: Number.POSITIVE_INFINITY }) }),
  },
);
