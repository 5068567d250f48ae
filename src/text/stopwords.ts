import { stem } from "./normalize.ts";

// English function words and fillers: they say nothing about which fact is wanted. Words of this project's
// domain that every fact shares ("china", "made") are data, in knowledge/lexicon.json, not here.
const WORDS = `a about above again against all also am an and any are as at be because been before being
below between both but by can could did do does doing done during each either else ever every few for from
further get gets got had has have having he her here hers him his how i if in into is it its itself just
know let like many me more most much my no nor not now of off on once only or other others our out over own
please really same say says she should show so some such tell than that the their them then there these
they thing things this those through to too under until up us very was way we well were what whats when
where which while who whom why will with would you your yours
good bad mean meaning means happen happened happens talk talking think kind sort lot lots actually exactly
currently today anything something everything someone everyone everybody anybody somebody explain describe
give list learn`;

/** The English stop words, each in its plain and its stemmed form. */
export const ENGLISH_STOP_WORDS: ReadonlySet<string> = new Set(
  WORDS.split(/\s+/).flatMap((w) => [w, stem(w)]),
);

/** The English stop words plus `extra` (normalised, stemmed words, e.g. a domain's ever-present words). */
export function stopWordSet(extra: Iterable<string> = []): ReadonlySet<string> {
  const set = new Set(ENGLISH_STOP_WORDS);
  for (const word of extra) set.add(word);
  return set;
}
