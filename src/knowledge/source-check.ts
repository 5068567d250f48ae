import type { KnowledgeBase } from "./load.ts";

/** A piece of our own text, located for the author. */
export interface AuthoredText {
  where: string;
  text: string;
}

/** A problem found by comparing our texts with the source texts. */
export interface SourceFinding {
  where: string;
  message: string;
}

/** Every text an author wrote that users read: facts, summaries, status lines, lessons, quiz questions. */
export function authoredTexts(kb: KnowledgeBase): AuthoredText[] {
  return [
    ...kb.facts.map((f) => ({ where: `fact ${f.id}`, text: f.text })),
    ...kb.facts.flatMap((f) => f.keywords.map((k) => ({ where: `fact ${f.id} keyword`, text: k }))),
    ...kb.sectors.flatMap((s) => [
      { where: `sector ${s.id} summary`, text: s.summary },
      { where: `sector ${s.id} statusBasis`, text: s.statusBasis },
    ]),
    ...kb.lessons.map((l) => ({ where: `lesson ${l.id}`, text: `${l.title}. ${l.intro}` })),
    ...kb.questions.map((q) => ({ where: `quiz ${q.id}`, text: [q.question, ...q.choices].join(" ") })),
  ];
}

/** The figures of a text, by the rule of the project's figure checker: digit runs, thousands commas dropped. */
export function figuresOf(text: string): string[] {
  return [...text.normalize("NFKC").matchAll(/\d(?:[\d,.]*\d)?/g)].map((m) =>
    m[0].replace(/,(?=\d{3}\b)/g, ""),
  );
}

/** Figures in our texts that no source text holds: each one is a claim nobody can check. */
export function unsourcedFigures(
  texts: readonly AuthoredText[],
  sources: readonly string[],
): SourceFinding[] {
  const known = new Set(sources.flatMap(figuresOf));
  return texts.flatMap(({ where, text }) =>
    figuresOf(text)
      .filter((figure) => !known.has(figure))
      .map((figure) => ({ where, message: `"${figure}" is in no source text` })),
  );
}

const QUOTED = /"[^"]*"|“[^”]*”/;
const words = (text: string) =>
  text
    .normalize("NFKC")
    .toLowerCase()
    .match(/[\p{L}\p{N}]+/gu) ?? [];

/**
 * Runs of `minWords` or more consecutive words that one of our texts shares with a source: copied
 * wording, which the fact base must not hold (names and titles aside, which an author may keep).
 */
export function copiedRuns(
  texts: readonly AuthoredText[],
  sources: readonly string[],
  minWords = 8,
): SourceFinding[] {
  const grams = new Set<string>();
  for (const source of sources) {
    const w = words(source);
    for (let i = 0; i + minWords <= w.length; i++) grams.add(w.slice(i, i + minWords).join(" "));
  }
  const findings: SourceFinding[] = [];
  for (const { where, text } of texts) {
    // Quoted names and titles ("China Manufacturing 2025: ...") may be kept word for word.
    const copied = text
      .split(QUOTED)
      .map(words)
      .flatMap((w) => w.map((_, i) => w.slice(i, i + minWords)).filter((gram) => gram.length === minWords))
      .map((gram) => gram.join(" "))
      .find((gram) => grams.has(gram));
    if (copied)
      findings.push({ where, message: `shares "${copied}" with a source: say it in our own words` });
  }
  return findings;
}
