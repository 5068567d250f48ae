import type { KnowledgeBase } from "../knowledge/load.ts";
import type { Fact } from "../knowledge/schema.ts";
import type { Answer } from "../search/index.ts";
import { citeFacts, type Reply, type ReplyAction, STATUS_LABEL } from "./reply.ts";

/** Facts shown at once for a question; the rest sit behind "More". */
export const ASK_FACTS_SHOWN = 3;
/** At most this many further facts travel in the "More" button (its id has room for them). */
export const ASK_MORE_FACTS = 6;

/**
 * The answer to a question: the question as the title, the best facts each with its sector's name and
 * status, and a "More" button carrying the next facts. A miss becomes a private "did you mean".
 */
export function buildAskReply(kb: KnowledgeBase, answer: Answer): Reply {
  if (!answer.results.length) return buildNoMatchReply(answer);
  const shown = answer.results.slice(0, ASK_FACTS_SHOWN).map((r) => r.fact);
  const rest = answer.results.slice(ASK_FACTS_SHOWN, ASK_FACTS_SHOWN + ASK_MORE_FACTS).map((r) => r.fact);
  // The calibrated probability that the first fact answers the question (see MATCH_MEANING).
  const best = answer.results[0]?.confidence ?? 0;
  const actions: ReplyAction[] = [];
  if (rest.length)
    actions.push({
      label: `More (${rest.length})`,
      action: { type: "facts", factIds: rest.map((f) => f.id) },
      primary: true,
    });
  for (const sector of answer.namedSectors.slice(0, 2)) {
    actions.push({ label: sector.name, action: { type: "sector", sectorId: sector.id } });
  }
  return {
    ...buildFactsReply(kb, answer.query, shown),
    titleIsUserText: true,
    footer: `Match ${Math.round(best * 100)}% · H = high confidence, M = medium (attributed to its source)`,
    actions,
    audience: "channel",
  };
}

/** A list of facts with their sector context and numbered sources (used for "More" pages too). */
export function buildFactsReply(kb: KnowledgeBase, title: string, facts: readonly Fact[]): Reply {
  const { facts: cited, citations } = citeFacts(kb, facts, true);
  return {
    title,
    fields: [],
    facts: cited,
    citations,
    footer: "H = high confidence, M = medium (attributed to its source)",
    actions: [],
    audience: "asker",
  };
}

/** No fact passed the cut-off: say so, and offer sectors, topics and example questions instead. */
export function buildNoMatchReply(answer: Answer): Reply {
  const { sectors, topics, questions } = answer.suggestions;
  const lines = [
    "I don't have a sourced answer to that, so I won't guess. The fact base covers Made in China 2025: its goals, the sectors, what it achieved, where China still depends on others, its costs, and the world's response.",
  ];
  const fields = [];
  if (sectors.length)
    fields.push({
      name: "Did you mean a sector?",
      value: sectors.map((s) => `${s.name} (${STATUS_LABEL[s.status]})`).join("\n"),
    });
  if (topics.length) fields.push({ name: "Topics", value: topics.map((t) => t.name).join(", ") });
  if (questions.length) fields.push({ name: "Try asking", value: questions.map((q) => `• ${q}`).join("\n") });
  return {
    title: answer.query.trim() || "Empty question",
    titleIsUserText: true,
    summary: lines.join(" "),
    fields,
    facts: [],
    citations: [],
    actions: sectors.map((s) => ({ label: s.name, action: { type: "sector", sectorId: s.id } })),
    audience: "asker",
    miss: true,
  };
}
