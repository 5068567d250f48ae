/**
 * Prints every character chart labels can use: printable ASCII and Latin-1, the punctuation charts draw,
 * and every Chinese character of the sector names and the zh-CN and zh-TW chart and status strings. The font in
 * assets/fonts is Noto Sans SC subset to these (README › Charts › font); tests/charts check it covers them.
 */
import { chartCharacters } from "../src/charts/font.ts";
import { loadKnowledgeOrThrow } from "../src/knowledge/load.ts";

process.stdout.write(chartCharacters(loadKnowledgeOrThrow()));
