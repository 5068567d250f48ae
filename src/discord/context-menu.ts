import {
  ApplicationCommandType,
  ContextMenuCommandBuilder,
  type Message,
  type MessageContextMenuCommandInteraction,
  type RESTPostAPIContextMenuApplicationCommandsJSONBody,
} from "discord.js";
import type { AnswerContext, Caller } from "../answer/context.ts";
import type { MessageInput } from "../answer/explain.ts";
import type { Reply } from "../answer/reply.ts";
import { localizationsOf } from "../commands/localizations.ts";
import { MESSAGE_COMMANDS, type MessageCommandSpec, messageInputOf } from "../commands/message.ts";
import { CONTEXTS, INTEGRATION_TYPES } from "./slash.ts";

/** A message command (type 3) as the dispatcher routes it and `deploy-commands` registers it. */
export interface MessageMenuCommand {
  data: RESTPostAPIContextMenuApplicationCommandsJSONBody;
  execute(context: AnswerContext, interaction: MessageContextMenuCommandInteraction, caller: Caller): Reply;
}

/** What the core reads of a message: its text, its embeds' text, how many files it holds. */
export function messageInput(message: Pick<Message, "content" | "embeds" | "attachments">): MessageInput {
  return messageInputOf(message.content, message.embeds, message.attachments.size);
}

export function messageMenuCommand(spec: MessageCommandSpec): MessageMenuCommand {
  const data = new ContextMenuCommandBuilder()
    .setName(spec.name)
    .setNameLocalizations(localizationsOf(spec.name, "name"))
    .setType(ApplicationCommandType.Message)
    .setIntegrationTypes(...INTEGRATION_TYPES)
    .setContexts(...CONTEXTS)
    .toJSON();
  return {
    data,
    execute: (context, interaction, caller) =>
      spec.run(context, messageInput(interaction.targetMessage), caller),
  };
}

/** The message commands of the table. */
export const MESSAGE_MENU_COMMANDS: readonly MessageMenuCommand[] = MESSAGE_COMMANDS.map(messageMenuCommand);
