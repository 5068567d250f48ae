import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { formatProblem, loadKnowledge } from "./knowledge/load.ts";
import { authoredTexts, copiedRuns, unsourcedFigures } from "./knowledge/source-check.ts";
import { formatKnowledgeSummary, summarizeKnowledge } from "./knowledge/summary.ts";

// `npm run kb:check [-- --sources DIR]`: validate every knowledge file and print a summary; with the source
// texts, also list figures no source holds and wording copied from them. Exit 1 on any problem.
const result = loadKnowledge();
if (!result.ok) {
  console.error(`The knowledge base has ${result.problems.length} problem(s):`);
  for (const problem of result.problems) console.error(`  ${formatProblem(problem)}`);
  process.exit(1);
}
console.log(formatKnowledgeSummary(summarizeKnowledge(result.kb)));

const at = process.argv.indexOf("--sources");
if (at >= 0) {
  const dir = process.argv[at + 1];
  if (!dir) {
    console.error("--sources needs the folder of source texts, e.g. --sources ../shared/source");
    process.exit(2);
  }
  const sources = readdirSync(dir)
    .filter((f) => /\.(txt|md)$/.test(f))
    .map((f) => readFileSync(join(dir, f), "utf8"));
  const texts = authoredTexts(result.kb);
  const findings = [...unsourcedFigures(texts, sources), ...copiedRuns(texts, sources)];
  console.log(
    `Checked ${texts.length} texts against ${sources.length} source texts: ${findings.length} finding(s).`,
  );
  for (const finding of findings) console.error(`  ${finding.where}: ${finding.message}`);
  if (findings.length) process.exitCode = 1;
}
