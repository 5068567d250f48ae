/**
 * A small Discord API double (REST + gateway) on 127.0.0.1 that a real discord.js `Client` can log in to.
 *
 * Use `rest: { api: double.apiUrl, retries: 0, timeout: 5000 }` in the client options, send interactions
 * with {@link DiscordDouble.dispatch} and inspect what the bot answered in the recorded arrays.
 * See /work/shared/notes/discord.md for the protocol details this relies on.
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type * as D from "discord-api-types/v10";
import {
  ApplicationCommandType,
  ButtonStyle,
  ChannelType,
  ComponentType,
  InteractionType,
  Locale,
  MessageType,
} from "discord-api-types/v10";
import { type WebSocket, WebSocketServer } from "ws";

/** Every HTTP request the double received. `body` is parsed JSON, or the raw text if it was not JSON. */
export interface RecordedRequest {
  method: string;
  /** Path without query, still URL-encoded (e.g. `.../messages/%40original`). */
  path: string;
  query: URLSearchParams;
  body: unknown;
  /** The files of a multipart request (attachments), in order. */
  files: RecordedFile[];
}

/** One file part of a multipart request: its form field, file name, type and bytes. */
export interface RecordedFile {
  field: string;
  filename: string;
  contentType: string;
  bytes: Buffer;
}

/** A `POST /interactions/:id/:token/callback`. `data` is the callback's `data` (multipart: its payload_json, or raw text). */
export interface RecordedCallback {
  interactionId: string;
  token: string;
  /** InteractionResponseType: 4 reply, 5 defer, 6 deferred update, 7 update, 8 autocomplete, 9 modal. */
  type: number;
  data: unknown;
  withResponse: boolean;
  /** Files uploaded with the callback (multipart), e.g. a chart. */
  files: RecordedFile[];
  /** When the double received it (performance.now() of the double's process). */
  at: number;
}

/** A webhook call on an interaction token: `PATCH|GET|DELETE .../messages/:messageId` or a follow-up `POST`. */
export interface RecordedWebhookCall {
  method: string;
  applicationId: string;
  token: string;
  /** Decoded message id (`@original` for the reply); `undefined` for a follow-up POST. */
  messageId: string | undefined;
  body: unknown;
}

/** A `PUT` of application commands (global when `guildId` is undefined). */
export interface RecordedCommandPut {
  path: string;
  applicationId: string;
  guildId: string | undefined;
  body: unknown;
}

/** Who acts in an interaction, and other optional overrides for the payload builders. Timeouts (`ms`) default to 5 s. */
export interface InteractionExtras {
  /** The acting user (default: id "100000000000000001", username "tester"; other ids get "user" + last 4 digits). */
  user?: Partial<D.APIUser> & { id: string };
  roles?: string[];
  /** Member permissions bitfield as a string (default: "8", administrator). */
  permissions?: string;
  locale?: Locale;
  /** Resolved data for user/role/channel options (see {@link resolvedUsers}). */
  resolved?: D.APIInteractionDataResolved;
  /** Where the member used the command (default "guild"): a DM with the bot or a group DM has no guild. */
  where?: "guild" | "dm" | "private-channel";
  /** Who installed the app that answers (default "guild"): a user install lists the member as its owner. */
  install?: "guild" | "user";
  /** Flags of the message carrying the button (for {@link DiscordDouble.button}; e.g. 64, ephemeral). Default 0. */
  messageFlags?: D.MessageFlags;
}

type Options = D.APIApplicationCommandInteractionDataOption[];
/** The interaction payloads the builders return. */
export type ChatInputPayload = D.APIChatInputApplicationCommandInteraction;
export type AutocompletePayload = D.APIApplicationCommandAutocompleteInteraction;
export type ButtonPayload = D.APIMessageComponentButtonInteraction;
export type MessageCommandPayload = D.APIMessageApplicationCommandInteraction;
type WebhookPredicate = (call: RecordedWebhookCall) => boolean;

