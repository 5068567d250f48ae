import type { KnowledgeProblem, KnowledgeRecords } from "./load.ts";
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

/** (b) H means the official text, or two or more sources that agree. */
export function checkHighConfidenceSources(records: KnowledgeRecords): KnowledgeProblem[] {
  const kind = new Map(records.sources.map(({ record }) => [record.id, record.kind]));
  return records.facts
    .filter(({ record }) => {
      if (record.confidence !== "H") return false;
      const known = [...new Set(record.sourceIds)].filter((id) => kind.has(id));
      return known.length < 2 && !known.some((id) => kind.get(id) === "official");
    })
    .map(({ file, record }) => ({
      file,
      recordId: record.id,
      field: "confidence",
      message:
        'rated H on one source that is not official; cite a second independent source or a source of kind "official", or rate it M and say whose finding it is',
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

/** The ways a fact's text can name a source: its publisher, the publisher's abbreviation, "assessment". */
export function sourceNames(source: Source): string[] {
  const names = [source.publisher.split(/[(,;]/)[0]?.trim() ?? ""];
  for (const match of source.publisher.matchAll(/\(([^)]+)\)/g)) names.push(match[1] ?? "");
  const first = source.publisher.split(/[ (,]/)[0] ?? "";
  if (!TOO_COMMON_TO_NAME.has(first.toLowerCase())) names.push(first);
  if (source.kind === "assessment") names.push("assessment");
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
