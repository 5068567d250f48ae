import { type ButtonInteraction, SlashCommandBuilder } from "discord.js";
import type { Reply } from "../../answer/reply.ts";
import { noticeReply } from "../../answer/respond.ts";
import {
  buildNoQuestionReply,
  buildQuizFeedbackReply,
  buildQuizQuestionReply,
  buildScoresReply,
  pickQuestion,
  type QuizFilter,
} from "../../answer/study.ts";
import type { BotCommand, CommandContext } from "./command.ts";

const SCORES_TOP = 10;

/** The scoreboard key of where an interaction happened: its server, or the member's own DM space. */
function scopeOf(interaction: { guildId: string | null; user: { id: string } }): string {
  return interaction.guildId ?? `dm:${interaction.user.id}`;
}

/** `/quiz question [sector] [lesson]` posts a question with A–D buttons; `/quiz scores` shows the board. */
export const quizCommand: BotCommand = {
  data: new SlashCommandBuilder()
    .setName("quiz")
    .setDescription("Check what stuck, with a scoreboard for the server")
    .addSubcommand((sub) =>
      sub
        .setName("question")
        .setDescription("Post a multiple-choice question anyone here can answer")
        .addStringOption((o) =>
          o
            .setName("sector")
            .setDescription("Only questions about this sector")
            .setAutocomplete(true)
            .setMaxLength(100),
        )
        .addIntegerOption((o) =>
          o
            .setName("lesson")
            .setDescription("Only questions on this lesson (its number in /learn)")
            .setMinValue(1)
            .setMaxValue(12),
        )
        .addBooleanOption((o) => o.setName("private").setDescription("Only you see the question")),
    )
    .addSubcommand((sub) => sub.setName("scores").setDescription("The server's top 10 and your own rank"))
    .toJSON(),
  shareable: false,
  execute(context, interaction): Reply {
    const { search, scoreboard, random } = context;
    if (interaction.options.getSubcommand() === "scores") {
      if (!scoreboard)
        return noticeReply("No scoreboard", "This bot runs without a scoreboard, so answers are not saved.");
      const scope = scopeOf(interaction);
      return buildScoresReply(
        scoreboard.top(scope, SCORES_TOP),
        scoreboard.rankOf(scope, interaction.user.id),
      );
    }
    const sectorQuery = interaction.options.getString("sector");
    const lesson = interaction.options.getInteger("lesson");
    const filter: QuizFilter = {};
    if (sectorQuery) {
      const resolved = search.resolveSector(sectorQuery);
      if (!resolved.sector) {
        // The reply echoes what was typed as its title, which renderers escape.
        return {
          ...noticeReply(
            sectorQuery,
            "No sector matches this name. Pick one from the list as you type, or see /sectors.",
          ),
          titleIsUserText: true,
          miss: true,
        };
      }
      filter.sectorId = resolved.sector.id;
    }
    if (lesson !== null) filter.lesson = lesson - 1;
    const question = pickQuestion(search.kb, filter, random);
    if (!question) return buildNoQuestionReply(search.kb, filter);
    const reply = buildQuizQuestionReply(search.kb, question, filter);
    return interaction.options.getBoolean("private") ? { ...reply, ephemeral: true } : reply;
  },
  autocomplete: ({ search }, interaction) => search.suggestSectors(String(interaction.options.getFocused())),
};

/** A click on A–D: records the member's first answer and tells them, privately, how it went and why. */
export function answerQuizButton(
  { search, scoreboard }: CommandContext,
  interaction: Pick<ButtonInteraction, "guildId" | "user">,
  questionId: string,
  choice: number,
): Reply | null {
  const question = search.kb.questions.find((q) => q.id === questionId);
  if (!question) return null;
  const result = scoreboard
    ? scoreboard.recordAnswer({
        guildId: scopeOf(interaction),
        userId: interaction.user.id,
        questionId,
        choice,
        correct: choice === question.answer,
      })
    : null;
  return buildQuizFeedbackReply(search.kb, question, choice, result);
}
