import { EN, type Translate } from "../i18n/index.ts";
import type { Search } from "../search/index.ts";
import { ASK_FACTS_SHOWN, ASK_MORE_FACTS, buildAskReply } from "./ask.ts";
import type { Reply } from "./reply.ts";
import { MAX_QUESTION_LENGTH, noticeReply } from "./respond.ts";

/** What "Explain this message" reads of a message: its text, the text of its embeds, and what else it holds. */
export interface MessageInput {
  content: string;
  /** Titles, descriptions and field texts of the message's embeds (link previews, bot cards). */
  embedTexts: readonly string[];
  attachments: number;
}

/** The most of a message that is searched: the same length `/ask` takes. */
export const MAX_EXPLAIN_LENGTH = MAX_QUESTION_LENGTH;

/**
 * The words of a message worth searching: links, mentions, custom emoji and code fences removed (a link
 * or a user id says nothing about the plan, and nothing echoed may ping), whitespace collapsed.
 */
export function messageWords(input: MessageInput): string {
  return [input.content, ...input.embedTexts]
    .join("\n")
    .replace(/```[a-z]*\n?/gi, " ")
    .replace(/<a?:(\w+):\d+>/g, "$1")
    .replace(/<(?:@[!&]?|#)\d+>|<\/[\w -]+:\d+>|@(?:everyone|here)\b/g, " ")
    .replace(/\bhttps?:\/\/\S+/gi, " ")
    .replace(/[*_~`|>#]+/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

/** Cuts at the last whole word within `max` characters. */
function cutAtWord(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const space = cut.lastIndexOf(" ");
  return (space > max / 2 ? cut.slice(0, space) : cut).trim();
}

/**
 * "Explain this message": the message's words run through the same question answering as `/ask`, the
 * reply shown to the member alone. A message with no words (an image, an embed without text) or one that
 * matches nothing says so and points to `/ask`.
 */
export function explainMessage(search: Search, input: MessageInput, t: Translate = EN): Reply {
  const words = messageWords(input);
  if (!words) {
    const what = input.attachments ? t("explain.onlyFiles") : t("explain.noWords");
    return {
      ...noticeReply(t("explain.nothing"), [what, t("explain.askInstead"), { command: "/ask" }, "."]),
      miss: true,
    };
  }
  const question = cutAtWord(words, MAX_EXPLAIN_LENGTH);
  const answer = search.answer(question, { limit: ASK_FACTS_SHOWN + ASK_MORE_FACTS });
  const reply = buildAskReply(search.kb, answer, t);
  const cut =
    question.length < words.length ? ` · ${t("explain.readFirst", { count: question.length })}` : "";
  if (reply.miss)
    return {
      ...reply,
      summary: [t("explain.noMatch"), { command: "/ask" }, t("explain.orSuggestions")],
      ...(cut ? { footer: cut.slice(3) } : {}),
    };
  return { ...reply, footer: `${reply.footer ?? ""}${cut}`, audience: "asker" };
}
