/**
 * Text normalisation shared by the knowledge checks, the sector resolver and question answering, so that
 * "High-Speed Rail", "high speed rail" and "ＨＩＧＨ－ＳＰＥＥＤ rails" all meet at the same key.
 */

const COMBINING_MARKS = /\p{M}+/gu;
// Anything that is not a letter or digit separates words; CJK characters are letters, so they survive.
const NON_WORD = /[^\p{L}\p{N}]+/gu;
const HAN = /\p{Script=Han}/u;

/** NFKC, lower case, accents dropped, punctuation and hyphens turned into single spaces. */
export function normalizeText(input: string): string {
  return input
    .normalize("NFKC")
    .toLowerCase()
    .normalize("NFD")
    .replace(COMBINING_MARKS, "")
    .normalize("NFC")
    .replace(NON_WORD, " ")
    .trim();
}

/** True when the text holds a Chinese character. */
export function hasHan(text: string): boolean {
  return HAN.test(text);
}

/**
 * Light English stemming: enough to meet plurals and common verb forms ("chips" → "chip",
 * "batteries" → "battery", "subsidies" → "subsidy", "relying" → "rely"), never so aggressive that two
 * different sector words collapse. Chinese and short words pass unchanged.
 */
export function stem(word: string): string {
  if (word.length <= 3 || hasHan(word) || /\d/.test(word)) {
    // "evs", "ics", "nevs": short abbreviations still lose their plural s.
    return word.length === 3 && word.endsWith("s") && !/[su]s$/.test(word) && !/\d/.test(word)
      ? word.slice(0, 2)
      : word;
  }
  if (word.endsWith("ies") && word.length > 4) return `${word.slice(0, -3)}y`;
  if (/(?:ss|us|is|ics)$/.test(word)) return word;
  if (/(?:ches|shes|xes|sses)$/.test(word)) return word.slice(0, -2);
  if (word.endsWith("s")) return word.slice(0, -1);
  if (word.endsWith("ying") && word.length > 6) return `${word.slice(0, -4)}y`;
  if (word.endsWith("ing") && word.length > 6) return word.slice(0, -3);
  if (word.endsWith("ied") && word.length > 5) return `${word.slice(0, -3)}y`;
  if (word.endsWith("ed") && word.length > 5) return word.slice(0, -2);
  return word;
}

/** Normalised words of a text, each stemmed. Chinese runs stay whole (they are matched as aliases). */
export function tokenize(input: string): string[] {
  const text = normalizeText(input);
  return text ? text.split(" ").map(stem) : [];
}

/**
 * The comparison key of a name or alias: normalised, stemmed, with the spaces removed so that
 * "high-speed rail", "high speed rails" and "highspeed rail" are one key.
 */
export function normalizeKey(input: string): string {
  return tokenize(input).join("");
}
