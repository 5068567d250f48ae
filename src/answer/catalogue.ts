import type { KnowledgeBase } from "../knowledge/load.ts";
import type { Fact, SectorStatus } from "../knowledge/schema.ts";
import { CONFIDENCE_LABEL, citeFacts, factsWithIds, type Reply, STATUS_LABEL } from "./reply.ts";

const STATUS_ORDER: SectorStatus[] = ["leading", "strong", "mixed", "dependent", "not-rated"];

/** `/sectors`: every sector grouped by status, from where China leads to where our sources are silent. */
export function buildSectorsReply(kb: KnowledgeBase): Reply {
  const fields = STATUS_ORDER.map((status) => ({
    name: STATUS_LABEL[status],
    value: kb.sectors
      .filter((s) => s.status === status)
      .map((s) => `${s.name} (${s.chineseName})`)
      .join(", "),
  })).filter((f) => f.value);
  return {
    title: "Made in China 2025: the sectors",
    summary: [
      "Each sector's status comes from the sources named on its card. Open one with /sector, for example ",
      { command: "/sector semiconductors" },
      ".",
    ],
    fields,
    facts: [],
    citations: [],
    footer: `${kb.sectors.length} sectors · ${kb.facts.length} facts`,
    actions: [],
    audience: "channel",
  };
}

/** The facts `/overview` tells, in reading order: who issued the plan and when, its goals, its sectors, its name. */
export const OVERVIEW_FACT_IDS = [
  "plan-issued-state-council-2015",
  "plan-made-public-2015-05-19",
  "plan-first-of-three-steps",
  "plan-step-2025-join-manufacturing-powers",
  "plan-step-2035-middle-of-powers",
  "plan-step-2049-lead-manufacturing-powers",
  "plan-independently-secured-2025-target",
  "plan-ten-key-sectors-list",
  "gwr-2019-name-omitted",
  "assessment-name-deemphasised-since-2018",
  "assessment-made-in-china-2-0-label",
] as const;

/** `/overview`: what the plan is, with sources. */
export function buildOverviewReply(kb: KnowledgeBase): Reply {
  const { facts, citations } = citeFacts(kb, factsWithIds(kb, OVERVIEW_FACT_IDS));
  return {
    title: "What is Made in China 2025?",
    summary:
      "China's ten-year plan to upgrade its manufacturing, issued in 2015. The essentials, each with its source:",
    fields: [],
    facts,
    citations,
    footer: "Next: /sectors for the ten key sectors and more, /timeline for what happened since",
    actions: [],
    audience: "channel",
  };
}

const MONTH = /\b(?:January|February|March|April|May|June|July|August|September|October|November|December)\b/;
const MILESTONE_TOPICS = new Set(["history", "trade-response"]);
/** Timeline entries per page. */
export const TIMELINE_PAGE_SIZE = 8;

/** The years `/timeline` covers: from the plan's launch to the 15th Five-Year Plan's first year. */
export const TIMELINE_FIRST_YEAR = 2015;
export const TIMELINE_LAST_YEAR = 2026;

/**
 * Where a fact falls on the timeline, as text that sorts in time order: its exact date (YYYY-MM or
 * YYYY-MM-DD) when it has one, else its year followed by "-13", so that a fact known only by its year (a
 * yearly figure, complete when the year ends) comes after that year's dated events.
 */
export function timelineKey(fact: Fact): string {
  return fact.date ?? `${fact.asOf ?? 0}-13`;
}

/**
 * The dated milestones the sources hold, from 2015 on: background facts (not the assessment's general
 * findings) that name a month, or that belong to the plan's history or the world's response. Ordered by
 * date, falling back to the year; file order decides among equals.
 */
export function timelineFacts(kb: KnowledgeBase): Fact[] {
  return kb.facts
    .filter((fact) => {
      if (fact.asOf === undefined || fact.asOf < TIMELINE_FIRST_YEAR || fact.asOf > TIMELINE_LAST_YEAR)
        return false;
      const background = fact.sourceIds.some((id) => kb.sourceById.get(id)?.kind !== "assessment");
      return background && (MONTH.test(fact.text) || fact.topics.some((t) => MILESTONE_TOPICS.has(t)));
    })
    .map((fact, order) => ({ fact, order }))
    .sort((a, b) => {
      const ka = timelineKey(a.fact);
      const kb = timelineKey(b.fact);
      return ka < kb ? -1 : ka > kb ? 1 : a.order - b.order;
    })
    .map(({ fact }) => fact);
}

/** One page of `/timeline`. */
export function buildTimelineReply(kb: KnowledgeBase, page = 0): Reply {
  const all = timelineFacts(kb);
  const pages = Math.max(1, Math.ceil(all.length / TIMELINE_PAGE_SIZE));
  const current = Math.min(Math.max(0, page), pages - 1);
  const shown = all.slice(current * TIMELINE_PAGE_SIZE, (current + 1) * TIMELINE_PAGE_SIZE);
  const { facts, citations } = citeFacts(kb, shown);
  const first = shown[0]?.asOf;
  const last = shown.at(-1)?.asOf;
  return {
    title: `Timeline${first ? `: ${first}${last && last !== first ? `–${last}` : ""}` : ""}`,
    summary: "Dated milestones from the sources, oldest first.",
    fields: [],
    facts,
    citations,
    footer: `Page ${current + 1} of ${pages}`,
    actions: [
      ...(current > 0
        ? [{ label: "Earlier", action: { type: "timeline" as const, page: current - 1 } }]
        : []),
      ...(current + 1 < pages
        ? [{ label: "Later", action: { type: "timeline" as const, page: current + 1 }, primary: true }]
        : []),
    ],
    audience: current > 0 ? "asker" : "channel",
  };
}

/** `/sources`: the source registry with links, and what H and M mean. */
export function buildSourcesReply(kb: KnowledgeBase): Reply {
  return {
    title: "Sources",
    summary: [
      "Every fact cites at least one of these. The primary source is a mid-2025 assessment posted publicly; the rest is checked background.",
      `H = ${CONFIDENCE_LABEL.H}.`,
      `M = ${CONFIDENCE_LABEL.M}.`,
    ].join("\n"),
    fields: [],
    facts: [],
    citations: kb.sources.map((source, i) => ({ n: i + 1, source })),
    footer: `${kb.sources.length} sources · links are given where we could check them`,
    actions: [],
    audience: "channel",
  };
}
