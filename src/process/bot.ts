import type { Config } from "../config.ts";
import type { Logger } from "../logger.ts";
import type { Search } from "../search/index.ts";
import { Failure } from "./kit.ts";
import { resilientScoreboard } from "./load.ts";

/** How long a shutdown waits for interactions in flight before disconnecting. */
export const DRAIN_MS = 5000;

/** Exit codes of `npm start` (see the README). */
export const EXIT = { stopped: 0, failure: 1, gatewayFatal: 3 } as const;

/**
 * Runs the Discord bot until SIGINT or SIGTERM, then stops taking interactions, answers those in flight,
 * closes the scoreboard, logs one `stopped` line with counts and exits 0. A refused token at login is a
 * one-line `Failure` (exit 1); a gateway closed for good while running (token reset, intents) is one
 * `gateway_fatal` line and exit 3. A scoreboard that cannot be opened only disables the quiz scores.
 */
export async function runBot(config: Config, search: Search, logger: Logger): Promise<number> {
  // SQLite or PostgreSQL (DATABASE_URL), behind the fault wrapper: a store that cannot be opened only
  // disables the quiz scores, for either backend.
  const [scoreboard, { createBot }] = await Promise.all([
    resilientScoreboard(config, logger),
    import("../discord/bot.ts"),
  ]);
  let ending: Promise<never> | null = null;
  const end = (code: number, reason: string, signal?: string): Promise<never> => {
    ending ??= (async () => {
      const started = performance.now();
      logger.info("shutting_down", { reason, ...(signal ? { signal } : {}), inFlight: bot.stats().inFlight });
      // Guard: whatever hangs, the process ends within a few seconds.
      setTimeout(() => process.exit(code), DRAIN_MS + 3000).unref();
      const counts = await bot.stop(code === EXIT.stopped ? DRAIN_MS : 0).catch((error: unknown) => {
        logger.error("stop_failed", { error });
        return { inFlight: -1, turnedAway: 0, unfinished: -1 };
      });
      await scoreboard.close().catch(() => undefined);
      logger.info("stopped", {
        reason,
        exitCode: code,
        handled: bot.stats().handled,
        inFlight: counts.inFlight,
        answeredInFlight: Math.max(0, counts.inFlight - counts.unfinished),
        turnedAway: counts.turnedAway,
        unfinished: counts.unfinished,
        ms: Math.round(performance.now() - started),
      });
      // Open HTTP keep-alive sockets would hold the process; everything worth finishing has finished.
      process.exit(code);
    })();
    return ending;
  };
  const bot = createBot(config, {
    search,
    logger,
    scoreboard,
    onFatal: () => void end(EXIT.gatewayFatal, "gateway_fatal"),
  });
  // One bad event must not take the bot down for the whole server: log a rejection and carry on.
  process.on("unhandledRejection", (error) => logger.error("unhandled_rejection", { error }));
  const stopped = new Promise<number>(() => {
    process.once("SIGINT", () => void end(EXIT.stopped, "signal", "SIGINT"));
    process.once("SIGTERM", () => void end(EXIT.stopped, "signal", "SIGTERM"));
  });
  try {
    await bot.start();
  } catch (error) {
    const message = (error as Error).message;
    logger.error("login_failed", { error: message });
    await bot.stop(0);
    await scoreboard.close().catch(() => undefined);
    throw new Failure(
      /token/i.test(message)
        ? "Discord refused the token: copy it again from the Developer Portal (Bot › Reset Token) into .env."
        : `Could not connect to Discord: ${message}`,
    );
  }
  return stopped;
}
