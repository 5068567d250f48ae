import { runCli } from "./console/cli.ts";
import { loadKnowledgeOrThrow } from "./knowledge/load.ts";

// `npm run -s cli -- <command> [argument] [--json]`: wiring only; the logic lives in src/console/cli.ts.
const kb = loadKnowledgeOrThrow();
process.exitCode = await runCli(process.argv.slice(2), kb, {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
});
