/**
 * Charts: the data each chart draws is pinned (not its pixels), every bar traces to a fact and a source,
 * the font covers every character a chart may draw, and each chart is drawn once and reused.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { createChartCache } from "../../src/charts/cache.ts";
import { sectorChartData, statusChartData, valueLabel } from "../../src/charts/data.ts";
import { CHART_FONT_FILE, chartCharacters } from "../../src/charts/font.ts";
import { translator } from "../../src/i18n/index.ts";
import {
  loadKnowledgeFromTexts,
  loadKnowledgeOrThrow,
  readKnowledgeTexts,
} from "../../src/knowledge/load.ts";

const kb = loadKnowledgeOrThrow();
/** Drawn once for the whole file. */
const cache = createChartCache(kb);

describe("chart data", () => {
  it("pins the status overview: the 17 sectors by status", () => {
    const data = statusChartData(kb, translator("en"));
    expect(data.groups.map((g) => [g.label, g.sectors.map((s) => s.name)])).toEqual([
      [
        "China leads",
        ["Drones", "Shipbuilding", "High-speed rail", "Electric vehicles and batteries", "Solar"],
      ],
      ["China is strong", ["Telecommunications", "New materials", "Clean technology"]],
      ["Mixed results", ["Robotics"]],
      [
        "China still depends on others",
        ["Semiconductors", "Machine tools", "Commercial aircraft", "Biopharma and medical devices"],
      ],
      [
        "Not rated by our sources",
        ["Power equipment", "Agricultural machinery", "Artificial intelligence", "Quantum technology"],
      ],
    ]);
    expect(data.groups.flatMap((g) => g.sectors)).toHaveLength(17);
  });

  it("pins the semiconductors figures, each bar with its source and year", () => {
    const data = sectorChartData(kb, "semiconductors");
    expect(data?.panels.map((p) => p.measure)).toEqual(["Share of China's chip market"]);
    expect(data?.panels[0]?.bars.map((b) => [b.label, valueLabel(b), b.kind, b.year, b.source])).toEqual([
      ["Made in China, 2020", "15.9%", "actual", 2020, "IC Insights, 2021"],
      ["China-HQ firms, 2020", "5.9%", "actual", 2020, "IC Insights, 2021"],
      ["Made in China, 2021", "16.7%", "actual", 2021, "IC Insights, 2022"],
      ["Made in China, 2025 forecast", "19.4%", "forecast", 2025, "IC Insights, 2022"],
      ["The plan's goal for 2025", "70%", "target", 2025, "IC Insights, 2022"],
    ]);
  });

  it("labels bounds and ranges as such", () => {
    const bars = ["solar", "new-materials", "electric-vehicles"].flatMap(
      (id) => sectorChartData(kb, id)?.panels.flatMap((p) => p.bars.map(valueLabel)) ?? [],
    );
    expect(bars).toEqual([">80%", "≈92%", "40.9%", "100%", "7.8–35.3%"]);
  });

  it("never puts two measures or units on one axis", () => {
    for (const sectorId of new Set(kb.figures.map((f) => f.sector))) {
      for (const panel of sectorChartData(kb, sectorId)?.panels ?? []) {
        const figures = kb.figures.filter((f) => panel.bars.some((b) => b.figureId === f.id));
        expect(new Set(figures.map((f) => `${f.measure}|${f.unit}`)).size, panel.measure).toBe(1);
      }
    }
  });

  it("traces every bar to a fact that states its value and cites its source", () => {
    for (const figure of kb.figures) {
      const fact = kb.factById.get(figure.factId);
      expect(fact?.text, figure.id).toContain(figure.quote);
      expect(figure.quote, figure.id).toContain(String(figure.value));
      expect(fact?.sourceIds, figure.id).toContain(figure.sourceId);
    }
  });

  it("refuses a figure its fact does not state", () => {
    const texts = readKnowledgeTexts();
    const figures = JSON.parse(texts.get("figures.json") ?? "{}");
    figures.figures[0].value = 16.9;
    figures.figures[1].quote = "6.9%";
    texts.set("figures.json", JSON.stringify(figures));
    const result = loadKnowledgeFromTexts(texts);
    expect(result.ok).toBe(false);
    const lines = result.ok ? [] : result.problems.map((p) => `${p.recordId} › ${p.field}: ${p.message}`);
    expect(lines).toEqual([
      'chip-made-in-china-share-2020 › value: the quote "15.9%" does not hold 16.9',
      'chip-china-hq-share-2020 › quote: the text of fact "chip-china-hq-firms-share-2020" does not hold "6.9%"',
      'chip-china-hq-share-2020 › value: the quote "6.9%" does not hold 5.9',
    ]);
  });
});

describe("the chart font", () => {
  it("covers every character a chart may draw (regenerate the subset when this fails: README › Charts)", () => {
    const font = readFileSync(CHART_FONT_FILE);
    const covered = cmapOf(font);
    const missing = [...chartCharacters(kb)].filter((c) => !covered.has(c.codePointAt(0) ?? 0));
    expect(missing).toEqual([]);
    expect(font.length).toBeLessThan(300_000);
  });
});

describe("rendering", () => {
  it("draws each chart once as a PNG and reuses it", () => {
    const first = cache.get({ type: "status" }, "en");
    expect(first?.png.subarray(1, 4).toString()).toBe("PNG");
    expect(cache.get({ type: "status" }, "en")).toBe(first);
    expect(cache.get({ type: "sector", sectorId: "quantum" })).toBeNull();
    const started = performance.now();
    cache.get({ type: "status" }, "en");
    expect(performance.now() - started).toBeLessThan(5);
  });
});

/** The code points a TrueType font maps (its format 4 or 12 cmap subtable). */
function cmapOf(font: Buffer): Set<number> {
  const tables = font.readUInt16BE(4);
  let cmap = 0;
  for (let i = 0; i < tables; i++) {
    const at = 12 + i * 16;
    if (font.toString("latin1", at, at + 4) === "cmap") cmap = font.readUInt32BE(at + 8);
  }
  const out = new Set<number>();
  const subtables = font.readUInt16BE(cmap + 2);
  for (let i = 0; i < subtables; i++) {
    const offset = cmap + font.readUInt32BE(cmap + 4 + i * 8 + 4);
    const format = font.readUInt16BE(offset);
    if (format === 4) {
      const segments = font.readUInt16BE(offset + 6) / 2;
      const ends = offset + 14;
      const starts = ends + segments * 2 + 2;
      for (let s = 0; s < segments; s++) {
        const end = font.readUInt16BE(ends + s * 2);
        for (let c = font.readUInt16BE(starts + s * 2); c <= end && c !== 0xffff; c++) out.add(c);
      }
    } else if (format === 12) {
      const groups = font.readUInt32BE(offset + 12);
      for (let g = 0; g < groups; g++) {
        const at = offset + 16 + g * 12;
        for (let c = font.readUInt32BE(at); c <= font.readUInt32BE(at + 4); c++) out.add(c);
      }
    }
  }
  return out;
}
