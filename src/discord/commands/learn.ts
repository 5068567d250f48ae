import { SlashCommandBuilder } from "discord.js";
import { buildLessonReply } from "../../answer/study.ts";
import { type BotCommand, withShareOptions } from "./command.ts";

/** `/learn [lesson]`: the guided path, one lesson at a time, with Back, Next and "Quiz me on this". */
export const learnCommand: BotCommand = {
  data: withShareOptions(
    new SlashCommandBuilder()
      .setName("learn")
      .setDescription("A guided path through Made in China 2025, lesson by lesson")
      .addIntegerOption((o) =>
        o.setName("lesson").setDescription("Jump to a lesson by its number").setMinValue(1).setMaxValue(12),
      ),
  ).toJSON(),
  shareable: true,
  execute: ({ search }, interaction) =>
    buildLessonReply(search.kb, (interaction.options.getInteger("lesson") ?? 1) - 1),
};
