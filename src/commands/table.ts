import {
  buildOverviewReply,
  buildSectorsReply,
  buildSourcesReply,
  buildTimelineReply,
} from "../answer/catalogue.ts";
import { buildLessonReply } from "../answer/lessons.ts";
import { type QuizFilter, quizQuestionReply, quizScoresReply } from "../answer/quiz.ts";
import {
  MAX_QUESTION_LENGTH,
  MAX_SECTOR_QUERY_LENGTH,
  noticeReply,
  respondToQuestion,
  respondToSector,
} from "../answer/respond.ts";
import { translator } from "../i18n/index.ts";
import { MAX_LESSONS } from "../knowledge/checks.ts";
import { type CommandEntry, defineCommand } from "./define.ts";
import { buildHelpReply } from "./help.ts";
import { MESSAGE_COMMAND_HELP } from "./message.ts";

/*
 * The one command table. Discord's slash definitions (and `deploy-commands`), the console's parser, the
 * CLI and `/help` are all derived from it: a new command is one `defineCommand` here plus its reply builder.
 */

const sector = defineCommand({
  name: "sector",
  description: "A sector's summary, status and sourced facts",
  example: "/sector semiconductors",
  options: {
    name: {
      type: "string",
      description: "Sector name, abbreviation, product or Chinese name (e.g. semiconductors, NEV, 芯片)",
      required: true,
      maxLength: MAX_SECTOR_QUERY_LENGTH,
      suggest: "sectors",
    },
  },
  sharing: "private-and-for",
  run: ({ search }, { name }, caller) => respondToSector(search, name, translator(caller.lang)),
});

const ask = defineCommand({
  name: "ask",
  description: "The facts that best answer a question about Made in China 2025 in plain words",
  example: "/ask Which industries does China still depend on?",
  options: {
    question: {
      type: "string",
      description: "For example: Which industries does China still depend on?",
      required: true,
      maxLength: MAX_QUESTION_LENGTH,
    },
  },
  sharing: "private-and-for",
  run: ({ search }, { question }, caller) => respondToQuestion(search, question, translator(caller.lang)),
});

const sectors = defineCommand({
  name: "sectors",
  description: "All sectors, grouped by where China leads or depends",
  example: "/sectors",
  options: {},
  sharing: "private-and-for",
  run: ({ search }, _args, caller) => buildSectorsReply(search.kb, translator(caller.lang)),
});

const overview = defineCommand({
  name: "overview",
  description: "What Made in China 2025 is: who issued it, its goals and steps, its sectors, its name",
  example: "/overview",
  options: {},
  sharing: "private-and-for",
  run: ({ search }, _args, caller) => buildOverviewReply(search.kb, translator(caller.lang)),
});

const timeline = defineCommand({
  name: "timeline",
  description: "Dated milestones of the plan since 2015",
  example: "/timeline",
  options: {},
  sharing: "private-and-for",
  run: ({ search }, _args, caller) => buildTimelineReply(search.kb, 0, translator(caller.lang)),
});

const sources = defineCommand({
  name: "sources",
  description: "The sources behind every answer, and what H and M confidence mean",
  example: "/sources",
  options: {},
  sharing: "private-and-for",
  run: ({ search }, _args, caller) => buildSourcesReply(search.kb, translator(caller.lang)),
});

const learn = defineCommand({
  name: "learn",
  description: "A guided path through Made in China 2025, lesson by lesson, with Back and Next",
  example: "/learn lesson:1",
  options: {
    lesson: { type: "integer", description: "Jump to a lesson by its number", min: 1, max: MAX_LESSONS },
  },
  sharing: "private-and-for",
  run: ({ search }, { lesson }, caller) =>
    buildLessonReply(search.kb, (lesson ?? 1) - 1, translator(caller.lang)),
});

const quizQuestion = defineCommand({
  name: "question",
  description: "A multiple-choice question anyone here can answer; your first answer counts",
  example: "/quiz question sector:semiconductors",
  options: {
    sector: {
      type: "string",
      description: "Only questions about this sector",
      maxLength: MAX_SECTOR_QUERY_LENGTH,
      suggest: "sectors",
    },
    lesson: {
      type: "integer",
      description: "Only questions on this lesson (its number in /learn)",
      min: 1,
      max: MAX_LESSONS,
    },
  },
  sharing: "private",
  run({ search, random }, { sector, lesson }, caller) {
    const t = translator(caller.lang);
    const filter: QuizFilter = {};
    if (sector) {
      const resolved = search.resolveSector(sector);
      if (!resolved.sector) {
        // The reply echoes what was typed as its title, which renderers escape.
        return {
          ...noticeReply(sector, t("quiz.noSector")),
          titleIsUserText: true,
          miss: true,
        };
      }
      filter.sectorId = resolved.sector.id;
    }
    if (lesson !== undefined) filter.lesson = lesson - 1;
    return quizQuestionReply(search.kb, filter, random, t);
  },
});

const quizScores = defineCommand({
  name: "scores",
  description: "The server's top 10 and your own rank",
  example: "/quiz scores",
  options: {},
  sharing: "none",
  run: (context, _args, caller) => quizScoresReply(context, caller),
});

const help = defineCommand({
  name: "help",
  description: "What each command does, with examples",
  example: "/help",
  options: {},
  sharing: "none",
  run: (_context, _args, caller) => buildHelpReply(COMMANDS, MESSAGE_COMMAND_HELP, translator(caller.lang)),
});

/** Every command, in the order `/help` lists them and Discord registers them. */
export const COMMANDS: readonly CommandEntry[] = [
  sector,
  ask,
  sectors,
  overview,
  timeline,
  sources,
  learn,
  {
    name: "quiz",
    description: "Check what stuck, with a scoreboard for the server",
    subcommands: [quizQuestion, quizScores],
    defaultSubcommand: "question",
  },
  help,
];
