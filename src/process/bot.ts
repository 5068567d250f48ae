import type { Config } from "../config.ts";
import type { Logger } from "../logger.ts";
import type { Search } from "../search/index.ts";
import { Failure } from "./kit.ts";
import { configuredScoreboardOrFail } from "./load.ts";

/**
 * Runs the Discord bot until SIGINT or SIGTERM, then shuts down cleanly and exits 0. A refused token or an
 * unreachable Discord is a one-line `Failure`.
 */
export async function runBot(config: Config, search: Search, logger: Logger): Promise<number> {
  const scoreboard = await configuredScoreboardOrFail(config);
  const { createBot } = await import("../discord/bot.ts");
  const bot = createBot(config, { search, logger, scoreboard });
  // One bad event must not take the bot down for the whole server: log a rejection and carry on.
  process.on("unhandledRejection", (error) => logger.error("unhandled_rejection", { error }));
  const stopped = new Promise<number>(() => {
    const shutdown = (signal: string) => {
      logger.info("shutting_down", { signal });
      bot.stop().finally(async () => {
        await scoreboard.close().catch(() => undefined);
        // Open HTTP keep-alive sockets would hold the process; everything worth finishing has finished.
        process.exit(0);
      });
    };
    process.once("SIGINT", () => shutdown("SIGINT"));
    process.once("SIGTERM", () => shutdown("SIGTERM"));
  });
  try {
    await bot.start();
  } catch (error) {
    const message = (error as Error).message;
    logger.error("login_failed", { error: message });
    await bot.stop();
    await scoreboard.close();
    throw new Failure(
      /token/i.test(message)
        ? "Discord refused the token: copy it again from the Developer Portal (Bot › Reset Token) into .env."
        : `Could not connect to Discord: ${message}`,
    );
  }
  return stopped;
}
