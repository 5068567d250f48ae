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
export function explainMessage(search: Search, input: MessageInput): Reply {
  const words = messageWords(input);
  if (!words) {
    const what = input.attachments
      ? "This message holds only pictures or files, and I can only read text."
      : "This message has no words I can read (only links, mentions or an empty embed).";
    return {
      ...noticeReply("Nothing to explain", [what, " Ask in your own words with ", { command: "/ask" }, "."]),
      miss: true,
    };
  }
  const question = cutAtWord(words, MAX_EXPLAIN_LENGTH);
  const reply = buildAskReply(
    search.kb,
    search.answer(question, { limit: ASK_FACTS_SHOWN + ASK_MORE_FACTS }),
  );
  const cut = question.length < words.length ? ` · Read the first ${question.length} characters.` : "";
  if (reply.miss)
    return {
      ...reply,
      summary: [
        "No fact in the base matches this message well. Ask about it in your own words with ",
        { command: "/ask" },
        ", or look at the suggestions below.",
      ],
      ...(cut ? { footer: cut.slice(3) } : {}),
    };
  return { ...reply, footer: `${reply.footer ?? ""}${cut}`, audience: "asker" };
}
