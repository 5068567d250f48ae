import { EN, sectorName, type Translate } from "../i18n/index.ts";
import type { KnowledgeBase } from "../knowledge/load.ts";
import type { Fact, SectorStatus } from "../knowledge/schema.ts";
import { citeFacts, factsWithIds, type Reply, statusLabel } from "./reply.ts";

export const STATUS_ORDER: SectorStatus[] = ["leading", "strong", "mixed", "dependent", "not-rated"];

/** `/sectors`: every sector grouped by status, from where China leads to where our sources are silent. */
export function buildSectorsReply(kb: KnowledgeBase, t: Translate = EN): Reply {
  const fields = STATUS_ORDER.map((status) => ({
    name: statusLabel(status, t),
    value: kb.sectors
      .filter((s) => s.status === status)
      .map((s) => (t.lang === "en" ? `${s.name} (${s.chineseName})` : `${sectorName(s, t)} (${s.name})`))
      .join(", "),
  })).filter((f) => f.value);
  return {
    title: t("sectors.title"),
    summary: [t("sectors.summary"), { command: "/sector semiconductors" }, t.lang === "en" ? "." : "。"],
    fields,
    facts: [],
    citations: [],
    footer: t("sectors.footer", { sectors: kb.sectors.length, facts: kb.facts.length }),
    chart: { type: "status" },
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
export function buildOverviewReply(kb: KnowledgeBase, t: Translate = EN): Reply {
  const { facts, citations } = citeFacts(kb, factsWithIds(kb, OVERVIEW_FACT_IDS));
  return {
    title: t("overview.title"),
    summary: t("overview.summary"),
    fields: [],
    facts,
    citations,
    footer: t("overview.footer"),
    chart: { type: "status" },
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
export function buildTimelineReply(kb: KnowledgeBase, page = 0, t: Translate = EN): Reply {
  const all = timelineFacts(kb);
  const pages = Math.max(1, Math.ceil(all.length / TIMELINE_PAGE_SIZE));
  const current = Math.min(Math.max(0, page), pages - 1);
  const shown = all.slice(current * TIMELINE_PAGE_SIZE, (current + 1) * TIMELINE_PAGE_SIZE);
  const { facts, citations } = citeFacts(kb, shown);
  const first = shown[0]?.asOf;
  const last = shown.at(-1)?.asOf;
  return {
    title: `${t("timeline.title")}${first ? `: ${first}${last && last !== first ? `–${last}` : ""}` : ""}`,
    summary: t("timeline.summary"),
    fields: [],
    facts,
    citations,
    footer: t("timeline.page", { n: current + 1, count: pages }),
    actions: [
      ...(current > 0
        ? [{ label: t("timeline.earlier"), action: { type: "timeline" as const, page: current - 1 } }]
        : []),
      ...(current + 1 < pages
        ? [
            {
              label: t("timeline.later"),
              action: { type: "timeline" as const, page: current + 1 },
              primary: true,
            },
          ]
        : []),
    ],
    audience: current > 0 ? "asker" : "channel",
  };
}

/** `/sources`: the source registry with links, and what H and M mean. */
export function buildSourcesReply(kb: KnowledgeBase, t: Translate = EN): Reply {
  return {
    title: t("sources.title"),
    summary: [
      t("sources.summary"),
      `H = ${t("confidence.H")}${t.lang === "en" ? "." : "。"}`,
      `M = ${t("confidence.M")}${t.lang === "en" ? "." : "。"}`,
    ].join("\n"),
    fields: [],
    facts: [],
    citations: kb.sources.map((source, i) => ({ n: i + 1, source })),
    footer: t("sources.footer", { count: kb.sources.length }),
    actions: [],
    audience: "channel",
  };
}
