import { EN, sectorName, type Translate } from "../i18n/index.ts";
import type { KnowledgeBase } from "../knowledge/load.ts";
import type { Sector } from "../knowledge/schema.ts";
import type { SectorResolution } from "../search/index.ts";
import { asOfYears, citeFacts, type Reply, type ReplyAction, statusLabel } from "./reply.ts";

/** Facts on the sector card and on each "More facts" page. */
export const SECTOR_FACTS_PER_PAGE = 4;
const RELATED_BUTTONS = 3;

/** How many pages of facts a sector has (the card is page 0). */
export function sectorPageCount(kb: KnowledgeBase, sector: Sector): number {
  const count = kb.factsBySector.get(sector.id)?.length ?? 0;
  return Math.max(1, Math.ceil(count / SECTOR_FACTS_PER_PAGE));
}

function sourcesLine(citations: { n: number; source: { publisher: string; date: string } }[]): string {
  return citations.map((c) => `[${c.n}] ${c.source.publisher}, ${c.source.date}`).join(" · ");
}

/**
 * The sector card (page 0) or one page of its facts: names, status and its basis, the official key sector,
 * the summary (card only), facts with confidence and numbered sources, and buttons for more.
 */
export function buildSectorReply(kb: KnowledgeBase, sector: Sector, page = 0, t: Translate = EN): Reply {
  const all = kb.factsBySector.get(sector.id) ?? [];
  const pages = sectorPageCount(kb, sector);
  const current = Math.min(Math.max(0, page), pages - 1);
  const shown = all.slice(current * SECTOR_FACTS_PER_PAGE, (current + 1) * SECTOR_FACTS_PER_PAGE);
  const { facts, citations } = citeFacts(kb, shown);
  const years = asOfYears(shown);
  const actions: ReplyAction[] = [];
  if (current > 0)
    actions.push({
      label: t("sector.previousFacts"),
      action: { type: "sector-facts", sectorId: sector.id, page: current - 1 },
    });
  if (current + 1 < pages) {
    actions.push({
      label: t("sector.moreFacts"),
      action: { type: "sector-facts", sectorId: sector.id, page: current + 1 },
      primary: true,
    });
  }
  actions.push({ label: t("sector.sources"), action: { type: "sector-sources", sectorId: sector.id } });
  if (current === 0) {
    for (const id of sector.related.slice(0, RELATED_BUTTONS)) {
      const related = kb.sectorById.get(id);
      if (related)
        actions.push({ label: sectorName(related, t), action: { type: "sector", sectorId: related.id } });
    }
  }
  return {
    title:
      t.lang === "en" ? `${sector.name} · ${sector.chineseName}` : `${sector.chineseName} · ${sector.name}`,
    status: sector.status,
    subtitle: `${statusLabel(sector.status, t)}. ${sector.statusBasis}`,
    ...(current === 0 ? { summary: sector.summary } : {}),
    fields:
      current === 0
        ? [{ name: t("sector.officialSector"), value: capitalise(sector.officialSector), inline: true }]
        : [],
    facts,
    citations,
    footer: [
      t("sector.factsRange", {
        from: current * SECTOR_FACTS_PER_PAGE + 1,
        to: current * SECTOR_FACTS_PER_PAGE + shown.length,
        total: all.length,
      }),
      years ? t("sector.asOf", { years }) : "",
      t("sector.sourcesLine", { list: sourcesLine(citations) }),
    ]
      .filter(Boolean)
      .join(" · "),
    actions,
    audience: current > 0 ? "asker" : "channel",
    ...(current === 0 && kb.figures.some((f) => f.sector === sector.id)
      ? { chart: { type: "sector" as const, sectorId: sector.id } }
      : {}),
  };
}

/** Every source the sector's facts cite, with links, and what the confidence levels mean. */
export function buildSectorSourcesReply(kb: KnowledgeBase, sector: Sector, t: Translate = EN): Reply {
  const { citations } = citeFacts(kb, kb.factsBySector.get(sector.id) ?? []);
  return {
    title: t("sector.sourcesTitle", { name: sectorName(sector, t) }),
    status: sector.status,
    summary:
      t.lang === "en"
        ? `Every fact about ${sector.name.toLowerCase()} cites at least one of these.`
        : t("sector.sourcesSummary"),
    fields: [],
    facts: [],
    citations,
    actions: [
      {
        label: t("sector.back", { name: sectorName(sector, t) }),
        action: { type: "sector", sectorId: sector.id },
      },
    ],
    audience: "asker",
  };
}

/** A sector look-up that found nothing: "did you mean", with a button per suggestion. */
export function buildSectorNotFoundReply(
  query: string,
  resolution: Extract<SectorResolution, { sector: null }>,
  t: Translate = EN,
): Reply {
  return {
    title: query.trim() ? query.trim() : t("sector.noName"),
    titleIsUserText: true,
    summary: t("sector.didYouMean", { names: resolution.suggestions.map((s) => s.name).join(", ") }),
    fields: [],
    facts: [],
    citations: [],
    actions: resolution.suggestions.map((s) => ({
      label: s.name,
      action: { type: "sector", sectorId: s.id },
    })),
    audience: "asker",
    miss: true,
  };
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
