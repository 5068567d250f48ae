import { SlashCommandBuilder } from "discord.js";
import {
  buildHelpReply,
  buildOverviewReply,
  buildSectorsReply,
  buildSourcesReply,
  buildTimelineReply,
} from "../../answer/catalogue.ts";
import { type BotCommand, withShareOptions } from "./command.ts";

/** `/sectors`: all sectors grouped by status. */
export const sectorsCommand: BotCommand = {
  data: withShareOptions(
    new SlashCommandBuilder()
      .setName("sectors")
      .setDescription("All sectors, grouped by where China leads or depends"),
  ).toJSON(),
  shareable: true,
  execute: ({ search }) => buildSectorsReply(search.kb),
};

/** `/overview`: what the plan is. */
export const overviewCommand: BotCommand = {
  data: withShareOptions(
    new SlashCommandBuilder()
      .setName("overview")
      .setDescription("What Made in China 2025 is: who, when, goals, sectors"),
  ).toJSON(),
  shareable: true,
  execute: ({ search }) => buildOverviewReply(search.kb),
};

/** `/timeline`: dated milestones since 2015. */
export const timelineCommand: BotCommand = {
  data: withShareOptions(
    new SlashCommandBuilder().setName("timeline").setDescription("Dated milestones of the plan since 2015"),
  ).toJSON(),
  shareable: true,
  execute: ({ search }) => buildTimelineReply(search.kb),
};

/** `/sources`: the source registry. */
export const sourcesCommand: BotCommand = {
  data: withShareOptions(
    new SlashCommandBuilder()
      .setName("sources")
      .setDescription("The sources behind every answer, and what H and M mean"),
  ).toJSON(),
  shareable: true,
  execute: ({ search }) => buildSourcesReply(search.kb),
};

/** `/help`: what each command does. Always private. */
export const helpCommand: BotCommand = {
  data: new SlashCommandBuilder()
    .setName("help")
    .setDescription("What each command does, with examples")
    .toJSON(),
  shareable: false,
  execute: () => buildHelpReply(),
};
