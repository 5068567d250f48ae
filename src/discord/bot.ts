import {
  Client,
  Events,
  GatewayCloseCodes,
  GatewayIntentBits,
  InteractionResponseType,
  InteractionType,
  MessageFlags,
  RESTEvents,
  Routes,
} from "discord.js";
import type { Scoreboard } from "../answer/scoreboard.ts";
import type { Config } from "../config.ts";
import type { Logger } from "../logger.ts";
import type { Search } from "../search/index.ts";
import { type Budget, createBudget } from "./cooldown.ts";
import { createCustomIdCodec } from "./custom-id.ts";
import { createInteractionHandler } from "./dispatcher.ts";
import { createIntake } from "./intake.ts";
import { type BackoffOptions, boundedMakeRequest, DEFAULT_BACKOFF } from "./rest-backoff.ts";
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
  /** How 429s without a Retry-After back off. */
  backoff?: BackoffOptions;
  /** Per-member cooldowns; null turns them off. Default: {@link createBudget}'s defaults. */
  budget?: Budget | null;
  /** Called once when Discord closes the gateway for good (refused token, intents): the process should end. */
  onFatal?: (fatal: GatewayFatal) => void;
}

/** A gateway close the bot cannot recover from, and what the operator should do. */
export interface GatewayFatal {
  code: number;
  message: string;
}

/** What to tell the operator for each close code discord.js does not reconnect after. */
export const FATAL_CLOSE_CODES: Readonly<Record<number, string>> = {
  [GatewayCloseCodes.AuthenticationFailed]:
    "Discord refused the token (close 4004: it was reset or leaked): copy a new one from the Developer Portal (Bot › Reset Token) into .env and start again.",
  [GatewayCloseCodes.InvalidShard]: "Discord rejected the shard (close 4010): run one process per token.",
  [GatewayCloseCodes.ShardingRequired]:
    "Discord requires sharding for this bot (close 4011): it is in too many servers for one connection.",
  [GatewayCloseCodes.InvalidAPIVersion]:
    "Discord rejected the gateway version (close 4012): update discord.js (npm update discord.js).",
  [GatewayCloseCodes.InvalidIntents]:
    "Discord rejected the intents (close 4013): this is a bug in the bot's client options; report it.",
  [GatewayCloseCodes.DisallowedIntents]:
    "Discord refused an intent this bot is not allowed (close 4014): enable it in the Developer Portal (Bot › Privileged Gateway Intents) or remove it.",
};

/**
 * How long an interaction discord.js could not read waits before it is answered directly, counted from when
 * the client is ready. Before ready, discord.js holds every interaction back until all guilds have arrived
 * (a valid one can wait seconds), so the wait starts only once it is ready and replays what it held.
 */
const UNREAD_AFTER_MS = 500;
const UNREADABLE =
  "Discord sent this request in a form the bot could not read. Please try again; if it keeps happening, tell the bot's admin.";

/** What a shutdown found and left: interactions in flight when it began, turned away since, unfinished. */
export interface ShutdownCounts {
  inFlight: number;
  turnedAway: number;
  unfinished: number;
}

export interface BotStats {
  inFlight: number;
  handled: number;
}

export interface Bot {
  client: Client;
  /** Logs in and resolves once the gateway says ready. */
  start(): Promise<void>;
  /**
   * Stops taking new interactions (those arriving get a "restarting" notice), waits up to `drainMs` for the
   * ones in flight, then disconnects. Safe to call twice. Resolves with counts for the shutdown log line.
   */
  stop(drainMs?: number): Promise<ShutdownCounts>;
  stats(): BotStats;
}

/**
 * Builds the bot without connecting: the production entry and the end-to-end tests both call this, so
 * the tests cover the real wiring. Only the `Guilds` intent: interactions need no privileged intent.
 */
