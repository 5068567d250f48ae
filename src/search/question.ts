import Fuse from "fuse.js";
import type { KnowledgeBase } from "../knowledge/load.ts";
import type { Fact, Sector, SectorId, Topic } from "../knowledge/schema.ts";
import { hasHan, normalizeText, tokenize } from "./normalize.ts";
import { editDistance, type SectorResolver, typoAllowance } from "./sector-resolver.ts";
import { isStopWord } from "./stopwords.ts";

/** A fact that answers a question, with a relevance score from 0 to 1 (higher is better). */
export interface RankedFact {
  fact: Fact;
  score: number;
  /** The sectors the fact concerns (name and status come with them). */
  sectors: Sector[];
}

/** What `answer` returns. A miss is a value too: no results, and suggestions of where to look instead. */
export interface Answer {
  query: string;
  results: RankedFact[];
  /** Sectors and topics the question named, used for the boost and shown to the user. */
  namedSectors: Sector[];
  namedTopics: Topic[];
  /** Filled when nothing passed the cut-off. */
  suggestions: { sectors: Sector[]; topics: Topic[]; questions: string[] };
}

export interface AnswerOptions {
  limit?: number;
}

/** Example questions offered after a miss: phrased as a newcomer would ask, each answerable from the facts. */
export const EXAMPLE_QUESTIONS = [
  "Which industries does China still depend on other countries for?",
  "Where does China lead the world?",
  "What did the plan cost?",
  "How did the US respond to Made in China 2025?",
  "What is Made in China 2.0?",
  "What were the targets for 2025?",
] as const;

// Field weights: a reader's words (keywords) and the sector's own names say more than a passing word in
// the text. A word found in several fields of a fact adds up, so "smic" ranks the fact that names SMIC
// (text + sector alias) above the other semiconductor facts (sector alias only).
const FIELD_WEIGHT = { keywords: 2, sector: 1.2, topic: 1, text: 1 } as const;
type Field = keyof typeof FIELD_WEIGHT;

const SYNONYM_WEIGHT = 0.6;
const FUZZY_WEIGHT = 0.9;
/** Fuzzy matching only for words this long: shorter ones are abbreviations, and typos in them are guesses. */
const FUZZY_MIN_LENGTH = 4;
const FUZZY_THRESHOLD = 0.3;
/** Weight of a word the fact base does not know: it counts against coverage, but less than a known word. */
const UNKNOWN_WORD_WEIGHT = 3;
/** A bare number ("2022") says little on its own: it counts at this share of its weight. */
const NUMBER_WEIGHT = 0.5;
/** A word found in every field of a fact counts at most this many times its weight. */
const FIELD_CAP = 2.5;
const SECTOR_BOOST = 1.5;
const TOPIC_BOOST = 1.25;
/** The best fact must match this share of the question's weight, or the answer is "no good match". */
const MIN_COVERAGE = 0.4;
/** Results scoring below this share of the best one are dropped: they are noise next to it. */
const RELATIVE_CUTOFF = 0.35;
const DEFAULT_LIMIT = 5;
const MAX_QUESTION_LENGTH = 1000;
const PLAN_NAME = /made in china|mic ?2025|中国制造/;

/** One word of the question with the index terms it may stand for (itself, a typo fix, synonyms). */
interface QuerySlot {
  word: string;
  variants: { term: string; weight: number }[];
}

export interface QuestionAnswerer {
  answer(question: string, options?: AnswerOptions): Answer;
}

/**
 * Builds the question index once.
 *
 * Scoring, in short. Each fact's words are indexed by field (keywords, its sectors' names and aliases, its
 * topics' names and aliases, its text), stemmed, stop words out; Chinese terms are indexed whole, and so is
 * each multi-word synonym ("state aid"). A question is cut into slots, one per meaningful word or known
 * phrase (Chinese terms found by scanning for known terms, longest first). A slot's variants are the word
 * itself, if the index knows it, else Fuse.js's closest vocabulary words within the word's typo allowance;
 * plus the synonyms of either from `knowledge/synonyms.json`, at reduced weight. For each fact a slot
 * contributes its best variant: variant weight × idf(term) × the fact's field weights for the term (summed,
 * capped at `FIELD_CAP`). Facts of a sector or topic the question names are boosted. Coverage is the share
 * of the question's slot weight (idf; unknown words count too) that a fact matched, each slot counted by how
 * surely its matching variant stands for the word; unless one of the best ten facts covers `MIN_COVERAGE`,
 * the answer is a miss with suggestions. The reported score is the fact's raw score over the best raw score,
 * times the best coverage: 1 means every word of the question matched the top fact.
 */
