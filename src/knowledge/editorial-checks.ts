import type { KnowledgeProblem, KnowledgeRecords } from "./model.ts";
import type { Source } from "./schema.ts";

/**
 * Editorial rules of the fact base that a schema cannot express, checked across records. Each one was
 * broken once in the content audit of 2026-11-30; each returns problems the loader refuses, like the other
 * cross-record checks, because a slip here puts a wrong or overstated answer in front of a reader.
 */

/** A fact about more sectors than this is policy-wide: give it `"sectors": []` instead. */
export const MAX_SECTORS_PER_FACT = 3;

/** (a) A fact tagged with many sectors pads every card and lends one sector's status to all the others. */
export function checkSectorCount(records: KnowledgeRecords): KnowledgeProblem[] {
  return records.facts
    .filter(({ record }) => record.sectors.length > MAX_SECTORS_PER_FACT)
    .map(({ file, record }) => ({
      file,
      recordId: record.id,
      field: "sectors",
      message: `tagged with ${record.sectors.length} sectors; a fact about more than ${MAX_SECTORS_PER_FACT} sectors is policy-wide: use "sectors": []`,
    }));
}

/** A publisher as a name to compare: the part before any bracket, comma or "reported by". */
function publisherKey(source: Source): string {
  return (source.publisher.split(/[(,;]| reported by | from /)[0] ?? "").trim().toLowerCase();
}

/**
 * Why an H fact's sources carry it, or `null` when they do not. Our own compilation (kind "compilation")
 * never counts. Three ways pass:
 * - a source of kind "official": the official text itself;
 * - a "research" source marked `primary`, where the fact names its publisher: the primary publication of
 *   the finding the fact attributes to it (the IEA's report for the IEA's figure);
 * - two sources from different publishers: two independent reports that agree.
 */
export function highConfidenceBasis(
  sourceIds: readonly string[],
  text: string,
  byId: ReadonlyMap<string, Source>,
): "official" | "primary" | "independent" | null {
  const cited = [...new Set(sourceIds)]
    .map((id) => byId.get(id))
    .filter((source): source is Source => source !== undefined && source.kind !== "compilation");
  if (cited.some((source) => source.kind === "official")) return "official";
  const primary = cited.some(
    (source) =>
      source.kind === "research" &&
      source.primary === true &&
      sourceNames(source).some((name) => containsPhrase(text, name)),
  );
  if (primary) return "primary";
  if (new Set(cited.map(publisherKey)).size >= 2) return "independent";
  return null;
}

/** (b) H means the official text, the primary publication of the finding, or two independent sources. */
export function checkHighConfidenceSources(records: KnowledgeRecords): KnowledgeProblem[] {
  const byId = new Map(records.sources.map(({ record }) => [record.id, record]));
  return records.facts
    .filter(
      ({ record }) =>
        record.confidence === "H" && highConfidenceBasis(record.sourceIds, record.text, byId) === null,
    )
    .map(({ file, record }) => ({
      file,
      recordId: record.id,
      field: "confidence",
      message:
        'rated H without an official source, a primary research source whose finding the text attributes to it, or two independent sources (a "compilation" such as our own reference notes never counts); cite one, or rate it M and say whose finding it is',
    }));
}

/** Words of a text for whole-phrase comparison: case and punctuation dropped, "40.9%" kept as one word. */
export function phraseWords(text: string): string[] {
  return (
    text
      .normalize("NFKC")
      .toLowerCase()
      .match(/[\p{L}\p{N}]+(?:[.,]\p{N}+)*%?/gu) ?? []
  );
}

/** True when `phrase` occurs in `text` as whole words, in order. */
export function containsPhrase(text: string, phrase: string): boolean {
  const needle = phraseWords(phrase);
  const hay = phraseWords(text);
  if (!needle.length) return false;
  for (let i = 0; i + needle.length <= hay.length; i++) {
    if (needle.every((word, j) => hay[i + j] === word)) return true;
  }
  return false;
}

/** "Which of these is NOT ...": its wrong choices are the true statements, so they may be in the facts. */
const NEGATIVE_QUESTION = /\bNOT\b/;

/** (c) A wrong choice that a fact explaining the answer states is not wrong: a reader who picks it is marked down unfairly. */
export function checkQuizDistractors(records: KnowledgeRecords): KnowledgeProblem[] {
  const text = new Map(records.facts.map(({ record }) => [record.id, record.text]));
  const problems: KnowledgeProblem[] = [];
  for (const { file, record: question } of records.questions) {
    if (NEGATIVE_QUESTION.test(question.question)) continue;
    question.choices.forEach((choice, i) => {
      if (i === question.answer) return;
      const factId = question.factIds.find((id) => containsPhrase(text.get(id) ?? "", choice));
      if (factId !== undefined) {
        problems.push({
          file,
          recordId: question.id,
          field: `choices[${i}]`,
          message: `the wrong choice "${choice}" is stated by fact "${factId}", which explains the answer; pick a choice the sources rule out`,
        });
      }
    });
  }
  return problems;
}

/** Publisher words too common in this fact base to name anyone ("China" is in most texts). */
const TOO_COMMON_TO_NAME = new Set([
  "china",
  "chinese",
  "national",
  "international",
  "public",
  "state",
  "the",
]);

/**
 * The ways a fact's text can name a source: its publisher, the publisher's abbreviation, "assessment", and
 * for our own compilation of checked press reports, "press reports" (a reader has no use for our name).
 */
export function sourceNames(source: Source): string[] {
  const names = [source.publisher.split(/[(,;]/)[0]?.trim() ?? ""];
  for (const match of source.publisher.matchAll(/\(([^)]+)\)/g)) names.push(match[1] ?? "");
  const first = source.publisher.split(/[ (,]/)[0] ?? "";
  if (!TOO_COMMON_TO_NAME.has(first.toLowerCase())) names.push(first);
  if (source.kind === "assessment") names.push("assessment");
  if (source.kind === "compilation") names.push("press reports");
  return names.filter((name) => name.length >= 2);
}

/** (d) A medium-confidence fact says whose finding it is, naming one of the sources it cites. */
export function checkMediumAttribution(records: KnowledgeRecords): KnowledgeProblem[] {
  const byId = new Map(records.sources.map(({ record }) => [record.id, record]));
  return records.facts
    .filter(({ record: fact }) => {
      if (fact.confidence !== "M") return false;
      return !fact.sourceIds.some((id) => {
        const source = byId.get(id);
        return source !== undefined && sourceNames(source).some((name) => containsPhrase(fact.text, name));
      });
    })
    .map(({ file, record }) => ({
      file,
      recordId: record.id,
      field: "text",
      message:
        'a medium-confidence fact must say whose finding it is: name its source in the text ("According to the IEA ...", "The mid-2025 assessment finds ...")',
    }));
}

/** Every editorial check, in the order above. */
export function checkEditorial(records: KnowledgeRecords): KnowledgeProblem[] {
  return [
    ...checkSectorCount(records),
    ...checkHighConfidenceSources(records),
    ...checkQuizDistractors(records),
    ...checkMediumAttribution(records),
  ];
}
