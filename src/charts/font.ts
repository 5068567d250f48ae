import { fileURLToPath } from "node:url";
import { STRINGS } from "../i18n/index.ts";
import type { KnowledgeBase } from "../knowledge/model.ts";

/** The one font charts draw with: Noto Sans SC regular, subset to `chartCharacters` (about 0.1 MB). */
export const CHART_FONT_FILE = fileURLToPath(
  new URL("../../assets/fonts/NotoSansSC-Regular-subset.ttf", import.meta.url),
);
export const CHART_FONT_FAMILY = "Noto Sans SC Chart";

const LATIN = Array.from({ length: 0x7e - 0x20 + 1 }, (_, i) => String.fromCharCode(0x20 + i)).join("");
const LATIN_1 = Array.from({ length: 0xff - 0xa0 + 1 }, (_, i) => String.fromCharCode(0xa0 + i)).join("");
const PUNCTUATION = "–—‘’“”…·•≈≥≤→×％（）：，。、《》？！；";

/** Every character a chart may draw, sorted and unique. */
export function chartCharacters(kb: KnowledgeBase): string {
  const text = [
    LATIN,
    LATIN_1,
    PUNCTUATION,
    ...kb.sectors.map((s) => s.chineseName),
    ...(["zh-CN", "zh-TW"] as const).flatMap((lang) =>
      Object.entries(STRINGS[lang])
        .filter(([key]) => key.startsWith("chart.") || key.startsWith("status."))
        .map(([, text]) => text),
    ),
  ].join("");
  return [...new Set(text)].sort().join("");
}
