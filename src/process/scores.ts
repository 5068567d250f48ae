import type { Scoreboard } from "../answer/scoreboard.ts";
import type { ScoreStore } from "../storage/store.ts";
import { defineProcessCommand, Failure, type ProcessCommand, UsageError } from "./kit.ts";

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
          const rows = await scoreboard.top(server, SHOWN);
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
            `Reset server ${server}: removed the scores of ${await scoreboard.resetGuild(server)} member(s).\n`,
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
          try {
            await scoreboard.backup(file);
          } catch (error) {
            // A path that cannot be written (a file where a folder should be, no permission, a full disk):
            // one line for the operator, not a stack trace. Anything else is a bug and is not hidden.
            if (typeof (error as { code?: unknown })?.code !== "string") throw error;
            throw new Failure(
              `Cannot write the backup to ${file}: ${(error as Error).message.split("\n")[0]}. Pick a file in a folder the bot's user may write.`,
            );
          }
          io.stdout(`Backed up the scoreboard to ${file}.\n`);
          return 0;
        }),
    }),
    defineProcessCommand({
      path: "scores migrate",
      summary: "copy a scoreboard into another (sqlite:PATH or postgres://...); rows already there stay",
      flags: {
        from: { type: "string", value: "sqlite:PATH", description: "the scoreboard to read" },
        to: { type: "string", value: "URL", description: "the scoreboard to fill" },
      },
      run: async ({ flags, io }) => {
        if (typeof flags.from !== "string" || typeof flags.to !== "string")
          throw new UsageError(
            "scores migrate needs --from sqlite:PATH and --to postgres://... (or sqlite:PATH).",
          );
        const { redactUrl } = await import("./load.ts");
        const from = await openLocation(flags.from, true);
        try {
          const to = await openLocation(flags.to, false);
          try {
            const rows = await from.dump();
            const added = await to.load(rows);
            const [answers, scores] = [rows.answers.length, rows.scores.length];
            io.stdout(
              `Read ${answers} answer(s) and ${scores} member score(s) from ${redactUrl(flags.from)}.\n` +
                `Inserted ${added.answers} answer(s) and ${added.scores} member score(s) into ${redactUrl(flags.to)}; ` +
                `${answers - added.answers} answer(s) and ${scores - added.scores} score(s) were already there.\n`,
            );
            return 0;
          } finally {
            await to.close();
          }
        } finally {
          await from.close();
        }
      },
    }),
  ];
}

/** Opens `sqlite:PATH` or a `postgres://` URL as a scoreboard; a source file must exist already. */
async function openLocation(location: string, mustExist: boolean): Promise<ScoreStore> {
  const { postgresOrFail, redactUrl, scoreboardOrFail } = await import("./load.ts");
  if (/^postgres(ql)?:\/\//.test(location)) return postgresOrFail(location, 2);
  if (location.startsWith("sqlite:")) {
    const path = location.slice("sqlite:".length);
    const { existsSync } = await import("node:fs");
    if (mustExist && path !== ":memory:" && !existsSync(path))
      throw new Failure(`No SQLite scoreboard at ${path}.`);
    return scoreboardOrFail(path);
  }
  throw new UsageError(`${redactUrl(location)}: give sqlite:PATH or a postgres:// URL.`);
}
