import { Client, Events, GatewayIntentBits } from "discord.js";
import type { Scoreboard } from "../answer/scoreboard.ts";
import type { Config } from "../config.ts";
import type { Logger } from "../logger.ts";
import type { Search } from "../search/index.ts";
import { createCustomIdCodec } from "./custom-id.ts";
import { createInteractionHandler } from "./dispatcher.ts";
import { SLASH_COMMANDS, type SlashCommand } from "./slash.ts";

export interface BotDeps {
  search: Search;
  logger: Logger;
  /** The quiz scoreboard; without one, quiz answers are judged but not saved. */
  scoreboard?: Scoreboard | null;
  random?: () => number;
  commands?: readonly SlashCommand[];
  /** REST tuning, for tests against a local double. */
  rest?: { retries?: number; timeout?: number };
}

export interface Bot {
  client: Client;
  /** Logs in and resolves once the gateway says ready. */
  start(): Promise<void>;
  /** Disconnects cleanly; safe to call twice. */
  stop(): Promise<void>;
}

/**
 * Builds the bot without connecting: the production entry and the end-to-end tests both call this, so
 * the tests cover the real wiring. Only the `Guilds` intent: interactions need no privileged intent.
 */
export function createBot(
  config: Config,
  { search, logger, scoreboard = null, random = Math.random, commands = SLASH_COMMANDS, rest = {} }: BotDeps,
): Bot {
  const token = config.discord.token;
  if (!token) throw new Error("createBot needs DISCORD_TOKEN; without it, start the console instead");
  const client = new Client({
    intents: [GatewayIntentBits.Guilds],
    // Nothing a user typed may ping anyone: replies opt in to the one member they address.
    allowedMentions: { parse: [] },
    rest: { api: config.discord.apiUrl, ...rest },
  });
  const handleInteraction = createInteractionHandler({
    context: { search, scoreboard, random },
    codec: createCustomIdCodec(search.kb),
    logger,
    commands,
  });

  client.on(Events.InteractionCreate, (interaction) => {
    // The handler catches its own errors; this guard is for a bug in the guard itself.
    handleInteraction(interaction).catch((error: unknown) =>
      logger.error("interaction_unhandled", { error }),
    );
  });
  client.on(Events.Error, (error) => logger.error("client_error", { error }));
  client.on(Events.Warn, (message) => logger.warn("client_warning", { message }));
  client.on(Events.ShardDisconnect, (_event, shard) => logger.warn("gateway_disconnected", { shard }));

  let stopped = false;
  return {
    client,
    async start() {
      const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
      await client.login(token);
      await ready;
      logger.info("ready", {
        user: client.user?.tag,
        guilds: client.guilds.cache.size,
        commands: commands.length,
      });
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      await client.destroy();
      logger.info("stopped");
    },
  };
}
