import { replyForAction } from "../answer/actions.ts";
import type { AnswerContext, Caller } from "../answer/context.ts";
import type { Reply, ReplyAction } from "../answer/reply.ts";
import { noticeReply, respondToQuestion } from "../answer/respond.ts";
import { buildHelpReply } from "../commands/help.ts";
import { COMMANDS } from "../commands/table.ts";
import { parseCommandLine } from "./parse.ts";
import { renderText } from "./render-text.ts";

/** The console's first words: why it opened, and how to get the Discord bot instead. */
export function consoleBanner(opened: "no-token" | "asked"): string {
  const why =
    opened === "no-token"
      ? "DISCORD_TOKEN is not set, so the answers come here instead of Discord."
      : "the bot's answers, here instead of Discord.";
  return `mic2025-bot console: ${why}
To run the Discord bot, copy .env.example to .env, fill in DISCORD_TOKEN and DISCORD_CLIENT_ID, then
\`npm run deploy-commands\` and \`npm start\`. Type /help for commands, /quit to leave.`;
}

/** The console's one member, in its own scoreboard scope. */
export const CONSOLE_CALLER: Caller = { scope: "console", userId: "you" };

/** Keys only the console has, listed after the command table in its `/help`. */
const CONSOLE_HELP = [
  {
    name: "Enter",
    value: "In a lesson or a paged reply: the next one. Numbers pick a button.",
    example: "1",
  },
  { name: "/quit", value: "Leave the console.", example: "/quit" },
];

/** What one typed line produced. */
export interface ConsoleOutput {
  text: string;
  quit?: boolean;
}

/**
 * The console's logic, free of readline: one line in, text out. Commands are read against the command
 * table and answered by the same core as on Discord (quiz answers and scores included, on the scoreboard
 * the entry hands in); a reply's buttons become numbered choices ("1", "2", ...) for the next line.
 */
export class ConsoleSession {
  private actions: ReplyAction[] = [];

  constructor(
    private readonly context: AnswerContext,
    private readonly caller: Caller = CONSOLE_CALLER,
  ) {}

  async handleLine(line: string): Promise<ConsoleOutput> {
    const input = line.trim();
    if (!input) {
      // Enter walks on: the reply's primary button (Next, More facts, Later).
      const next = this.actions.findIndex((a) => a.primary);
      return next >= 0 ? this.follow(next + 1) : { text: "" };
    }
    if (/^\d{1,2}$/.test(input) && this.actions.length) return this.follow(Number(input));
    // Plain words are a question, as most people type them.
    if (!input.startsWith("/")) return this.show(respondToQuestion(this.context.search, input));
    if (/^\/(quit|exit)$/i.test(input)) return { text: "Bye.", quit: true };
    const parsed = parseCommandLine(COMMANDS, input);
    if (!parsed.ok) {
      return this.show(
        parsed.problem === "unknown-command"
          ? noticeReply(
              `Unknown command ${parsed.word}`,
              "Type /help for the commands, or just type a question.",
            )
          : noticeReply("Not quite", `${parsed.message} Type /help for examples.`),
      );
    }
    // The console's help adds the keys only it has.
    if (parsed.spec.name === "help") return this.show(buildHelpReply(COMMANDS, CONSOLE_HELP));
    return this.show(await parsed.spec.run(this.context, parsed.args, this.caller));
  }

  private async follow(choice: number): Promise<ConsoleOutput> {
    const picked = this.actions[choice - 1];
    if (!picked) return { text: `Pick a number from 1 to ${this.actions.length}, or type a command.\n` };
    const reply = await replyForAction(this.context, picked.action, this.caller);
    if (!reply) return { text: "That choice is no longer available.\n" };
    // An answer keeps the question's other buttons, so "Another question" stays one number away.
    return picked.action.type === "quiz-answer"
      ? this.show({ ...reply, actions: this.actions.filter((a) => a.action.type === "quiz") })
      : this.show(reply);
  }

  private show(reply: Reply): ConsoleOutput {
    this.actions = reply.actions;
    const body = renderText({ ...reply, actions: [] });
    const choices = reply.actions.map((a, i) => `[${i + 1}] ${a.label}`).join("  ");
    return { text: choices ? `${body}\nType a number: ${choices}\n` : body };
  }
}
