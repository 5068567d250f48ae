import { SlashCommandBuilder } from "discord.js";
import { MAX_QUESTION_LENGTH, respondToQuestion } from "../../answer/respond.ts";
import { type BotCommand, withShareOptions } from "./command.ts";

/** `/ask question:<text>`: the facts that best answer a question in plain words. */
export const askCommand: BotCommand = {
  data: withShareOptions(
    new SlashCommandBuilder()
      .setName("ask")
      .setDescription("Ask about Made in China 2025 in plain words")
      .addStringOption((o) =>
        o
          .setName("question")
          .setDescription("For example: Which industries does China still depend on?")
          .setRequired(true)
          .setMaxLength(MAX_QUESTION_LENGTH),
      ),
  ).toJSON(),
  shareable: true,
  execute: ({ search }, interaction) =>
    respondToQuestion(search, interaction.options.getString("question", true)),
};
