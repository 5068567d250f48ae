import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { ProcessIo } from "./kit.ts";

/**
 * `kb check [--sources DIR]`: validates every knowledge file and prints a summary, or every problem with
 * its file, record and field; with the source texts, also lists figures no source holds and wording
 * copied from them. Exit 1 on any problem.
 */
export async function checkKnowledgeBase(sourcesDir: string | undefined, io: ProcessIo): Promise<number> {
  const { formatProblem, loadKnowledge } = await import("../knowledge/load.ts");
  const { formatKnowledgeSummary, summarizeKnowledge } = await import("../knowledge/summary.ts");
  const result = loadKnowledge();
  if (!result.ok) {
    io.stderr(`The knowledge base has ${result.problems.length} problem(s):\n`);
    for (const problem of result.problems) io.stderr(`  ${formatProblem(problem)}\n`);
    return 1;
  }
  io.stdout(`${formatKnowledgeSummary(summarizeKnowledge(result.kb))}\n`);
  if (sourcesDir === undefined) return 0;
  const { authoredTexts, copiedRuns, unsourcedFigures } = await import("../knowledge/source-check.ts");
  const sources = readdirSync(sourcesDir)
    .filter((f) => /\.(txt|md)$/.test(f))
    .map((f) => readFileSync(join(sourcesDir, f), "utf8"));
  const texts = authoredTexts(result.kb);
  const findings = [...unsourcedFigures(texts, sources), ...copiedRuns(texts, sources)];
  io.stdout(
    `Checked ${texts.length} texts against ${sources.length} source texts: ${findings.length} finding(s).\n`,
  );
  for (const finding of findings) io.stderr(`  ${finding.where}: ${finding.message}\n`);
  return findings.length ? 1 : 0;
}

/** `kb schema`: regenerates knowledge/schema/*.schema.json after a change to src/knowledge/schema.ts. */
export async function writeKnowledgeSchemas(io: ProcessIo): Promise<number> {
  const { buildJsonSchemas, serializeJsonSchema } = await import("../knowledge/json-schema.ts");
  const { DEFAULT_KNOWLEDGE_DIR } = await import("../knowledge/load.ts");
  const dir = join(DEFAULT_KNOWLEDGE_DIR, "schema");
  mkdirSync(dir, { recursive: true });
  for (const [file, schema] of buildJsonSchemas()) {
    writeFileSync(join(dir, file), serializeJsonSchema(schema));
    io.stdout(`wrote knowledge/schema/${file}\n`);
  }
  return 0;
}
