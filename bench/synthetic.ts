import type { KnowledgeBase } from "../src/knowledge/load.ts";
import type { Fact } from "../src/knowledge/schema.ts";

/**
 * A fact base `factor` times the size of `kb`: each fact copied with a new id and three made-up words, so
 * the vocabulary grows with the facts as a real collection's would. Sectors, topics and synonyms stay.
 */
export function growKnowledge(kb: KnowledgeBase, factor: number): KnowledgeBase {
  if (factor === 1) return kb;
  let seed = 12345;
  const random = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  const word = () =>
    Array.from({ length: 5 + Math.floor(random() * 5) }, () =>
      String.fromCharCode(97 + Math.floor(random() * 26)),
    ).join("");
  const facts: Fact[] = [];
  for (let copy = 0; copy < factor; copy++) {
    for (const fact of kb.facts) {
      facts.push(
        copy === 0
          ? fact
          : { ...fact, id: `${fact.id}-copy-${copy}`, text: `${fact.text} ${word()} ${word()} ${word()}.` },
      );
    }
  }
  const factsBySector = new Map(kb.sectors.map((s) => [s.id, facts.filter((f) => f.sectors.includes(s.id))]));
  return { ...kb, facts, factById: new Map(facts.map((f) => [f.id, f])), factsBySector };
}
