import type { Scoreboard } from "../answer/scoreboard.ts";
import { checkKnowledgeBase, writeKnowledgeSchemas } from "./kb.ts";
import { defineProcessCommand, Failure, type ProcessCommand } from "./kit.ts";
import { configOrFail, configuredScoreboardOrFail, scoreboardOrFail, searchOrFail } from "./load.ts";
import { missesCommand } from "./misses.ts";
import { scoresCommands } from "./scores.ts";

/** What the process commands need from outside: the terminal, and a scoreboard for tests. */
export interface ProcessDeps {
  /** True when a person sits at stdin (the console needs one). */
  stdinIsTTY: boolean;
  /** A scoreboard to use instead of opening `DATA_DIR/scoreboard.sqlite` (tests). */
  scoreboard?: Scoreboard;
}

/** Opens the interactive console on an in-memory scoreboard: the quiz works, nothing is saved. */
async function runConsoleMode(opened: "no-token" | "asked"): Promise<number> {
  const search = await searchOrFail();
  const scoreboard = await scoreboardOrFail(":memory:");
  const { runConsole } = await import("../console/repl.ts");
  await runConsole({ search, scoreboard, random: Math.random }, { opened });
  await scoreboard.close();
  return 0;
}

/**
 * The commands of the process itself (the answer commands come from the command table, see main.ts).
 * Each imports what it needs when it runs: the console never loads discord.js.
 */
export function processCommands(deps: ProcessDeps): ProcessCommand[] {
  const withScoreboard = async <T>(use: (scoreboard: Scoreboard) => Promise<T>): Promise<T> => {
    if (deps.scoreboard) return use(deps.scoreboard);
    const scoreboard = await configuredScoreboardOrFail(await configOrFail());
    try {
      return await use(scoreboard);
    } finally {
      await scoreboard.close();
    }
  };
  return [
    defineProcessCommand({
      path: "start",
      summary:
        "the Discord bot: the gateway with DISCORD_TOKEN, or INTERACTIONS_MODE=http; else the console (terminal only)",
      run: async () => {
        const config = await configOrFail();
        if (config.interactions.mode === "http") {
          const search = await searchOrFail();
          const [{ createLogger }, { runHttp }] = await Promise.all([
            import("../logger.ts"),
            import("./http.ts"),
          ]);
          return runHttp(config, search, createLogger(config.logLevel));
        }
        if (!config.discord.token) {
          if (!deps.stdinIsTTY)
            throw new Failure(
              "DISCORD_TOKEN is not set: put the bot token in .env (see .env.example), or run npm run console.",
            );
          return runConsoleMode("no-token");
        }
        const search = await searchOrFail();
        const [{ createLogger }, { runBot }, { batchedWriter }] = await Promise.all([
          import("../logger.ts"),
          import("./bot.ts"),
          import("./log-writer.ts"),
        ]);
        const out = batchedWriter((text) => process.stdout.write(text));
        process.on("exit", out.flush);
        return runBot(config, search, createLogger(config.logLevel, out.write));
      },
    }),
    defineProcessCommand({
      path: "console",
      summary: "the interactive console: the bot's commands and answers in the terminal",
      run: () => runConsoleMode("asked"),
    }),
    defineProcessCommand({
      path: "deploy",
      summary: "register the slash commands with Discord (DISCORD_TOKEN and DISCORD_CLIENT_ID)",
      run: async ({ io }) => {
        const config = await configOrFail();
        const { requireDeployConfig } = await import("../config.ts");
        const ready = requireDeployConfig(config);
        if (!ready.ok) throw new Failure(`Cannot register commands: ${ready.error}`);
        const { deployCommands } = await import("../discord/deploy.ts");
        let result: Awaited<ReturnType<typeof deployCommands>>;
        try {
          result = await deployCommands(config);
        } catch (error) {
          throw new Failure(`Registering commands failed: ${(error as Error).message}`);
        }
        const where =
          result.scope === "guild"
            ? `server ${config.discord.guildId} (shows at once)`
            : "all servers (global: may take up to an hour to show)";
        io.stdout(
          `Registered ${result.names.length} commands for ${where}: ${result.names.map((n) => `/${n}`).join(", ")}\n`,
        );
        return 0;
      },
    }),
    defineProcessCommand({
      path: "kb check",
      summary: "validate every knowledge file and print a summary; with --sources, check figures and wording",
      flags: { sources: { type: "string", value: "DIR", description: "folder of source texts" } },
      run: ({ flags, io }) =>
        checkKnowledgeBase(typeof flags.sources === "string" ? flags.sources : undefined, io),
    }),
    defineProcessCommand({
      path: "kb schema",
      summary: "regenerate knowledge/schema/*.json from the zod schemas",
      run: ({ io }) => writeKnowledgeSchemas(io),
    }),
    ...scoresCommands(withScoreboard),
    missesCommand(),
  ];
}
