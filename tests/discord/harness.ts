import { parseConfig } from "../../src/config.ts";
import { type Bot, type BotDeps, createBot } from "../../src/discord/bot.ts";
import type { DiscordDouble } from "./double.ts";
import { TEST_TOKEN } from "./wire.ts";

/**
 * The production bot, started against the Discord double: a test token, the double's API, no REST retries,
 * and no cooldowns unless `deps.budget` sets some (one member sends many interactions in a row in these
 * tests; cooldowns have their own).
 */
export async function startBotOnDouble(double: DiscordDouble, deps: BotDeps): Promise<Bot> {
  const parsed = parseConfig({
    DISCORD_TOKEN: TEST_TOKEN,
    DISCORD_CLIENT_ID: double.applicationId,
    DISCORD_API_URL: double.apiUrl,
  });
  if (!parsed.ok) throw new Error(parsed.error);
  const bot = createBot(parsed.config, { rest: { retries: 0, timeout: 5000 }, budget: null, ...deps });
  await bot.start();
  return bot;
}
