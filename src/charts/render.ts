import { type Canvas, createCanvas, GlobalFonts, type SKRSContext2D } from "@napi-rs/canvas";
import type { SectorStatus } from "../knowledge/schema.ts";
import type { ChartBar, ChartData, SectorChartData, StatusChartData } from "./data.ts";
import { valueLabel } from "./data.ts";
import { CHART_FONT_FAMILY, CHART_FONT_FILE } from "./font.ts";

/** Status colours, the same as the Discord embeds'. */
const COLOUR: Record<SectorStatus, string> = {
  leading: "#2e7d32",
  strong: "#7cb342",
  mixed: "#f9a825",
  dependent: "#c62828",
  "not-rated": "#9e9e9e",
};
/** Dark text on the light status colours, white on the dark ones. */
const ON_COLOUR: Record<SectorStatus, string> = {
  leading: "#ffffff",
  strong: "#10210a",
  mixed: "#2b1d00",
  dependent: "#ffffff",
  "not-rated": "#1b1b1b",
};
const INK = "#1f2328";
const MUTED = "#59636e";
const GRID = "#d8dee4";
const BACKGROUND = "#ffffff";
const PAD = 28;

let fontReady = false;
function font(size: number): string {
  if (!fontReady) {
    GlobalFonts.registerFromPath(CHART_FONT_FILE, CHART_FONT_FAMILY);
    fontReady = true;
  }
  return `${size}px "${CHART_FONT_FAMILY}"`;
}

/** Draws in two passes: measure with a scratch context to know the height, then draw for real. */
function draw(width: number, paint: (ctx: SKRSContext2D | null) => number): Buffer {
  const scratch = createCanvas(width, 10).getContext("2d");
  const height = Math.ceil(paint(scratchContext(scratch)));
  const canvas: Canvas = createCanvas(width, height);
  const ctx = canvas.getContext("2d");
  ctx.fillStyle = BACKGROUND;
  ctx.fillRect(0, 0, width, height);
  paint(ctx);
  return canvas.toBuffer("image/png");
}

/** The scratch pass measures text but draws nothing. */
function scratchContext(ctx: SKRSContext2D): SKRSContext2D | null {
  measureWith = ctx;
  return null;
}
let measureWith: SKRSContext2D | null = null;
function textWidth(text: string, size: number): number {
  const ctx = measureWith;
  if (!ctx) return text.length * size * 0.6;
  ctx.font = font(size);
  return ctx.measureText(text).width;
}

/** Cuts a text with "…" so that it fits `width` pixels. */
function fitText(value: string, width: number, size: number): string {
  if (textWidth(value, size) <= width) return value;
  let cut = value;
  while (cut.length > 1 && textWidth(`${cut}…`, size) > width) cut = cut.slice(0, -1);
  return `${cut.trimEnd()}…`;
}

function text(ctx: SKRSContext2D | null, value: string, x: number, y: number, size: number, colour = INK) {
  if (!ctx) return;
  ctx.font = font(size);
  ctx.fillStyle = colour;
  ctx.textBaseline = "alphabetic";
  ctx.fillText(value, x, y);
}

function roundRect(ctx: SKRSContext2D, x: number, y: number, w: number, h: number, r: number) {
  ctx.beginPath();
  ctx.roundRect(x, y, w, h, r);
}

/** The 17 sectors as coloured chips, one row of chips per status, with the count of each. */
function renderStatus(data: StatusChartData): Buffer {
  const width = 1000;
  return draw(width, (ctx) => {
    let y = PAD + 26;
    text(ctx, data.title, PAD, y, 26);
    y += 22;
    for (const group of data.groups) {
      y += 30;
      if (ctx) {
        ctx.fillStyle = COLOUR[group.status];
        ctx.beginPath();
        ctx.arc(PAD + 8, y - 7, 8, 0, Math.PI * 2);
        ctx.fill();
      }
      text(ctx, `${group.label} · ${group.sectors.length}`, PAD + 24, y, 20);
      y += 12;
      let x = PAD;
      const chipHeight = 34;
      for (const sector of group.sectors) {
        const w = 24 + textWidth(sector.name, 17) + 8 + textWidth(sector.secondName, 14);
        if (x + w > width - PAD) {
          x = PAD;
          y += chipHeight + 8;
        }
        if (ctx) {
          ctx.fillStyle = COLOUR[group.status];
          roundRect(ctx, x, y, w, chipHeight, 8);
          ctx.fill();
        }
        text(ctx, sector.name, x + 12, y + 23, 17, ON_COLOUR[group.status]);
        text(
          ctx,
          sector.secondName,
          x + 12 + textWidth(sector.name, 17) + 8,
          y + 23,
          14,
          ON_COLOUR[group.status],
        );
        x += w + 8;
      }
      y += chipHeight;
    }
    y += 34;
    text(ctx, data.footer, PAD, y, 13, MUTED);
    return y + PAD - 8;
  });
}

