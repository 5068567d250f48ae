import type { Scoreboard } from "../answer/scoreboard.ts";
import { defineProcessCommand, type ProcessCommand, UsageError } from "./kit.ts";

/** Members `scores show` lists. */
const SHOWN = 10;

/**
 * `scores show|reset|backup`: look after the quiz scoreboard. `withScoreboard` opens it for the command
 * and closes it after (tests hand in their own).
 */
export function scoresCommands(
  withScoreboard: <T>(use: (scoreboard: Scoreboard) => Promise<T>) => Promise<T>,
): ProcessCommand[] {
  return [
    defineProcessCommand({
      path: "scores show",
      summary: "a server's top 10 quiz members",
      args: ["server-id"],
      run: ({ args: [server = ""], io }) =>
        withScoreboard(async (scoreboard) => {
          const rows = scoreboard.top(server, SHOWN);
          io.stdout(
            rows.length
              ? `${rows.map((r, i) => `${i + 1}. ${r.userId}: ${r.correct} right of ${r.answered}, best streak ${r.bestStreak}`).join("\n")}\n`
              : "No answers in this server yet.\n",
          );
          return 0;
        }),
    }),
    defineProcessCommand({
      path: "scores reset",
      summary: "delete one server's quiz answers and scores",
      args: ["server-id"],
      flags: { yes: { type: "boolean", description: "confirm" } },
      run: async ({ args: [server = ""], flags, io }) => {
        if (flags.yes !== true)
          throw new UsageError(
            `This deletes every quiz answer and score of server ${server}. Add --yes to confirm.`,
          );
        return withScoreboard(async (scoreboard) => {
          io.stdout(
            `Reset server ${server}: removed the scores of ${scoreboard.resetGuild(server)} member(s).\n`,
          );
          return 0;
        });
      },
    }),
    defineProcessCommand({
      path: "scores backup",
      summary: "write a consistent copy of the scoreboard (safe while the bot runs)",
      args: ["file"],
      run: ({ args: [file = ""], io }) =>
        withScoreboard(async (scoreboard) => {
          await scoreboard.backup(file);
          io.stdout(`Backed up the scoreboard to ${file}.\n`);
          return 0;
        }),
    }),
  ];
}
