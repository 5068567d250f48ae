import { stem } from "./normalize.ts";

// Question words, fillers, and words nearly every fact shares ("china", "made"): they carry no signal
// about which fact answers a question, and left in they would dilute the coverage measure.
const WORDS = `a about above again against all also am an and any are as at be because been before being
below between both but by can could did do does doing done during each either else ever every few for from
further get gets got had has have having he her here hers him his how i if in into is it its itself just
know let like me more most much my no nor not now of off on once only or other others our out over own
please really same say says she should show so some such tell than that the their them then there these
they thing things this those through to too under until up us very was way we well were what whats when
where which while who whom why will with would you your yours
good bad mean meaning means happen happened happens talk talking think kind sort lot lots actually exactly
currently today anything something everything someone explain describe give list learn
china chinese china's prc beijing made mic mic2025 2025 plan policy`;

const STOP_WORDS = new Set(WORDS.split(/\s+/).flatMap((w) => [w, stem(w)]));

/** True for words that say nothing about which fact is wanted. Expects a normalised, stemmed word. */
export function isStopWord(word: string): boolean {
  return STOP_WORDS.has(word);
}