/** How a bar is filled: an actual figure solid, a forecast lighter, a goal hollow. */
function paintBar(ctx: SKRSContext2D, bar: ChartBar, x0: number, x1: number, y: number, h: number) {
  const colour = "#1f6feb";
  roundRect(ctx, x0, y, Math.max(2, x1 - x0), h, 3);
  if (bar.kind === "target") {
    ctx.strokeStyle = colour;
    ctx.lineWidth = 2;
    ctx.setLineDash([6, 4]);
    ctx.stroke();
    ctx.setLineDash([]);
    return;
  }
  ctx.fillStyle = bar.kind === "forecast" ? "#9ec5fe" : colour;
  ctx.fill();
  if (bar.bound === "more-than") {
    // An open end: the true value lies beyond the bar.
    ctx.fillStyle = colour;
    ctx.beginPath();
    ctx.moveTo(x1 + 2, y);
    ctx.lineTo(x1 + 12, y + h / 2);
    ctx.lineTo(x1 + 2, y + h);
    ctx.fill();
  }
}

/** A sector's figures: one horizontal bar panel per measure, 0–100 %, each bar with its source and year. */
function renderSector(data: SectorChartData): Buffer {
  const width = 900;
  const labelWidth = 300;
  const axisX0 = PAD + labelWidth;
  const axisX1 = width - PAD - 90;
  const scale = (v: number) => axisX0 + ((axisX1 - axisX0) * v) / 100;
  return draw(width, (ctx) => {
    let y = PAD + 22;
    text(ctx, data.title, PAD, y, 22);
    for (const panel of data.panels) {
      y += 40;
      text(ctx, `${panel.measure} (${panel.unit})`, PAD, y, 18);
      y += 14;
      const top = y;
      const rowHeight = 46;
      const bottom = top + panel.bars.length * rowHeight;
      if (ctx) {
        for (const tick of [0, 25, 50, 75, 100]) {
          ctx.strokeStyle = GRID;
          ctx.lineWidth = 1;
          ctx.beginPath();
          ctx.moveTo(scale(tick), top);
          ctx.lineTo(scale(tick), bottom);
          ctx.stroke();
          ctx.font = font(12);
          ctx.fillStyle = MUTED;
          const label = `${tick}%`;
          ctx.fillText(label, scale(tick) - textWidth(label, 12) / 2, bottom + 16);
        }
      }
      panel.bars.forEach((bar, i) => {
        const rowY = top + i * rowHeight;
        text(ctx, fitText(bar.label, labelWidth - 12, 15), PAD, rowY + 20, 15);
        text(ctx, fitText(bar.source, labelWidth - 12, 12), PAD, rowY + 37, 12, MUTED);
        if (ctx) paintBar(ctx, bar, scale(bar.low ?? 0), scale(bar.value), rowY + 10, 24);
        const end = scale(bar.value) + (bar.bound === "more-than" ? 18 : 8);
        text(ctx, valueLabel(bar), end, rowY + 28, 15);
      });
      y = bottom + 20;
      const notes = [
        panel.bars.some((b) => b.kind === "forecast") ? "light bar: a forecast" : "",
        panel.bars.some((b) => b.kind === "target") ? "dashed bar: a goal, not a result" : "",
        panel.bars.some((b) => b.bound === "more-than") ? "open end: more than the value shown" : "",
        panel.bars.some((b) => b.low !== undefined) ? "bar from the lowest to the highest rate" : "",
      ].filter(Boolean);
      if (notes.length) {
        y += 18;
        text(ctx, notes.join(" · "), PAD, y, 12, MUTED);
      }
    }
    y += 36;
    text(ctx, data.footer, PAD, y, 12, MUTED);
    return y + PAD - 10;
  });
}

/** A chart as a PNG. */
export function renderChart(data: ChartData): Buffer {
  return data.type === "status" ? renderStatus(data) : renderSector(data);
}
