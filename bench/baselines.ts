import Fuse from "fuse.js";
import MiniSearch from "minisearch";
import type { KnowledgeBase } from "../src/knowledge/load.ts";
import { buildFactIndex, PLAN_TERM } from "../src/search/fact-index.ts";
import { compileLexicon } from "../src/search/lexicon.ts";
import { buildSectorIndex, sectorsNamedIn } from "../src/search/sector-resolver.ts";
import { readText, subjectTerms } from "../src/search/text-analysis.ts";
import { typoAllowance } from "../src/text/fuzzy.ts";
import { normalizeText, tokenize } from "../src/text/normalize.ts";

/** What the bench asks of every engine: fact ids best first (empty = declined), and a sector look-up. */
export interface Engine {
  name: string;
  top(question: string): string[];
  resolve(query: string): { sector: string | null; suggestions: string[] };
}

/**
 * MiniSearch set up as a competent developer would, with this project's pieces: its normalisation,
 * stemming, stop words and plan-name handling as the tokenizer; single-word synonyms added to the query at
 * reduced weight; field boosts as ours; fuzzy within the same typo allowance (MiniSearch measures plain
 * Levenshtein) and prefix search for words of four letters or more; a boost for facts of a named sector;
 * and a decline when the best fact matches less than `minCoverage` of the question's words.
 */
export function miniSearchEngine(
  kb: KnowledgeBase,
  minCoverage: number,
): Engine & { coverageOf(q: string): number } {
  const lexicon = compileLexicon(kb.lexicon);
  const synonyms = buildFactIndex(kb, lexicon).synonyms;
  const sectors = buildSectorIndex(kb, lexicon, synonyms);
  const indexTerms = (text: string) => {
    const read = readText(text, lexicon, false);
    return [...subjectTerms(read.words, lexicon), ...(read.planNamed ? [PLAN_TERM] : [])];
  };
  const mini = new MiniSearch({
    fields: ["text", "keywords", "questions", "sector", "topic"],
    storeFields: ["sectors"],
    tokenize: indexTerms,
    processTerm: (t) => t,
    searchOptions: {
      boost: { keywords: 2, questions: 1.6, sector: 1.2 },
      fuzzy: (t) => typoAllowance(t.length) || false,
      prefix: (t) => t.length >= 4,
      weights: { fuzzy: 0.85, prefix: 0.4 },
      tokenize: (t) => t.split(" ").filter(Boolean),
    },
  });
  mini.addAll(
    kb.facts.map((f) => ({
      id: f.id,
      text: f.text,
      keywords: f.keywords.join(" ; "),
      questions: f.questions.join(" ; "),
      sector: f.sectors
        .flatMap((id) => {
          const s = kb.sectorById.get(id);
          return s ? [s.name, s.chineseName, ...s.aliases] : [];
        })
        .join(" ; "),
      topic: f.topics
        .flatMap((id) => {
          const t = kb.topicById.get(id);
          return t ? [t.name, ...t.aliases] : [];
        })
        .join(" ; "),
      sectors: f.sectors,
    })),
  );
  const search = (q: string) => {
    const read = readText(q, lexicon, true);
    const own = [...new Set(subjectTerms(read.words, lexicon))];
    if (read.planNamed && !own.length) own.push(PLAN_TERM);
    const boost = new Map<string, number>(own.map((t) => [t, 1]));
    const origin = new Map<string, string>(own.map((t) => [t, t]));
    for (const t of own) {
      for (const s of synonyms.get(t) ?? []) {
        if (s.includes(" ") || boost.has(s)) continue;
        boost.set(s, 0.6);
        origin.set(s, t);
      }
    }
    const named = new Set(sectorsNamedIn(sectors, q, { typos: true }));
    const results = mini.search([...boost.keys()].join(" "), {
      boostTerm: (term) => boost.get(term) ?? 1,
      boostDocument: (_id, _term, stored) =>
        (stored?.sectors as string[] | undefined)?.some((s) => named.has(s as never)) ? 1.5 : 1,
    });
    return { results, own, origin };
  };
  const coverageOf = (q: string) => {
    const { results, own, origin } = search(q);
    const first = results[0];
    if (!first || !own.length) return 0;
    const matched = new Set(first.queryTerms.map((t) => origin.get(t) ?? t));
    return own.filter((t) => matched.has(t)).length / own.length;
  };
  const labels = new MiniSearch({
    fields: ["label"],
    storeFields: ["sector"],
    tokenize: (t) => tokenize(t),
    processTerm: (t) => t,
    searchOptions: { fuzzy: (t) => typoAllowance(t.length) || false, prefix: true },
  });
  labels.addAll(
    kb.sectors.flatMap((s, i) =>
      [s.name, s.id, s.chineseName, ...s.aliases].map((label, j) => ({
        id: `${i}-${j}`,
        label,
        sector: s.id,
      })),
    ),
  );
  return {
    name: "MiniSearch (configured)",
    coverageOf,
    top: (q) =>
      coverageOf(q) < minCoverage
        ? []
        : search(q)
            .results.slice(0, 5)
            .map((r) => String(r.id)),
    resolve: (q) => {
      const found = [...new Set(labels.search(normalizeText(q)).map((r) => r.sector as string))];
      return { sector: found[0] ?? null, suggestions: found.slice(1, 4) };
    },
  };
}

/** Fuse.js with its defaults over the fact texts and the sector names: what a first try looks like. */
export function naiveFuseEngine(kb: KnowledgeBase): Engine {
  const facts = new Fuse(kb.facts, { keys: ["text"] });
  const sectors = new Fuse(kb.sectors, { keys: ["name", "aliases"] });
  return {
    name: "naive Fuse.js (defaults)",
    top: (q) => facts.search(q, { limit: 5 }).map((r) => r.item.id),
    resolve: (q) => ({ sector: sectors.search(q)[0]?.item.id ?? null, suggestions: [] }),
  };
}