export interface DiscordDouble {
  /** For discord.js `rest: { api }`: `http://127.0.0.1:PORT/api`. */
  readonly apiUrl: string;
  readonly port: number;
  readonly applicationId: string;
  readonly guildId: string;
  readonly channelId: string;
  readonly botUser: D.APIUser;
  readonly requests: RecordedRequest[];
  readonly callbacks: RecordedCallback[];
  readonly webhookCalls: RecordedWebhookCall[];
  readonly commandPuts: RecordedCommandPut[];
  /** Requests no route matched (answered 404); a test should expect this to be empty. */
  readonly unknownRoutes: { method: string; path: string }[];
  /** IDENTIFY (op 2) and RESUME (op 6) payloads received; a resume is answered with RESUMED. */
  readonly gateway: { identifies: number; resumes: number };
  /** Answers the next `count` interaction callbacks with 429 and no Retry-After; returns how many so far. */
  rateLimitNext(count: number): void;
  /** 429s sent by {@link rateLimitNext} so far. */
  rateLimitedCount(): number;
  /** Closes every gateway connection with `code` (4000 resumable, 4007 re-identify, 4004 token refused). */
  closeGateway(code: number): void;
  /** Resolves once a client has identified and received READY and GUILD_CREATE. */
  waitForReady(ms?: number): Promise<void>;
  /** Sends INTERACTION_CREATE without waiting (for bursts; read `callbacks` after). False with no client. */
  send(payload: D.APIInteraction): boolean;
  /** Sends INTERACTION_CREATE and resolves with the first callback for that interaction id. */
  dispatch(payload: D.APIInteraction, ms?: number): Promise<RecordedCallback>;
  /**
   * Resolves with the first webhook call on `token` matching `predicate` that no earlier `waitForWebhook`
   * returned (already recorded or still to come). Default predicate: edits and follow-ups (PATCH or POST).
   */
  waitForWebhook(token: string, predicate?: WebhookPredicate, ms?: number): Promise<RecordedWebhookCall>;
  /** A chat-input command; options may hold subcommands (`type: 1` with nested `options`). */
  chatInput(name: string, options?: Options, extras?: InteractionExtras): ChatInputPayload;
  /** Mark the option being typed with `focused: true`. */
  autocomplete(name: string, options: Options, extras?: InteractionExtras): AutocompletePayload;
  /** A message command (right-click › Apps) on `target`, a message by another member. */
  messageCommand(
    name: string,
    target: Partial<D.APIMessage>,
    extras?: InteractionExtras,
  ): MessageCommandPayload;
  /** A button click on a bot message carrying that button. */
  button(customId: string, extras?: InteractionExtras): ButtonPayload;
  close(): Promise<void>;
}

const DISCORD_EPOCH = 1420070400000n;
const EPOCH_ISO = new Date(0).toISOString();
const ALL_PERMISSIONS = "1071698660929";
let sequence = 0n;
/** A unique, plausible snowflake. */
export function snowflake(): string {
  sequence = (sequence + 1n) % 4096n;
  return (((BigInt(Date.now()) - DISCORD_EPOCH) << 22n) | sequence).toString();
}

/** A plain (non-bot) user. */
export function user(id: string, username = `user${id.slice(-4)}`): D.APIUser {
  return { id, username, discriminator: "0", global_name: username, avatar: null };
}

