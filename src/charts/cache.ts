import type { ChartRequest } from "../answer/reply.ts";
import { type Lang, translator } from "../i18n/index.ts";
import type { KnowledgeBase } from "../knowledge/model.ts";
import { chartData, knowledgeVersion } from "./data.ts";
import { renderChart } from "./render.ts";

/** A rendered chart, ready to attach. */
export interface Chart {
  /** File name, e.g. `mic2025-status-en-3ddc2343.png`. */
  name: string;
  png: Buffer;
  /** Alt text for readers who cannot see the picture. */
  description: string;
}

export interface ChartCache {
  /** The chart for a request in a language: drawn once per knowledge version and language, then reused. */
  get(request: ChartRequest, lang?: Lang): Chart | null;
  /**
   * Draws every chart ahead of time, one per turn of the event loop (20–80 ms each, about 0.4 s in all),
   * so no reply waits for one and nothing else waits long.
   */
  warm(): Promise<void>;
}

/** The status chart has words in each language; a sector's figures chart is the same in all (English). */
const keyOf = (request: ChartRequest, lang: Lang) =>
  request.type === "status" ? `status-${lang}` : `sector-${request.sectorId}`;

export function createChartCache(kb: KnowledgeBase): ChartCache {
  const version = knowledgeVersion(kb);
  const charts = new Map<string, Chart | null>();
  const get = (request: ChartRequest, lang: Lang = "en"): Chart | null => {
    const key = keyOf(request, lang);
    const cached = charts.get(key);
    if (cached !== undefined) return cached;
    const t = translator(lang);
    const data = chartData(kb, request, t);
    const chart = data
      ? {
          name: `mic2025-${key}-${version}.png`,
          png: renderChart(data),
          description:
            data.type === "status"
              ? t("chart.sectorsAlt", { count: kb.sectors.length })
              : `${data.title}. ${data.panels.map((p) => p.measure).join("; ")}.`,
        }
      : null;
    charts.set(key, chart);
    return chart;
  };
  return {
    get,
    async warm() {
      const all: [ChartRequest, Lang][] = [
        ...(["en", "zh-CN", "zh-TW"] as const).map((lang): [ChartRequest, Lang] => [
          { type: "status" },
          lang,
        ]),
        ...[...new Set(kb.figures.map((f) => f.sector))].map((sectorId): [ChartRequest, Lang] => [
          { type: "sector", sectorId },
          "en",
        ]),
      ];
      for (const [request, lang] of all) {
        await new Promise((resolve) => setImmediate(resolve));
        get(request, lang);
      }
    },
  };
}
