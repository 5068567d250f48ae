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

  constructor(private readonly search: Search) {}

  handleLine(line: string): ConsoleOutput {
    const input = line.trim();
    if (!input) return { text: "" };
    if (/^\d{1,2}$/.test(input) && this.actions.length) return this.follow(Number(input));
    const [word = "", ...rest] = input.split(/\s+/);
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
      case "help":
        return this.show(buildHelpReply([["/quit", "Leave the console.", "/quit"]]));
      case "":
        // Plain words are a question, as most people type them.
        return this.show(respondToQuestion(this.search, input));
      default:
        void rest;
        return this.show(
          noticeReply(`Unknown command ${word}`, "Type /help for the commands, or just type a question."),
        );
    }
  }

  private follow(choice: number): ConsoleOutput {
    const picked = this.actions[choice - 1];
    if (!picked) return { text: `Pick a number from 1 to ${this.actions.length}, or type a command.\n` };
    const reply = replyForAction(this.search.kb, picked.action);
    return reply ? this.show(reply) : { text: "That choice is no longer available.\n" };
  }

  private show(reply: Reply): ConsoleOutput {
    this.actions = reply.actions;
    const body = renderText({ ...reply, actions: [] });
    const choices = reply.actions.map((a, i) => `[${i + 1}] ${a.label}`).join("  ");
    return { text: choices ? `${body}\nType a number: ${choices}\n` : body };
  }
}
