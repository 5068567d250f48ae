import { formatProblem, loadKnowledge } from "./knowledge/load.ts";
import { formatKnowledgeSummary, summarizeKnowledge } from "./knowledge/summary.ts";

// `npm run kb:check`: validate every knowledge file and print a summary; exit 1 on any problem.
const result = loadKnowledge();
if (result.ok) {
  console.log(formatKnowledgeSummary(summarizeKnowledge(result.kb)));
} else {
  console.error(`The knowledge base has ${result.problems.length} problem(s):`);
  for (const problem of result.problems) console.error(`  ${formatProblem(problem)}`);
  process.exitCode = 1;
}
