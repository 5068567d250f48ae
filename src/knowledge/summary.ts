import type { KnowledgeBase } from "./load.ts";

/** Counts an author wants after an edit: facts per sector, per topic and per confidence level. */
export interface KnowledgeSummary {
  facts: number;
  sources: number;
  topics: number;
  sectors: number;
  byConfidence: Record<"H" | "M", number>;
  bySector: [string, number][];
  byTopic: [string, number][];
  policyWide: number;
  lessons: number;
  questions: number;
}

/** Summarises the knowledge base for `npm run kb:check`. */
export function summarizeKnowledge(kb: KnowledgeBase): KnowledgeSummary {
  const byConfidence = { H: 0, M: 0 };
  const byTopic = new Map(kb.topics.map((t) => [t.id, 0]));
  for (const fact of kb.facts) {
    byConfidence[fact.confidence]++;
    for (const topic of fact.topics) byTopic.set(topic, (byTopic.get(topic) ?? 0) + 1);
  }
  return {
    facts: kb.facts.length,
    sources: kb.sources.length,
    topics: kb.topics.length,
    sectors: kb.sectors.length,
    byConfidence,
    bySector: kb.sectors.map((s) => [s.id, kb.factsBySector.get(s.id)?.length ?? 0]),
    byTopic: [...byTopic],
    policyWide: kb.facts.filter((f) => f.sectors.length === 0).length,
    lessons: kb.lessons.length,
    questions: kb.questions.length,
  };
}

/** Renders the summary as aligned plain-text lines. */
export function formatKnowledgeSummary(summary: KnowledgeSummary): string {
  const table = (rows: [string, number][]) => {
    const width = Math.max(...rows.map(([name]) => name.length));
    return rows.map(([name, count]) => `  ${name.padEnd(width)}  ${String(count).padStart(3)}`).join("\n");
  };
  return [
    `Knowledge base OK: ${summary.facts} facts, ${summary.sectors} sectors, ${summary.topics} topics, ${summary.sources} sources.`,
    `Confidence: ${summary.byConfidence.H} H, ${summary.byConfidence.M} M. Policy-wide facts (no sector): ${summary.policyWide}.`,
    `Study tools: ${summary.lessons} lessons, ${summary.questions} quiz questions.`,
    "Facts per sector:",
    table(summary.bySector),
    "Facts per topic:",
    table(summary.byTopic),
  ].join("\n");
}
