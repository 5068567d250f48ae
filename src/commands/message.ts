import type { AnswerContext, Caller } from "../answer/context.ts";
import { explainMessage, type MessageInput } from "../answer/explain.ts";
import type { Reply, ReplyField } from "../answer/reply.ts";
import { translator } from "../i18n/index.ts";

/** A command on a message (Discord: right-click or long-press a message › Apps). */
export interface MessageCommandSpec {
  /** As members see it in the Apps menu: 1–32 characters, spaces and capitals allowed. */
  name: string;
  /** The `/help` line. */
  description: string;
  run(context: AnswerContext, message: MessageInput, caller: Caller): Reply;
}

export const EXPLAIN_MESSAGE: MessageCommandSpec = {
  name: "Explain this message",
  description:
    "Right-click or long-press a message › Apps › Explain this message: the facts that answer it, shown only to you",
  run: ({ search }, message, caller) => explainMessage(search, message, translator(caller.lang)),
};

/** Every message command, in the order Discord registers them. */
export const MESSAGE_COMMANDS: readonly MessageCommandSpec[] = [EXPLAIN_MESSAGE];

/** `/help` lines for the message commands (Discord only: the console has no messages to pick). */
export const MESSAGE_COMMAND_HELP: readonly ReplyField[] = MESSAGE_COMMANDS.map((c) => ({
  name: c.name,
  value: c.description,
}));

/** An embed's text as Discord delivers it (discord.js's Embed and the API's JSON share these fields). */
export interface EmbedText {
  title?: string | null;
  description?: string | null;
  fields?: readonly { name: string; value: string }[] | null;
}

/** What the core reads of a message: its text, its embeds' text, how many files it holds (any transport). */
export function messageInputOf(
  content: string | null | undefined,
  embeds: readonly EmbedText[],
  attachments: number,
): MessageInput {
  return {
    content: content ?? "",
    embedTexts: embeds.flatMap((e) => [
      e.title ?? "",
      e.description ?? "",
      ...(e.fields ?? []).flatMap((f) => [f.name, f.value]),
    ]),
    attachments,
  };
}
