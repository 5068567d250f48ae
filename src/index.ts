import { join } from "node:path";
import { loadConfig } from "./config.ts";
import { runConsole } from "./console/repl.ts";
import { createBot } from "./discord/bot.ts";
import { loadKnowledgeOrThrow } from "./knowledge/load.ts";
import { createLogger } from "./logger.ts";
import { createSearch } from "./search/index.ts";
import { openScoreboard } from "./storage/scoreboard.ts";

// `npm start`: the Discord bot when DISCORD_TOKEN is set, the console otherwise. Wiring only.
const loaded = loadConfig();
if (!loaded.ok) {
  console.error(`Configuration problem: ${loaded.error}. Fix it in .env (see .env.example) and start again.`);
  process.exit(1);
}
const { config } = loaded;
const search = createSearch(loadKnowledgeOrThrow());

if (config.mode === "console") {
  await runConsole(
    { search, scoreboard: openScoreboard(":memory:"), random: Math.random },
    { opened: "no-token" },
  );
} else {
  const logger = createLogger(config.logLevel);
  const scoreFile = join(config.dataDir, "scoreboard.sqlite");
  let scoreboard: ReturnType<typeof openScoreboard>;
  try {
    scoreboard = openScoreboard(scoreFile);
  } catch (error) {
    console.error(
      `Cannot open the quiz scoreboard at ${scoreFile}: ${(error as Error).message}. Set DATA_DIR in .env to a writable folder.`,
    );
    process.exit(1);
  }
  const bot = createBot(config, { search, logger, scoreboard });
  // Log and keep running: one bad event must not take the bot down for the whole server.
  process.on("unhandledRejection", (error) => logger.error("unhandled_rejection", { error }));
  process.on("uncaughtException", (error) => logger.error("uncaught_exception", { error }));
  const shutdown = (signal: string) => {
    logger.info("shutting_down", { signal });
    bot.stop().finally(() => {
      scoreboard.close();
      process.exit(0);
    });
  };
  process.once("SIGINT", () => shutdown("SIGINT"));
  process.once("SIGTERM", () => shutdown("SIGTERM"));
  try {
    await bot.start();
  } catch (error) {
    const message = (error as Error).message;
    logger.error("login_failed", { error: message });
    console.error(
      /token/i.test(message)
        ? "Discord refused the token: copy it again from the Developer Portal (Bot › Reset Token) into .env."
        : `Could not connect to Discord: ${message}`,
    );
    await bot.stop();
    process.exit(1);
  }
}