export function createBot(
  config: Config,
  {
    search,
    logger,
    scoreboard = null,
    random = Math.random,
    commands = SLASH_COMMANDS,
    rest = {},
    backoff = DEFAULT_BACKOFF,
    budget = createBudget(),
    onFatal,
  }: BotDeps,
): Bot {
  const token = config.discord.token;
  if (!token) throw new Error("createBot needs DISCORD_TOKEN; without it, start the console instead");
  const client = new Client({
    intents: [GatewayIntentBits.Guilds],
    // Nothing a user typed may ping anyone: replies opt in to the one member they address.
    allowedMentions: { parse: [] },
    rest: {
      api: config.discord.apiUrl,
      makeRequest: boundedMakeRequest({
        ...backoff,
        onBackoff: (info) => logger.info("rate_limited_without_retry_after", info),
      }),
      ...rest,
    },
  });
  let closing = false;
  let handled = 0;
  let turnedAway = 0;
  const handleInteraction = createInteractionHandler({
    context: { search, scoreboard, random },
    codec: createCustomIdCodec(search.kb),
    logger,
    commands,
    budget,
    isClosing: () => closing,
  });
  const intake = createIntake<Parameters<typeof handleInteraction>[0]>(
    async (interaction) => {
      await handleInteraction(interaction);
      handled++;
    },
    (error) => logger.error("interaction_unhandled", { error }),
  );

  client.on(Events.InteractionCreate, (interaction) => {
    if (closing) turnedAway++;
    unread.delete(interaction.id);
    intake.push(interaction);
  });

  // No interaction goes unanswered: one that discord.js could not turn into an object (a malformed
  // payload) never reaches the handler above; it gets a short private answer straight through REST.
  const unread = new Map<string, { token: string; type: number }>();
  client.on(Events.Raw, (packet: { t?: string; d?: { id?: unknown; token?: unknown; type?: unknown } }) => {
    if (packet.t !== "INTERACTION_CREATE" || typeof packet.d?.id !== "string") return;
    const { id, token, type } = packet.d;
    if (typeof token !== "string") return;
    unread.set(id, { token, type: Number(type) });
    // Not ready yet: discord.js queues the packet and replays it after ready; the timer starts then.
    if (client.isReady()) armUnread(id);
  });
  const armUnread = (id: string) => {
    setTimeout(() => {
      const left = unread.get(id);
      if (!left) return;
      unread.delete(id);
      answerUnreadable(id, left.token, left.type);
    }, UNREAD_AFTER_MS).unref();
  };
  // Those that arrived before ready: discord.js replays its queue after this event, one packet per tick.
  client.on(Events.ClientReady, () => {
    for (const id of unread.keys()) armUnread(id);
  });
  const answerUnreadable = (id: string, interactionToken: string, type: number) => {
    logger.warn("interaction", { kind: "unreadable", interactionType: type, outcome: "malformed" });
    const body =
      type === InteractionType.ApplicationCommandAutocomplete
        ? { type: InteractionResponseType.ApplicationCommandAutocompleteResult, data: { choices: [] } }
        : {
            type: InteractionResponseType.ChannelMessageWithSource,
            data: { content: UNREADABLE, flags: MessageFlags.Ephemeral, allowed_mentions: { parse: [] } },
          };
    client.rest
      .post(Routes.interactionCallback(id, interactionToken), { body, auth: false })
      .catch((error: unknown) => logger.error("error_reply_failed", { kind: "unreadable", error }));
  };
  client.on(Events.Error, (error) => logger.error("client_error", { error }));
  client.on(Events.Warn, (message) => logger.warn("client_warning", { message }));

  // The gateway's life, one info line each: reconnects, resumes, re-identifies; and fatal closes, loudly.
  let readyOnce = false;
  let fatalSent = false;
  client.on(Events.ShardReady, (shard) => {
    if (readyOnce) logger.info("gateway_reidentified", { shard });
    readyOnce = true;
  });
  client.on(Events.ShardResume, (shard, replayed) => logger.info("gateway_resumed", { shard, replayed }));
  client.on(Events.ShardReconnecting, (shard) => {
    if (!stopped) logger.info("gateway_reconnecting", { shard });
  });
  client.on(Events.ShardError, (error, shard) =>
    logger.warn("gateway_error", { shard, error: error.message }),
  );
  client.on(Events.ShardDisconnect, (event, shard) => {
    if (stopped) return;
    const message =
      FATAL_CLOSE_CODES[event.code] ??
      `Discord closed the gateway with code ${event.code} and the bot cannot reconnect: check the Discord status page, then start again.`;
    logger.error("gateway_fatal", { shard, code: event.code, action: message });
    if (!fatalSent) {
      fatalSent = true;
      onFatal?.({ code: event.code, message });
    }
  });
  client.rest.on(RESTEvents.RateLimited, (info) =>
    logger.info("rate_limited", {
      route: info.route,
      method: info.method,
      retryAfterMs: info.retryAfter,
      global: info.global,
      scope: info.scope,
    }),
  );

  let stopped = false;
  return {
    client,
    async start() {
      const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
      await client.login(token);
      await ready;
      logger.info("ready", {
        pid: process.pid,
        user: client.user?.tag,
        guilds: client.guilds.cache.size,
        commands: commands.length,
      });
    },
    async stop(drainMs = 5000) {
      if (stopped) return { inFlight: 0, turnedAway: 0, unfinished: 0 };
      closing = true;
      const inFlight = intake.inFlight();
      const { unfinished } = await intake.drain(drainMs);
      stopped = true;
      await client.destroy();
      return { inFlight, turnedAway, unfinished };
    },
    stats: () => ({ inFlight: intake.inFlight(), handled }),
  };
}
