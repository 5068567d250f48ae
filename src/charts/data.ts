import { createHash } from "node:crypto";
import { STATUS_ORDER } from "../answer/catalogue.ts";
import type { ChartRequest } from "../answer/reply.ts";
import { sectorName, type Translate } from "../i18n/index.ts";
import type { KnowledgeBase } from "../knowledge/model.ts";
import type { Figure, SectorStatus } from "../knowledge/schema.ts";

/** One bar: a sourced figure, with what a reader needs to judge it. */
export interface ChartBar {
  figureId: string;
  label: string;
  value: number;
  low?: number;
  bound: Figure["bound"];
  kind: Figure["kind"];
  year: number;
  /** "IFR (World Robotics 2024)": the source's publisher and date, as the bar's note. */
  source: string;
  /** The fact the figure comes from. */
  factId: string;
}

/** One axis, one measure, one unit. */
export interface ChartPanel {
  measure: string;
  unit: "%";
  bars: ChartBar[];
}

export interface SectorChartData {
  type: "sector";
  sectorId: string;
  title: string;
  panels: ChartPanel[];
  footer: string;
}

export interface StatusChartData {
  type: "status";
  title: string;
  groups: { status: SectorStatus; label: string; sectors: { name: string; secondName: string }[] }[];
  footer: string;
}

export type ChartData = SectorChartData | StatusChartData;

/** A short version of the knowledge a chart is drawn from: the cache key, and printed on every chart. */
export function knowledgeVersion(kb: KnowledgeBase): string {
  const drawn = JSON.stringify([kb.figures, kb.sectors.map((s) => [s.id, s.status, s.name, s.chineseName])]);
  return createHash("sha256").update(drawn).digest("hex").slice(0, 8);
}

/** How a figure reads on its bar: "74.1%", ">80%", "≈92%", "≤35.3%", "7.8–35.3%". */
export function valueLabel(bar: Pick<ChartBar, "value" | "low" | "bound">): string {
  const value = `${bar.value}%`;
  if (bar.low !== undefined) return `${bar.low}–${value}`;
  return { exact: value, "more-than": `>${value}`, about: `≈${value}`, "up-to": `≤${value}` }[bar.bound];
}

/**
 * "CAAM" for "China Association of Automobile Manufacturers (CAAM)": the short name when a source gives
 * one, else the publisher before any ", reported by ...".
 */
export function shortPublisher(publisher: string): string {
  return /\(([^)]{2,20})\)$/.exec(publisher)?.[1] ?? publisher.split(", ")[0] ?? publisher;
}

/** The figures of a sector as chart panels, one per measure, in file order; null when it has none. */
export function sectorChartData(kb: KnowledgeBase, sectorId: string): SectorChartData | null {
  const sector = kb.sectors.find((s) => s.id === sectorId);
  const figures = kb.figures.filter((f) => f.sector === sectorId);
  if (!sector || !figures.length) return null;
  const panels: ChartPanel[] = [];
  for (const figure of figures) {
    let panel = panels.find((p) => p.measure === figure.measure);
    if (!panel) {
      panel = { measure: figure.measure, unit: figure.unit, bars: [] };
      panels.push(panel);
    }
    const source = kb.sourceById.get(figure.sourceId);
    panel.bars.push({
      figureId: figure.id,
      label: figure.label,
      value: figure.value,
      ...(figure.low !== undefined ? { low: figure.low } : {}),
      bound: figure.bound,
      kind: figure.kind,
      year: figure.year,
      source: source ? `${shortPublisher(source.publisher)}, ${source.date.slice(0, 4)}` : figure.sourceId,
      factId: figure.factId,
    });
  }
  return {
    type: "sector",
    sectorId,
    title: `${sector.name} · ${sector.chineseName}: the figures our sources give`,
    panels,
    footer: `mic2025-bot · every bar is a figure a cited fact states · knowledge ${knowledgeVersion(kb)}`,
  };
}

/** The 17 sectors grouped by status, in the order /sectors lists them. */
export function statusChartData(kb: KnowledgeBase, t: Translate): StatusChartData {
  return {
    type: "status",
    title: t("chart.sectorsTitle", { count: kb.sectors.length }),
    groups: STATUS_ORDER.map((status) => ({
      status,
      label: t(`status.${status}`),
      sectors: kb.sectors
        .filter((s) => s.status === status)
        .map((s) => ({
          name: sectorName(s, t),
          secondName: t.lang === "en" ? s.chineseName : s.name,
        })),
    })).filter((g) => g.sectors.length),
    footer: `${t("chart.statusSource")} · mic2025-bot · knowledge ${knowledgeVersion(kb)}`,
  };
}

/** The data a chart request stands for, or null (a sector without figures). */
export function chartData(kb: KnowledgeBase, request: ChartRequest, t: Translate): ChartData | null {
  return request.type === "status" ? statusChartData(kb, t) : sectorChartData(kb, request.sectorId);
}