export function createQuestionAnswerer(kb: KnowledgeBase, sectors: SectorResolver): QuestionAnswerer {
  const postings = new Map<string, Map<string, number>>();
  const hanTerms = new Set<string>();

  /** Adds a field's words to the index, each once however often it repeats there. */
  function addTerms(factId: string, text: string, field: Field) {
    for (const term of new Set(tokenize(text))) {
      if (isStopWord(term)) continue;
      if (hasHan(term)) hanTerms.add(term);
      let posting = postings.get(term);
      if (!posting) {
        posting = new Map();
        postings.set(term, posting);
      }
      posting.set(factId, (posting.get(factId) ?? 0) + FIELD_WEIGHT[field]);
    }
  }

  for (const fact of kb.facts) {
    const fields: [Field, string][] = [
      ["text", fact.text],
      ["keywords", fact.keywords.join(" ")],
      ...fact.sectors.map((id): [Field, string] => {
        const sector = kb.sectorById.get(id);
        return [
          "sector",
          sector ? [sector.name, sector.id, sector.chineseName, ...sector.aliases].join(" ") : "",
        ];
      }),
      ...fact.topics.map((id): [Field, string] => {
        const topic = kb.topicById.get(id);
        return ["topic", topic ? [topic.name, ...topic.aliases].join(" ") : ""];
      }),
    ];
    for (const [field, text] of fields) addTerms(fact.id, text, field);
  }
  for (const sector of kb.sectors)
    for (const label of [sector.chineseName, ...sector.aliases])
      if (hasHan(label)) hanTerms.add(normalizeText(label));
  for (const topic of kb.topics)
    for (const label of topic.aliases) if (hasHan(label)) hanTerms.add(normalizeText(label));

  const factCount = kb.facts.length;
  const idf = (term: string) => Math.log(1 + factCount / (postings.get(term)?.size ?? factCount));
  // Fuse.js over the vocabulary finds near words for a typo. A proposal only counts within a word's typo
  // allowance (at most two edits), so only words within two letters of its length can qualify: one Fuse
  // index per word length lets a look-up search just those, with the same result, several times faster.
  const wordsByLength = new Map<number, string[]>();
  for (const term of postings.keys()) {
    if (term.length < 3 || hasHan(term)) continue;
    wordsByLength.set(term.length, [...(wordsByLength.get(term.length) ?? []), term]);
  }
  const fuseByLength = new Map<number, Fuse<string>>();
  for (const [length, words] of wordsByLength) {
    fuseByLength.set(
      length,
      new Fuse(words, { includeScore: true, threshold: FUZZY_THRESHOLD, ignoreLocation: true }),
    );
  }
  const hanByLength = [...hanTerms].sort((a, b) => b.length - a.length);

  // Synonyms: each word or phrase of a group finds the other members' words.
  const synonymsOf = new Map<string, Set<string>>();
  const synonymPhrases: string[][] = [];
  for (const group of kb.synonyms) {
    const members = group.words.map((w) => tokenize(w).filter((t) => !isStopWord(t)));
    for (const member of members) {
      if (member.length > 1) synonymPhrases.push(member);
      const key = member.join(" ");
      const set = synonymsOf.get(key) ?? new Set<string>();
      for (const other of members) if (other !== member) for (const t of other) set.add(t);
      synonymsOf.set(key, set);
    }
  }

  // Each multi-word synonym ("self sufficiency") is also indexed whole: the facts that hold every word.
  for (const phrase of synonymPhrases) {
    const [first, ...others] = phrase.map((part) => postings.get(part));
    if (!first || others.some((p) => !p)) continue;
    const whole = new Map<string, number>();
    for (const [factId, weight] of first) {
      const all = others.map((p) => p?.get(factId));
      if (all.every((w) => w !== undefined)) whole.set(factId, Math.min(weight, ...(all as number[])));
    }
    if (whole.size) postings.set(phrase.join(" "), whole);
  }

  const topicKeys = kb.topics.map((topic) => ({
    topic,
    phrases: [topic.name, topic.id.replaceAll("-", " "), ...topic.aliases].map((l) => tokenize(l).join(" ")),
  }));

  function closestTerms(word: string): { term: string; weight: number }[] {
    const allowance = typoAllowance(word.length);
    if (word.length < FUZZY_MIN_LENGTH || !allowance) return [];
    const proposals = [];
    for (let length = word.length - allowance; length <= word.length + allowance; length++) {
      proposals.push(...(fuseByLength.get(length)?.search(word, { limit: 3 }) ?? []));
    }
    return (
      proposals
        .sort((x, y) => (x.score ?? 1) - (y.score ?? 1))
        .slice(0, 3)
        // Fuse proposes; a proposal counts only within the typos a word of this length may carry.
        .filter((r) => editDistance(word, r.item, allowance) <= allowance)
        .map((r) => ({ term: r.item, weight: FUZZY_WEIGHT * (1 - (r.score ?? 1) / 2) }))
    );
  }

  function slotsOf(question: string): QuerySlot[] {
    // "IT" in capitals is information technology, not the pronoun that normalising would make of it.
    let text = normalizeText(question.replace(/\bIT\b/g, "information technology"));
    const slots: QuerySlot[] = [];
    for (const term of hanByLength) {
      if (!text.includes(term)) continue;
      text = text.replaceAll(term, " ");
      slots.push({ word: term, variants: postings.has(term) ? [{ term, weight: 1 }] : [] });
    }
    const words = tokenize(text).filter((w) => !isStopWord(w) && !hasHan(w));
    const joined = ` ${words.join(" ")} `;
    // Multi-word synonyms ("state aid") become one slot.
    for (const phrase of synonymPhrases) {
      const key = phrase.join(" ");
      if (!joined.includes(` ${key} `)) continue;
      const variants = [...(synonymsOf.get(key) ?? [])].map((term) => ({ term, weight: SYNONYM_WEIGHT }));
      // A fact holding the whole phrase matches in full; one holding a part, in part.
      if (postings.has(key)) variants.push({ term: key, weight: 1 });
      for (const part of phrase) {
        const index = words.indexOf(part);
        if (index >= 0) words.splice(index, 1);
        if (postings.has(part)) variants.push({ term: part, weight: 1 / phrase.length });
      }
      slots.push({ word: key, variants });
    }
    for (const word of new Set(words)) {
      const variants = postings.has(word) ? [{ term: word, weight: 1 }] : closestTerms(word);
      const seen = new Set(variants.map((v) => v.term));
      for (const base of [word, ...variants.map((v) => v.term)]) {
        for (const synonym of synonymsOf.get(base) ?? []) {
          if (!postings.has(synonym) || seen.has(synonym)) continue;
          seen.add(synonym);
          variants.push({ term: synonym, weight: SYNONYM_WEIGHT });
        }
      }
      slots.push({ word, variants });
    }
    return slots;
  }

  /** Topics named by a phrase of the question, or by a word as corrected for typos ("standrads"). */
  function topicsNamedIn(question: string, slots: readonly QuerySlot[]): Topic[] {
    const corrected = slots.map(
      (slot) => slot.variants.find((v) => v.weight >= FUZZY_WEIGHT / 2)?.term ?? slot.word,
    );
    const joined = ` ${[...tokenize(question), ...corrected].join(" ")} `;
    return topicKeys
      .filter(({ phrases }) => phrases.some((p) => p && joined.includes(` ${p} `)))
      .map((t) => t.topic);
  }

  function suggestionsFor(namedSectors: Sector[], namedTopics: Topic[]) {
    // The sectors the question names (typos included) are the likeliest "did you mean"; a fuzzy look-up
    // per word would cost more than the answer itself.
    const sectorSuggestions = namedSectors.slice(0, 3);
    const topicSuggestions = namedTopics.length ? namedTopics.slice(0, 3) : kb.topics.slice(0, 3);
    return { sectors: sectorSuggestions, topics: topicSuggestions, questions: EXAMPLE_QUESTIONS.slice(0, 3) };
  }

  function answer(input: string, options: AnswerOptions = {}): Answer {
    const limit = options.limit ?? DEFAULT_LIMIT;
    // Questions are short (Discord caps them at 300); the rest of a pasted wall of text is ignored.
    const question = input.slice(0, MAX_QUESTION_LENGTH);
    const namedSectors = sectors.sectorsNamedIn(question, { typos: true });
    const slots = slotsOf(question);
    const namedTopics = topicsNamedIn(question, slots);
    const slotWeight = (slot: QuerySlot) =>
      (slot.variants.length ? Math.max(...slot.variants.map((v) => idf(v.term))) : UNKNOWN_WORD_WEIGHT) *
      (/^\d+$/.test(slot.word) ? NUMBER_WEIGHT : 1);
    const totalWeight = slots.reduce((sum, slot) => sum + slotWeight(slot), 0);
    if (slots.every((slot) => !slot.variants.length) && PLAN_NAME.test(normalizeText(question))) {
      // Nothing but the plan's name ("what is made in china 2025"): the question is the plan itself.
      return answer("when was the plan issued state council three steps", options);
    }

    const raw = new Map<string, number>();
    const covered = new Map<string, number>();
    for (const slot of slots) {
      // Per fact: the slot's best value, and how surely a matched variant stands for the word (for coverage).
      const best = new Map<string, { value: number; sureness: number }>();
      for (const { term, weight } of slot.variants) {
        const termWeight = weight * idf(term) * (/^\d+$/.test(term) ? NUMBER_WEIGHT : 1);
        for (const [factId, fieldWeight] of postings.get(term) ?? []) {
          const value = termWeight * Math.min(fieldWeight, FIELD_CAP);
          const current = best.get(factId);
          // The value is the best variant's; the sureness is the surest variant's, whichever scored more.
          best.set(factId, {
            value: Math.max(value, current?.value ?? 0),
            sureness: Math.max(weight, current?.sureness ?? 0),
          });
        }
      }
      const weight = slotWeight(slot);
      for (const [factId, { value, sureness }] of best) {
        raw.set(factId, (raw.get(factId) ?? 0) + value);
        covered.set(factId, (covered.get(factId) ?? 0) + weight * Math.min(1, sureness));
      }
    }

    const namedSectorIds = new Set<SectorId>(namedSectors.map((s) => s.id));
    const namedTopicIds = new Set(namedTopics.map((t) => t.id));
    const boosted = [...raw].map(([factId, value]) => {
      const fact = kb.factById.get(factId) as Fact;
      let score = value;
      if (fact.sectors.some((id) => namedSectorIds.has(id))) score *= SECTOR_BOOST;
      if (fact.topics.some((id) => namedTopicIds.has(id))) score *= TOPIC_BOOST;
      return { fact, score, coverage: totalWeight ? (covered.get(factId) ?? 0) / totalWeight : 0 };
    });
    // Ties break on coverage, then on file order, so the same question always gives the same answer.
    boosted.sort((a, b) => b.score - a.score || b.coverage - a.coverage);

    const top = boosted[0];
    const bestCoverage = Math.max(0, ...boosted.slice(0, 10).map((b) => b.coverage));
    if (!top || bestCoverage < MIN_COVERAGE) {
      return {
        query: question,
        results: [],
        namedSectors,
        namedTopics,
        suggestions: suggestionsFor(namedSectors, namedTopics),
      };
    }
    const results = boosted
      .filter((r) => r.score >= top.score * RELATIVE_CUTOFF)
      .slice(0, limit)
      .map((r) => ({
        fact: r.fact,
        score: Math.round((r.score / top.score) * Math.min(1, bestCoverage) * 1000) / 1000,
        sectors: r.fact.sectors
          .map((id) => kb.sectorById.get(id))
          .filter((s): s is Sector => s !== undefined),
      }));
    return {
      query: question,
      results,
      namedSectors,
      namedTopics,
      suggestions: { sectors: [], topics: [], questions: [] },
    };
  }

  return { answer };
}
