import { replyForAction } from "../answer/actions.ts";
import {
  buildHelpReply,
  buildOverviewReply,
  buildSectorsReply,
  buildSourcesReply,
  buildTimelineReply,
} from "../answer/catalogue.ts";
import { renderText } from "../answer/render-text.ts";
import type { Reply, ReplyAction } from "../answer/reply.ts";
import { noticeReply, respondToQuestion, respondToSector } from "../answer/respond.ts";
import {
  buildLessonReply,
  buildNoQuestionReply,
  buildQuizFeedbackReply,
  buildQuizQuestionReply,
  pickQuestion,
  type QuizFilter,
} from "../answer/study.ts";
import type { Search } from "../search/index.ts";

export const CONSOLE_BANNER = `mic2025-bot console: DISCORD_TOKEN is not set, so the answers come here instead of Discord.
To run the Discord bot, copy .env.example to .env, fill in DISCORD_TOKEN and DISCORD_CLIENT_ID, then
\`npm run deploy-commands\` and \`npm start\`. Type /help for commands, /quit to leave.`;

/** What one typed line produced. */
export interface ConsoleOutput {
  text: string;
  quit?: boolean;
}

/**
 * The console's logic, free of readline: one line in, text out. It speaks the bot's commands and shows the
 * same replies; a reply's buttons become numbered choices ("1", "2", ...) for the next line.
 */
export class ConsoleSession {
  private actions: ReplyAction[] = [];
  /** The console's own tally: first answer per question counts, as on Discord, but nothing is saved. */
  private readonly answered = new Map<string, number>();
  private correct = 0;

  constructor(
    private readonly search: Search,
    private readonly random: () => number = Math.random,
  ) {}

  handleLine(line: string): ConsoleOutput {
    const input = line.trim();
    if (!input) {
      // Enter walks on: the next lesson, or the next page.
      const next = this.actions.findIndex(
        (a) => a.label === "Next" || a.label === "More facts" || a.label === "Later",
      );
      return next >= 0 ? this.follow(next + 1) : { text: "" };
    }
    if (/^\d{1,2}$/.test(input) && this.actions.length) return this.follow(Number(input));
    const [word = ""] = input.split(/\s+/);
    const argument = input.slice(word.length).trim();
    const command = word.startsWith("/") ? word.slice(1).toLowerCase() : "";
    switch (command) {
      case "quit":
      case "exit":
        return { text: "Bye.", quit: true };
      case "sector":
        return this.show(respondToSector(this.search, argument));
      case "ask":
        return this.show(respondToQuestion(this.search, argument));
      case "sectors":
        return this.show(buildSectorsReply(this.search.kb));
      case "overview":
        return this.show(buildOverviewReply(this.search.kb));
      case "timeline":
        return this.show(buildTimelineReply(this.search.kb));
      case "sources":
        return this.show(buildSourcesReply(this.search.kb));
      case "learn": {
        const lesson = argument ? Number.parseInt(argument, 10) : 1;
        return this.show(buildLessonReply(this.search.kb, Number.isNaN(lesson) ? -1 : lesson - 1));
      }
      case "quiz":
        return this.quiz(argument);
      case "help":
        return this.show(
          buildHelpReply([
            ["Enter", "In a lesson or a paged reply: the next one. Numbers pick a button.", "1"],
            ["/quit", "Leave the console.", "/quit"],
          ]),
        );
      case "":
        // Plain words are a question, as most people type them.
        return this.show(respondToQuestion(this.search, input));
      default:
        return this.show(
          noticeReply(`Unknown command ${word}`, "Type /help for the commands, or just type a question."),
        );
    }
  }

  private quiz(argument: string): ConsoleOutput {
    if (argument.toLowerCase() === "scores") {
      return this.show(
        noticeReply(
          "Your score in this console",
          `${this.correct} right of ${this.answered.size}. The server scoreboard lives in the Discord bot.`,
        ),
      );
    }
    const filter: QuizFilter = {};
    if (/^\d{1,2}$/.test(argument)) filter.lesson = Number(argument) - 1;
    else if (argument) {
      const sector = this.search.resolveSector(argument).sector;
      if (!sector)
        return this.show(
          noticeReply("Which sector?", `No sector matches "${argument}". Try /sectors for the list.`),
        );
      filter.sectorId = sector.id;
    }
    const question = pickQuestion(this.search.kb, filter, this.random);
    return this.show(
      question
        ? buildQuizQuestionReply(this.search.kb, question, filter)
        : buildNoQuestionReply(this.search.kb, filter),
    );
  }

  private follow(choice: number): ConsoleOutput {
    const picked = this.actions[choice - 1];
    if (!picked) return { text: `Pick a number from 1 to ${this.actions.length}, or type a command.\n` };
    if (picked.action.type === "quiz-answer") {
      const { questionId, choice: answer } = picked.action;
      const question = this.search.kb.questions.find((q) => q.id === questionId);
      if (!question) return { text: "That question is no longer available.\n" };
      const first = this.answered.get(questionId);
      if (first === undefined) {
        this.answered.set(questionId, answer);
        if (answer === question.answer) this.correct++;
      }
      const result =
        first === undefined
          ? null
          : ({ counted: false, firstChoice: first, firstCorrect: first === question.answer } as const);
      // Keep the question's choices, so "Another question" stays one number away.
      const reply = buildQuizFeedbackReply(this.search.kb, question, answer, result);
      return this.show({ ...reply, actions: this.actions.filter((a) => a.action.type === "quiz") });
    }
    const reply = replyForAction(this.search.kb, picked.action, this.random);
    return reply ? this.show(reply) : { text: "That choice is no longer available.\n" };
  }

  private show(reply: Reply): ConsoleOutput {
    this.actions = reply.actions;
    const body = renderText({ ...reply, actions: [] });
    const choices = reply.actions.map((a, i) => `[${i + 1}] ${a.label}`).join("  ");
    return { text: choices ? `${body}\nType a number: ${choices}\n` : body };
  }
}
