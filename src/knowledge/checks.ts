import { normalizeKey } from "../text/normalize.ts";
import { checkEditorial } from "./editorial-checks.ts";
import { checkFigures } from "./figure-checks.ts";
import type { KnowledgeProblem, KnowledgeRecords, Located } from "./model.ts";
import { SECTOR_IDS } from "./schema.ts";

/** Each sector needs this many facts so its summary card has something to show. */
export const MIN_FACTS_PER_SECTOR = 2;
/** A guided path short enough to finish, long enough to cover the plan. */
export const MIN_LESSONS = 8;
export const MAX_LESSONS = 12;

function duplicateIds(kind: string, items: Located<{ id: string }>[]): KnowledgeProblem[] {
  const firstFile = new Map<string, string>();
  const problems: KnowledgeProblem[] = [];
  for (const { file, record } of items) {
    const earlier = firstFile.get(record.id);
    if (earlier === undefined) firstFile.set(record.id, file);
    else
      problems.push({
        file,
        recordId: record.id,
        field: "id",
        message: `duplicate ${kind} id (first used in ${earlier}); ids are stable and never reused: pick a new one`,
      });
  }
  return problems;
}

/**
 * Checks that need more than one record: unique ids, references that resolve, aliases no two sectors share,
 * no repeated fact text, every sector covered by enough facts, every source cited.
 * Returns every problem found, not just the first.
 */
export function checkKnowledge(records: KnowledgeRecords): KnowledgeProblem[] {
  const problems: KnowledgeProblem[] = [
    ...duplicateIds("source", records.sources),
    ...duplicateIds("topic", records.topics),
    ...duplicateIds("sector", records.sectors),
    ...duplicateIds("fact", records.facts),
  ];
  const sourceIds = new Set(records.sources.map((s) => s.record.id));
  const topicIds = new Set(records.topics.map((t) => t.record.id));
  const sectorIds = new Set<string>(records.sectors.map((s) => s.record.id));

  if (records.sectors.length) {
    for (const id of SECTOR_IDS) {
      if (!sectorIds.has(id)) {
        problems.push({
          file: "sectors.json",
          recordId: id,
          message: `sector "${id}" is missing: all 17 sectors are part of the interface`,
        });
      }
    }
  }

  // An alias, name or Chinese name must lead to exactly one sector, or look-ups become guesses.
  const aliasOwner = new Map<string, string>();
  for (const { file, record: sector } of records.sectors) {
    const claims = [sector.id, sector.name, sector.chineseName, ...sector.aliases];
    sector.related.forEach((related, i) => {
      if (related === sector.id) {
        problems.push({
          file,
          recordId: sector.id,
          field: `related[${i}]`,
          message: "a sector cannot be related to itself",
        });
      }
    });
    const own = new Set<string>();
    claims.forEach((claim, i) => {
      const key = normalizeKey(claim);
      if (!key || own.has(key)) return;
      own.add(key);
      const owner = aliasOwner.get(key);
      if (owner !== undefined && owner !== sector.id) {
        problems.push({
          file,
          recordId: sector.id,
          field: i < 3 ? (["id", "name", "chineseName"][i] ?? "aliases") : `aliases[${i - 3}]`,
          message: `"${claim}" is already claimed by sector "${owner}"; an alias must lead to one sector only`,
        });
      } else {
        aliasOwner.set(key, sector.id);
      }
    });
  }

  const factCount = new Map<string, number>();
  const cited = new Set<string>();
  const textOwner = new Map<string, string>();
  for (const { file, record: fact } of records.facts) {
    fact.sectors.forEach((id, i) => {
      factCount.set(id, (factCount.get(id) ?? 0) + 1);
      if (!sectorIds.has(id)) {
        problems.push({ file, recordId: fact.id, field: `sectors[${i}]`, message: `unknown sector "${id}"` });
      }
    });
    fact.topics.forEach((id, i) => {
      if (!topicIds.has(id)) {
        problems.push({
          file,
          recordId: fact.id,
          field: `topics[${i}]`,
          message: `unknown topic "${id}"; add it to topics.json or use an existing one`,
        });
      }
    });
    fact.sourceIds.forEach((id, i) => {
      cited.add(id);
      if (!sourceIds.has(id)) {
        problems.push({
          file,
          recordId: fact.id,
          field: `sourceIds[${i}]`,
          message: `unknown source "${id}"; add it to sources.json first`,
        });
      }
    });
    const textKey = normalizeKey(fact.text);
    const same = textOwner.get(textKey);
    if (same !== undefined) {
      problems.push({
        file,
        recordId: fact.id,
        field: "text",
        message: `same text as fact "${same}"; merge the two facts`,
      });
    } else {
      textOwner.set(textKey, fact.id);
    }
  }

  for (const { file, record: sector } of records.sectors) {
    const count = factCount.get(sector.id) ?? 0;
    if (count < MIN_FACTS_PER_SECTOR) {
      problems.push({
        file,
        recordId: sector.id,
        message: `has ${count} fact(s); every sector needs at least ${MIN_FACTS_PER_SECTOR} (tag facts with "${sector.id}" in their sectors)`,
      });
    }
  }
  const factIds = new Set(records.facts.map((f) => f.record.id));
  problems.push(
    ...duplicateIds("lesson", records.lessons),
    ...duplicateIds("quiz question", records.questions),
  );
  if (
    records.lessons.length &&
    (records.lessons.length < MIN_LESSONS || records.lessons.length > MAX_LESSONS)
  ) {
    problems.push({
      file: records.lessons[0]?.file ?? "lessons.json",
      message: `the learning path has ${records.lessons.length} lessons; keep it to ${MIN_LESSONS} to ${MAX_LESSONS} short ones`,
    });
  }
  for (const { file, record: lesson } of records.lessons) {
    lesson.factIds.forEach((id, i) => {
      if (!factIds.has(id))
        problems.push({ file, recordId: lesson.id, field: `factIds[${i}]`, message: `unknown fact "${id}"` });
    });
  }
  for (const { file, record: question } of records.questions) {
    question.factIds.forEach((id, i) => {
      if (!factIds.has(id)) {
        problems.push({
          file,
          recordId: question.id,
          field: `factIds[${i}]`,
          message: `unknown fact "${id}"`,
        });
      }
    });
    if (question.topic !== undefined && !topicIds.has(question.topic)) {
      problems.push({
        file,
        recordId: question.id,
        field: "topic",
        message: `unknown topic "${question.topic}"`,
      });
    }
  }

  records.lexicon.forEach(({ file, record: entry }, index) => {
    if (entry.role !== "plan-overview") return;
    entry.factIds.forEach((id, i) => {
      if (!factIds.has(id))
        problems.push({
          file,
          recordId: `lexicon[${index}]`,
          field: `factIds[${i}]`,
          message: `unknown fact "${id}"`,
        });
    });
  });

  for (const { file, record: source } of records.sources) {
    if (!cited.has(source.id)) {
      problems.push({
        file,
        recordId: source.id,
        message: "no fact cites this source; cite it or remove it",
      });
    }
  }
  problems.push(...checkEditorial(records));
  problems.push(...checkFigures(records));
  return problems;
}
