/**
 * Text normalisation shared by the knowledge checks, the sector resolver and question answering, so that
 * "High-Speed Rail", "high speed rail" and "ＨＩＧＨ－ＳＰＥＥＤ rails" all meet at the same key.
 */

const COMBINING_MARKS = /\p{M}+/gu;
// Anything that is not a letter or digit separates words; CJK characters are letters, so they survive.
const NON_WORD = /[^\p{L}\p{N}]+/gu;
const HAN = /\p{Script=Han}/u;
// A decimal point between digits joins them ("4.0", "2.5"): "Industrie 4.0" is not the words "4" and "0".
const DECIMAL_POINT = /(?<=\d)\.(?=\d)/gu;
const KEEP_FINAL_E = new Set(["plane", "state", "rate", "note", "site", "tone", "hope"]);

/** NFKC, lower case, accents dropped, punctuation and hyphens turned into single spaces. */
export function normalizeText(input: string): string {
  return input
    .normalize("NFKC")
    .toLowerCase()
    .normalize("NFD")
    .replace(COMBINING_MARKS, "")
    .normalize("NFC")
    .replace(DECIMAL_POINT, "d")
    .replace(NON_WORD, " ")
    .trim();
}

// Chat mentions (<@123>, <@!123>, <@&123>, <#123>, @everyone, @here) name people and channels, not a subject.
const MENTION = /<(?:@[!&]?|#)\d+>|@(?:everyone|here)\b/gu;

/** The text without chat mentions, which say who is addressed and nothing about what is asked. */
export function withoutMentions(input: string): string {
  return input.replace(MENTION, " ");
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
  let base = word;
  if (base.endsWith("ies") && base.length > 4) base = `${base.slice(0, -3)}y`;
  else if (/(?:ss|us|is|ics)$/.test(base)) return base;
  else if (/(?:ches|shes|xes|sses)$/.test(base)) base = base.slice(0, -2);
  else if (base.endsWith("s")) base = base.slice(0, -1);
  else if (base.endsWith("ying") && base.length > 6) base = `${base.slice(0, -4)}y`;
  else if (base.endsWith("ing") && base.length > 5) base = base.slice(0, -3);
  else if (base.endsWith("ied") && base.length > 5) base = `${base.slice(0, -3)}y`;
  else if (base.endsWith("ed") && base.length > 5) base = base.slice(0, -2);
  // A final "e" goes too, so "replace", "replaced" and "replacing" meet at "replac"; except where that
  // would make another word ("plane" is not "plan").
  if (base.endsWith("e") && base.length > 4 && !KEEP_FINAL_E.has(base)) base = base.slice(0, -1);
  return base;
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