/** `resolved` data for user options: fills `resolved.users` and `resolved.members`. */
export function resolvedUsers(...users: D.APIUser[]): D.APIInteractionDataResolved {
  type UsersAndMembers = Required<Pick<D.APIInteractionDataResolved, "users" | "members">>;
  const resolved: UsersAndMembers = { users: {}, members: {} };
  for (const u of users) {
    resolved.users[u.id] = u;
    const flags = 0 as D.GuildMemberFlags;
    resolved.members[u.id] = { roles: [], joined_at: EPOCH_ISO, permissions: "0", flags };
  }
  return resolved;
}

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    const error = new Error(`Discord double: timed out after ${ms} ms waiting for ${what}`);
    timer = setTimeout(() => reject(error), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** Routes (after `/api/v10`) with ids to capture, besides GET /gateway/bot and /users/@me. */
const ROUTES = {
  callback: [["POST"], /^\/interactions\/([^/]+)\/([^/]+)\/callback$/],
  followUp: [["POST"], /^\/webhooks\/([^/]+)\/([^/]+)$/],
  message: [["PATCH", "GET", "DELETE"], /^\/webhooks\/([^/]+)\/([^/]+)\/messages\/([^/]+)$/],
  commands: [["PUT"], /^\/applications\/([^/]+)(?:\/guilds\/([^/]+))?\/commands$/],
} as const;

/** Decoded captures if the request matches `route`. */
function match(method: string, path: string, [methods, re]: (typeof ROUTES)[keyof typeof ROUTES]) {
  if (!(methods as readonly string[]).includes(method)) return undefined;
  const captures = re.exec(path.replace(/^\/api\/v10/, ""))?.slice(1);
  return captures?.map((s) => s && decodeURIComponent(s));
}

/** The parts of a multipart/form-data body, read byte for byte (latin1 keeps every byte as one char). */
function parseMultipart(raw: Buffer, contentType: string): { json: unknown; files: RecordedFile[] } {
  const boundary = /boundary=(?:"([^"]+)"|([^;]+))/.exec(contentType);
  const text = raw.toString("latin1");
  const files: RecordedFile[] = [];
  let json: unknown;
  for (const part of text.split(`--${boundary?.[1] ?? boundary?.[2] ?? ""}`)) {
    const split = part.indexOf("\r\n\r\n");
    if (split < 0) continue;
    const headers = part.slice(0, split);
    const body = Buffer.from(part.slice(split + 4).replace(/\r\n$/, ""), "latin1");
    const field = /name="([^"]*)"/.exec(headers)?.[1] ?? "";
    const filename = /filename="([^"]*)"/.exec(headers)?.[1];
    if (field === "payload_json") json = JSON.parse(body.toString("utf8"));
    else if (filename !== undefined)
      files.push({
        field,
        filename,
        contentType: /content-type: *([^\r\n]+)/i.exec(headers)?.[1] ?? "",
        bytes: body,
      });
  }
  return { json, files };
}

function parseBody(raw: string): unknown {
  if (raw === "") return undefined;
  try {
    return JSON.parse(raw);
  } catch {
    return raw;
  }
}

