import type { KnowledgeProblem, KnowledgeRecords } from "./model.ts";

/** "74.1" for 74.1, "100" for 100: how a value reads in text. */
export function figureText(value: number): string {
  return String(value);
}

/** The numbers a text holds, as written ("12.89", "7.8"), commas between thousands removed. */
function numbersIn(text: string): string[] {
  return [...text.normalize("NFKC").matchAll(/\d(?:[\d,.]*\d)?/g)].map((m) =>
    m[0].replace(/,(?=\d{3}\b)/g, ""),
  );
}

/**
 * A chart can never show a number the sources do not hold: every figure's fact exists, is about the
 * figure's sector and cites its source; the fact's text holds the figure's quote; the quote holds the
 * value (and the low end of a range). The figure check then reads the quotes against the source texts.
 */
export function checkFigures(records: KnowledgeRecords): KnowledgeProblem[] {
  const problems: KnowledgeProblem[] = [];
  const facts = new Map(records.facts.map((f) => [f.record.id, f.record]));
  const seen = new Set<string>();
  const measureUnits = new Map<string, string>();
  for (const { file, record: figure } of records.figures) {
    const problem = (field: string, message: string) =>
      problems.push({ file, recordId: figure.id, field, message });
    if (seen.has(figure.id)) problem("id", "duplicate figure id");
    seen.add(figure.id);
    const fact = facts.get(figure.factId);
    if (!fact) {
      problem("factId", `no fact "${figure.factId}"`);
      continue;
    }
    if (!fact.sectors.includes(figure.sector))
      problem("sector", `fact "${fact.id}" is not about ${figure.sector}`);
    if (!fact.sourceIds.includes(figure.sourceId))
      problem("sourceId", `fact "${fact.id}" does not cite "${figure.sourceId}"`);
    if (!fact.text.includes(figure.quote))
      problem("quote", `the text of fact "${fact.id}" does not hold "${figure.quote}"`);
    const quoted = numbersIn(figure.quote);
    for (const [field, value] of [
      ["value", figure.value],
      ["low", figure.low],
    ] as const) {
      if (value !== undefined && !quoted.includes(figureText(value)))
        problem(field, `the quote "${figure.quote}" does not hold ${value}`);
    }
    if (figure.bound === "exact" && figure.low === undefined && quoted.length !== 1)
      problem("quote", "an exact figure's quote holds exactly one number");
    const unit = measureUnits.get(figure.measure);
    if (unit !== undefined && unit !== figure.unit)
      problem("unit", `the measure "${figure.measure}" is in ${unit} elsewhere: one axis, one unit`);
    measureUnits.set(figure.measure, figure.unit);
  }
  return problems;
}
