import { SlashCommandBuilder } from "discord.js";
import {
  buildHelpReply,
  buildOverviewReply,
  buildSectorsReply,
  buildSourcesReply,
  buildTimelineReply,
} from "../../answer/catalogue.ts";
import type { Reply } from "../../answer/reply.ts";
import type { KnowledgeBase } from "../../knowledge/load.ts";
import { type BotCommand, withShareOptions } from "./command.ts";

/** A command with no input of its own: a fixed reply built from the knowledge base, shareable. */
function catalogueCommand(
  name: string,
  description: string,
  build: (kb: KnowledgeBase) => Reply,
): BotCommand {
  return {
    data: withShareOptions(new SlashCommandBuilder().setName(name).setDescription(description)).toJSON(),
    shareable: true,
    execute: ({ search }) => build(search.kb),
  };
}

export const sectorsCommand = catalogueCommand(
  "sectors",
  "All sectors, grouped by where China leads or depends",
  buildSectorsReply,
);
export const overviewCommand = catalogueCommand(
  "overview",
  "What Made in China 2025 is: who, when, goals, sectors",
  buildOverviewReply,
);
export const timelineCommand = catalogueCommand("timeline", "Dated milestones of the plan since 2015", (kb) =>
  buildTimelineReply(kb),
);
export const sourcesCommand = catalogueCommand(
  "sources",
  "The sources behind every answer, and what H and M mean",
  buildSourcesReply,
);

/** `/help`: what each command does. Always private. */
export const helpCommand: BotCommand = {
  data: new SlashCommandBuilder()
    .setName("help")
    .setDescription("What each command does, with examples")
    .toJSON(),
  shareable: false,
  execute: () => buildHelpReply(),
};
