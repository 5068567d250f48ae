import { EN, sectorName, type Translate } from "../i18n/index.ts";
import type { KnowledgeBase } from "../knowledge/load.ts";
import type { Fact } from "../knowledge/schema.ts";
import type { Answer } from "../search/index.ts";
import { citeFacts, type Reply, type ReplyAction, statusLabel } from "./reply.ts";

/** Facts shown at once for a question; the rest sit behind "More". */
export const ASK_FACTS_SHOWN = 3;
/** At most this many further facts travel in the "More" button (its id has room for them). */
export const ASK_MORE_FACTS = 6;

/**
 * The answer to a question: the question as the title, the best facts each with its sector's name and
 * status, and a "More" button carrying the next facts. A miss becomes a private "did you mean".
 */
export function buildAskReply(kb: KnowledgeBase, answer: Answer, t: Translate = EN): Reply {
  if (!answer.results.length) return buildNoMatchReply(answer, t);
  const shown = answer.results.slice(0, ASK_FACTS_SHOWN).map((r) => r.fact);
  const rest = answer.results.slice(ASK_FACTS_SHOWN, ASK_FACTS_SHOWN + ASK_MORE_FACTS).map((r) => r.fact);
  // The calibrated probability that the first fact answers the question (see MATCH_MEANING).
  const best = answer.results[0]?.confidence ?? 0;
  const actions: ReplyAction[] = [];
  if (rest.length)
    actions.push({
      label: t("ask.more", { count: rest.length }),
      action: { type: "facts", factIds: rest.map((f) => f.id) },
      primary: true,
    });
  for (const sector of answer.namedSectors.slice(0, 2)) {
    actions.push({ label: sectorName(sector, t), action: { type: "sector", sectorId: sector.id } });
  }
  return {
    ...buildFactsReply(kb, answer.query, shown, t),
    titleIsUserText: true,
    footer: t("ask.footer", { percent: Math.round(best * 100) }),
    actions,
    audience: "channel",
  };
}

/** A list of facts with their sector context and numbered sources (used for "More" pages too). */
export function buildFactsReply(
  kb: KnowledgeBase,
  title: string,
  facts: readonly Fact[],
  t: Translate = EN,
): Reply {
  const { facts: cited, citations } = citeFacts(kb, facts, true);
  return {
    title,
    fields: [],
    facts: cited,
    citations,
    footer: t("ask.legend"),
    actions: [],
    audience: "asker",
  };
}

/** No fact passed the cut-off: say so, and offer sectors, topics and example questions instead. */
export function buildNoMatchReply(answer: Answer, t: Translate = EN): Reply {
  const { sectors, topics, questions } = answer.suggestions;
  const lines = [t("ask.noMatch")];
  const fields = [];
  if (sectors.length)
    fields.push({
      name: t("ask.didYouMean"),
      value: sectors.map((s) => `${sectorName(s, t)} (${statusLabel(s.status, t)})`).join("\n"),
    });
  if (topics.length)
    fields.push({ name: t("ask.topics"), value: topics.map((topic) => topic.name).join(", ") });
  if (questions.length)
    fields.push({ name: t("ask.tryAsking"), value: questions.map((q) => `• ${q}`).join("\n") });
  return {
    title: answer.query.trim() || "Empty question",
    titleIsUserText: true,
    summary: lines.join(" "),
    fields,
    facts: [],
    citations: [],
    actions: sectors.map((s) => ({ label: sectorName(s, t), action: { type: "sector", sectorId: s.id } })),
    audience: "asker",
    miss: true,
  };
}