/** Starts the double on a free port of 127.0.0.1. */
export async function startDiscordDouble(
  options: {
    applicationId?: string;
    guildId?: string;
    /** Sends GUILD_CREATE this long after READY (default: at once), as Discord does for a slow guild. */
    guildCreateDelayMs?: number;
  } = {},
): Promise<DiscordDouble> {
  const applicationId = options.applicationId ?? "200000000000000001";
  const guildId = options.guildId ?? "300000000000000001";
  const channelId = "400000000000000001";
  const botUser: D.APIUser = { ...user(applicationId, "mic2025-bot"), bot: true };
  const requests: RecordedRequest[] = [];
  const callbacks: RecordedCallback[] = [];
  const webhookCalls: RecordedWebhookCall[] = [];
  const commandPuts: RecordedCommandPut[] = [];
  const unknownRoutes: { method: string; path: string }[] = [];
  const interactionTypes = new Map<string, InteractionType>();
  /** The id given to each token's `@original` message, so edits and fetches agree. */
  const originals = new Map<string, string>();
  const originalId = (token: string) => {
    const id = originals.get(token) ?? snowflake();
    originals.set(token, id);
    return id;
  };
  const listeners = new Set<() => void>();
  const notify = () => {
    for (const listener of [...listeners]) listener();
  };
  /** Resolves when `check` returns a value, checked now and after every recorded request or READY. */
  const waitFor = <T>(check: () => T | undefined, ms: number, what: string): Promise<T> => {
    let listener = () => {};
    const found = new Promise<T>((resolve) => {
      listener = () => {
        const value = check();
        if (value !== undefined) resolve(value);
      };
      listeners.add(listener);
      listener();
    });
    return withTimeout(found, ms, what).finally(() => listeners.delete(listener));
  };

  const message = (body: unknown, id = snowflake()): D.APIMessage => {
    const b = (typeof body === "object" && body !== null ? body : {}) as Partial<D.APIMessage>;
    // biome-ignore format: compact
    return { id, channel_id: channelId, author: botUser, content: b.content ?? "", timestamp: new Date().toISOString(),
      edited_timestamp: null, tts: false, mention_everyone: false, mentions: [], mention_roles: [], attachments: [],
      embeds: b.embeds ?? [], components: b.components ?? [], pinned: false, type: MessageType.Default,
      flags: b.flags ?? (0 as D.MessageFlags), webhook_id: applicationId, application_id: applicationId };
  };

  const route = (
    method: string,
    path: string,
    query: URLSearchParams,
    body: unknown,
    files: RecordedFile[],
  ): [number, unknown] => {
    const callback = match(method, path, ROUTES.callback);
    const followUp = match(method, path, ROUTES.followUp);
    const messageCall = match(method, path, ROUTES.message);
    const commandPut = match(method, path, ROUTES.commands);
    if (method === "GET" && path === "/api/v10/gateway/bot") {
      const session_start_limit = { total: 1000, remaining: 1000, reset_after: 0, max_concurrency: 1 };
      return [200, { url: `ws://127.0.0.1:${port}`, shards: 1, session_start_limit }];
    }
    if (method === "GET" && path === "/api/v10/users/@me") return [200, botUser];
    if (callback) {
      const [interactionId = "", token = ""] = callback;
      const { type: rawType, data = body } = (body ?? {}) as { type?: unknown; data?: unknown };
      const type = Number(rawType);
      const withResponse = query.get("with_response") === "true";
      callbacks.push({ interactionId, token, type, data, withResponse, files, at: performance.now() });
      if (!withResponse) return [204, undefined];
      const msg = [4, 5, 7].includes(type) ? message(data, originalId(token)) : undefined;
      // biome-ignore format: compact
      const interaction = { id: interactionId, type: interactionTypes.get(interactionId) ?? InteractionType.ApplicationCommand,
        response_message_id: msg?.id, response_message_loading: type === 5,
        response_message_ephemeral: ((msg?.flags ?? 0) & 64) !== 0 };
      return [200, { interaction, resource: msg ? { type, message: msg } : { type } }];
    }
    if (followUp || messageCall) {
      const [applicationId = "", token = "", messageId] = followUp ?? messageCall ?? [];
      webhookCalls.push({ method, applicationId, token, messageId, body });
      if (method === "DELETE") return [204, undefined];
      return [200, message(body, messageId === "@original" ? originalId(token) : (messageId ?? snowflake()))];
    }
    if (commandPut) {
      const [applicationId = "", guildId] = commandPut;
      commandPuts.push({ path, applicationId, guildId, body });
      const commands = Array.isArray(body) ? (body as Record<string, unknown>[]) : [];
      const extra = { application_id: applicationId, version: snowflake(), default_member_permissions: null };
      return [200, commands.map((c) => ({ type: 1, ...c, id: snowflake(), ...extra, guild_id: guildId }))];
    }
    unknownRoutes.push({ method, path });
    return [404, { message: "404: Not Found", code: 0 }];
  };

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const url = new URL(req.url ?? "/", "http://127.0.0.1");
      const method = req.method ?? "GET";
      const raw = Buffer.concat(chunks);
      const type = req.headers["content-type"];
      const multipart = type?.startsWith("multipart/") ? parseMultipart(raw, type) : undefined;
      const body = multipart ? multipart.json : parseBody(raw.toString("utf8"));
      const files = multipart?.files ?? [];
      requests.push({ method, path: url.pathname, query: url.searchParams, body, files });
      if (rateLimitsLeft > 0 && url.pathname.includes("/interactions/")) {
        // A 429 without Retry-After (a misbehaving proxy in front of Discord does this).
        rateLimitsLeft--;
        rateLimited++;
        res.writeHead(429, { "content-type": "application/json" }).end('{"message":"rate limited"}');
        notify();
        return;
      }
      const [status, answer] = route(method, url.pathname, url.searchParams, body, files);
      if (answer === undefined) res.writeHead(status).end();
      else res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(answer));
      notify();
    });
  });

  let rateLimitsLeft = 0;
  let rateLimited = 0;
  const gateway = { identifies: 0, resumes: 0 };
  const wss = new WebSocketServer({ server });
  let seq = 0;
  let ready = false;
  const dispatchEvent = (ws: WebSocket, t: string, d: unknown) =>
    ws.send(JSON.stringify({ op: 0, t, s: ++seq, d }));
  // biome-ignore format: compact
  const guildCreate = () => ({ id: guildId, name: "Test Guild", icon: null, owner_id: "100000000000000001",
    afk_timeout: 300, verification_level: 0, default_message_notifications: 0, explicit_content_filter: 0,
    mfa_level: 0, nsfw_level: 0, premium_tier: 0, preferred_locale: Locale.EnglishUS, features: [], emojis: [],
    stickers: [], roles: [{ id: guildId, name: "@everyone", permissions: ALL_PERMISSIONS, position: 0, color: 0 }],
    channels: [{ id: channelId, type: ChannelType.GuildText, name: "general", position: 0, guild_id: guildId }],
    threads: [], members: [], presences: [], voice_states: [], stage_instances: [], guild_scheduled_events: [],
    member_count: 1, large: false, unavailable: false, joined_at: EPOCH_ISO });
  wss.on("connection", (ws) => {
    ws.send(JSON.stringify({ op: 10, d: { heartbeat_interval: 45000 } }));
    ws.on("message", (raw) => {
      const { op } = JSON.parse(String(raw)) as { op: number };
      if (op === 1) ws.send(JSON.stringify({ op: 11 }));
      if (op === 6) {
        gateway.resumes++;
        dispatchEvent(ws, "RESUMED", {});
        notify();
        return;
      }
      if (op !== 2) return;
      gateway.identifies++;
      // biome-ignore format: compact
      dispatchEvent(ws, "READY", { v: 10, user: botUser, guilds: [{ id: guildId, unavailable: true }],
        session_id: `session-${snowflake()}`, resume_gateway_url: `ws://127.0.0.1:${port}`,
        application: { id: applicationId, flags: 0 }, shard: [0, 1] });
      const sendGuild = () => {
        if (ws.readyState !== ws.OPEN) return;
        dispatchEvent(ws, "GUILD_CREATE", guildCreate());
        ready = true;
        notify();
      };
      if (options.guildCreateDelayMs) setTimeout(sendGuild, options.guildCreateDelayMs);
      else sendGuild();
    });
  });

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;

  // biome-ignore format: compact
  const member = (extras: InteractionExtras): D.APIInteractionGuildMember => ({
    user: { ...user(extras.user?.id ?? "100000000000000001", extras.user ? undefined : "tester"), ...extras.user },
    roles: extras.roles ?? [], permissions: extras.permissions ?? "8", joined_at: EPOCH_ISO,
    deaf: false, mute: false, flags: 0 as D.GuildMemberFlags,
  });
  // biome-ignore format: compact
  // biome-ignore format: compact
  const commonOf = (extras: InteractionExtras, acting: D.APIInteractionGuildMember) => ({ id: snowflake(),
    application_id: applicationId, token: `token-${snowflake()}`, version: 1 as const,
    app_permissions: ALL_PERMISSIONS, locale: extras.locale ?? Locale.EnglishUS, entitlements: [],
    // A user install lists the member as the owner that authorised the app; a server install, the server.
    authorizing_integration_owners: extras.install === "user" ? { "1": acting.user.id } : { "0": guildId },
    attachment_size_limit: 8 * 1024 * 1024 });
  // biome-ignore format: compact
  const inGuild = (common: ReturnType<typeof commonOf>, acting: D.APIInteractionGuildMember) => ({ ...common,
    guild_id: guildId, channel_id: channelId, member: acting, context: 0 as const,
    channel: { id: channelId, type: ChannelType.GuildText as const, name: "general" },
    guild: { id: guildId, features: [], locale: Locale.EnglishUS }, guild_locale: Locale.EnglishUS });
  const base = (extras: InteractionExtras) => {
    const acting = member(extras);
    const common = commonOf(extras, acting);
    if (extras.where !== "dm" && extras.where !== "private-channel") return inGuild(common, acting);
    const dm = extras.where === "dm";
    const id = dm ? "500000000000000001" : "600000000000000001";
    // Discord sends no guild, no member and no guild_locale outside a server: the user acts as themself.
    // biome-ignore format: compact
    const outside = { ...common, channel_id: id, user: acting.user, context: dm ? 1 : 2,
      channel: dm ? { id, type: ChannelType.DM as const, recipients: [acting.user], flags: 0 as D.ChannelFlags }
        : { id, type: ChannelType.GroupDM as const, name: "study group", recipients: [acting.user],
            owner_id: acting.user.id, icon: null, flags: 0 as D.ChannelFlags } };
    // The builders' return types are the guild shape; a DM payload is the same interaction without a guild.
    return outside as unknown as ReturnType<typeof inGuild>;
  };
  // biome-ignore format: compact
  const commandData = (name: string, options: Options, extras: InteractionExtras) => ({
    id: snowflake(), name, type: ApplicationCommandType.ChatInput as const, options,
    ...(extras.where === "dm" || extras.where === "private-channel" ? {} : { guild_id: guildId }),
    ...(extras.resolved ? { resolved: extras.resolved } : {}),
  });
  const delivered = new Set<RecordedWebhookCall>();
  const editOrFollowUp = (call: RecordedWebhookCall) => call.method === "PATCH" || call.method === "POST";

  return {
    apiUrl: `http://127.0.0.1:${port}/api`,
    port,
    applicationId,
    guildId,
    channelId,
    botUser,
    requests,
    callbacks,
    webhookCalls,
    commandPuts,
    unknownRoutes,
    gateway,
    rateLimitNext(count) {
      rateLimitsLeft = count;
    },
    rateLimitedCount: () => rateLimited,
    closeGateway(code) {
      for (const ws of wss.clients) ws.close(code, "closed by the double");
    },
    waitForReady: async (ms = 5000) => void (await waitFor(() => (ready ? true : undefined), ms, "IDENTIFY")),
    send(payload) {
      interactionTypes.set(payload.id, payload.type);
      const clients = [...wss.clients].filter((ws) => ws.readyState === ws.OPEN);
      for (const ws of clients) dispatchEvent(ws, "INTERACTION_CREATE", payload);
      return clients.length > 0;
    },
    dispatch(payload, ms = 5000) {
      const clients = [...wss.clients];
      if (clients.length === 0) return Promise.reject(new Error("Discord double: no client connected"));
      interactionTypes.set(payload.id, payload.type);
      for (const ws of clients) dispatchEvent(ws, "INTERACTION_CREATE", payload);
      const what = `a callback to interaction ${payload.id} (${JSON.stringify(payload.data ?? {}).slice(0, 80)})`;
      return waitFor(() => callbacks.find((c) => c.interactionId === payload.id), ms, what);
    },
    waitForWebhook(token, predicate = editOrFollowUp, ms = 5000) {
      const check = () => {
        const call = webhookCalls.find((c) => c.token === token && !delivered.has(c) && predicate(c));
        if (call) delivered.add(call);
        return call;
      };
      return waitFor(check, ms, `a webhook call on token ${token}`);
    },
    chatInput: (name, options = [], extras = {}) => ({
      ...base(extras),
      type: InteractionType.ApplicationCommand,
      data: commandData(name, options, extras),
    }),
    autocomplete: (name, options, extras = {}) => ({
      ...base(extras),
      type: InteractionType.ApplicationCommandAutocomplete,
      data: commandData(name, options, extras),
    }),
    messageCommand(name, target, extras = {}) {
      const targetId = target.id ?? snowflake();
      const author = user("700000000000000001", "someone");
      const targetMessage = {
        ...message({}, targetId),
        author,
        webhook_id: undefined,
        application_id: undefined,
        ...target,
        id: targetId,
      };
      // biome-ignore format: compact
      return { ...base(extras), type: InteractionType.ApplicationCommand,
        data: { id: snowflake(), name, type: ApplicationCommandType.Message, target_id: targetId,
          resolved: { messages: { [targetId]: targetMessage } } } } as MessageCommandPayload;
    },
    button(customId, extras = {}) {
      const style = ButtonStyle.Primary;
      const go = { type: ComponentType.Button, style, custom_id: customId, label: "Go" } as const;
      const components: D.APIMessageTopLevelComponent[] = [
        { type: ComponentType.ActionRow, components: [go] },
      ];
      return {
        ...base(extras),
        type: InteractionType.MessageComponent,
        data: { component_type: ComponentType.Button, custom_id: customId },
        message: message({ content: "a message with a button", components, flags: extras.messageFlags }),
      };
    },
    async close() {
      for (const ws of wss.clients) ws.terminate();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
