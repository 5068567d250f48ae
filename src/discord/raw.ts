import type {
  APIApplicationCommandAutocompleteInteraction,
  APIApplicationCommandInteraction,
  APIApplicationCommandInteractionDataOption,
  APIInteraction,
  APIInteractionResponse,
  APIInteractionResponseCallbackData,
  APIMessageApplicationCommandInteractionData,
  APIMessageComponentInteraction,
} from "discord-api-types/v10";
import { replyForAction } from "../answer/actions.ts";
import type { AnswerContext, Caller } from "../answer/context.ts";
import type { Reply } from "../answer/reply.ts";
import { ScoreboardUnavailable } from "../answer/scoreboard.ts";
import { type CommandEntry, findCommand } from "../commands/define.ts";
import { MESSAGE_COMMANDS, type MessageCommandSpec, messageInputOf } from "../commands/message.ts";
import { COMMANDS } from "../commands/table.ts";
import { type Lang, type StringKey, translator } from "../i18n/index.ts";
import type { Logger } from "../logger.ts";
import type { CustomIdCodec } from "./custom-id.ts";
import { boundInput, InputError } from "./input.ts";
import type { Outcome } from "./outcome.ts";
import { callerFrom } from "./present.ts";
import { type DiscordMessage, renderDiscord } from "./render.ts";
import { readArgs, suggestionsFor, textCap } from "./slash.ts";
import { type Delivery, deferralOf, deliveryOf } from "./visibility.ts";

/*
 * Interactions as Discord's JSON, answered without discord.js's live objects: the HTTP interactions
 * endpoint's route to the core. The same command table, the same caller (`callerFrom`: scope, place,
 * language), the same option checks and bounds (`readArgs`), the same `deliveryOf` and `renderDiscord` in
 * the member's language, the same message commands as the gateway dispatcher, so both transports give the
 * same replies; only the envelope (a response body instead of a REST call) differs. Charts are left out:
 * a response body is JSON, and the gateway's PNG attachment has no place in it (see the README).
 */

// Discord's numbers (discord-api-types is a type-only dependency here).
const PING = 1;
const APPLICATION_COMMAND = 2;
const MESSAGE_COMPONENT = 3;
const AUTOCOMPLETE = 4;
const CHAT_INPUT = 1;
const MESSAGE_COMMAND = 3;
const SUB_COMMAND = 1;
const STRING = 3;
const EPHEMERAL = 64;
const BUTTON = 2;

export interface RawDeps {
  context: AnswerContext;
  codec: CustomIdCodec;
  logger: Logger;
  commands?: readonly CommandEntry[];
  /** The message commands ("Explain this message"); default: the table's, as the gateway routes them. */
  messageCommands?: readonly MessageCommandSpec[];
  /** Where the interaction webhook lives (`DISCORD_API_URL`), for answers that miss the deadline. */
  apiUrl: string;
  /** How long to wait for an answer before deferring it and sending it through the webhook (ms). */
  deadlineMs?: number;
  fetch?: typeof fetch;
}

/** The message body Discord's API takes: snake_case `allowed_mentions`. */
export function toApiMessage(message: DiscordMessage): APIInteractionResponseCallbackData {
  const { allowedMentions, flags, ...rest } = message;
  return {
    ...rest,
    allowed_mentions: allowedMentions,
    ...(flags ? { flags } : {}),
  } as APIInteractionResponseCallbackData;
}

/** A response body with how the interaction ended and, for a miss, what the member typed (`npm run misses`). */
interface Answered {
  response: APIInteractionResponse;
  outcome: Outcome;
  query?: string;
  reason?: string;
}

const answered = (response: APIInteractionResponse, outcome: Outcome = "answered"): Answered => ({
  response,
  outcome,
});

const notice = (content: string): APIInteractionResponse => ({
  type: 4,
  data: { content, flags: EPHEMERAL, allowed_mentions: { parse: [] } },
});

/** A notice from the string table, in the member's language. */
const noticeIn = (lang: Lang | undefined, key: StringKey) => notice(translator(lang)(key));

/** The member who acted, the scoreboard scope, the place and the language: the gateway's `callerOf` logic. */
export function callerOfRaw(raw: APIInteraction): Caller {
  const fields = raw as {
    guild_id?: string;
    channel?: { id?: string } | null;
    channel_id?: string;
    context?: number | null;
    locale?: string;
  };
  return callerFrom({
    guildId: fields.guild_id,
    channelId: fields.channel?.id ?? fields.channel_id,
    context: fields.context,
    locale: fields.locale,
    userId: raw.member?.user.id ?? raw.user?.id ?? "unknown",
  });
}

type Options = readonly APIApplicationCommandInteractionDataOption[];

/** The subcommand named and the options that apply to it. */
function flatten(options: Options | undefined): { sub: string | null; options: Options } {
  const first = options?.[0];
  if (first && first.type === SUB_COMMAND) return { sub: first.name, options: first.options ?? [] };
  return { sub: null, options: options ?? [] };
}

const optionValue = (options: Options, name: string) => {
  const found = options.find((o) => o.name === name);
  return found && "value" in found ? found.value : undefined;
};

/**
 * Answers one verified interaction. Returns the HTTP response body; never throws (an error is a private
 * apology, as in the gateway dispatcher). An answer slower than the deadline is deferred (type 5) and sent
 * later to the interaction webhook with the interaction token: no bot token needed.
 */
export function createRawInteractionHandler(deps: RawDeps) {
  const { context, codec, logger, apiUrl } = deps;
  const commands = deps.commands ?? COMMANDS;
  const messageCommands = deps.messageCommands ?? MESSAGE_COMMANDS;
  const deadlineMs = deps.deadlineMs ?? 2500;
  const doFetch = deps.fetch ?? fetch;

  async function command(raw: APIApplicationCommandInteraction): Promise<Answered> {
    const caller = callerOfRaw(raw);
    const t = translator(caller.lang);
    const render = (reply: Reply, delivery: Partial<Delivery>) =>
      toApiMessage(renderDiscord(reply, codec, delivery, t, null));
    if ((raw.data.type as number) === MESSAGE_COMMAND) {
      const data = raw.data as APIMessageApplicationCommandInteractionData;
      const spec = messageCommands.find((c) => c.name === data.name);
      const target = data.resolved?.messages?.[data.target_id];
      if (!spec || !target) return answered(noticeIn(caller.lang, "error.unknownCommand"), "unknown-command");
      const reply = spec.run(
        context,
        messageInputOf(target.content, target.embeds ?? [], target.attachments?.length ?? 0),
        caller,
      );
      // Private, as on the gateway (presenter.messageCommand).
      return answered(
        { type: 4, data: render(reply, { ephemeral: true }) },
        reply.miss ? "no-match" : "answered",
      );
    }
    if ((raw.data.type as number) !== CHAT_INPUT)
      return answered(noticeIn(caller.lang, "error.unknownCommand"), "unknown-command");
    const { sub, options } = flatten("options" in raw.data ? (raw.data.options as Options) : undefined);
    const spec = findCommand(commands, raw.data.name, sub);
    if (!spec) {
      const entry = commands.find((c) => c.name === raw.data.name);
      // A known command with a subcommand it does not have: the gateway's answer (an old command version).
      if (entry && "subcommands" in entry)
        throw new InputError("unknown-subcommand", "input.unknownSubcommand", { command: entry.name });
      return answered(noticeIn(caller.lang, "error.unknownCommand"), "unknown-command");
    }
    const args = readArgs(context.search, raw.data.name, spec, (name) =>
      options.find((o) => o.name === name),
    );
    const reply = await spec.run(context, args, caller);
    const forUser = optionValue(options, "for");
    const delivery = deliveryOf(reply, {
      kind: "command",
      private: optionValue(options, "private") === true,
      for: typeof forUser === "string" ? forUser : null,
    });
    const response: APIInteractionResponse = { type: 4, data: render(reply, delivery) };
    if (!reply.miss) return answered(response);
    // What the member typed (the gateway logs the same), so `npm run misses` finds it.
    const query = options.find((o) => o.type === STRING && typeof o.value === "string");
    return {
      response,
      outcome: "no-match",
      ...(query && "value" in query ? { query: String(query.value) } : {}),
    };
  }

  async function component(raw: APIMessageComponentInteraction): Promise<Answered> {
    const caller = callerOfRaw(raw);
    if ((raw.data.component_type as number) !== BUTTON)
      return answered(noticeIn(caller.lang, "error.invalidButton"), "unsupported");
    const action = codec.decode(raw.data.custom_id);
    const reply = action ? await replyForAction(context, action, caller) : null;
    if (!action || !reply) return answered(noticeIn(caller.lang, "error.invalidButton"), "invalid-button");
    const delivery = deliveryOf(reply, {
      kind: "click",
      action,
      onPrivateMessage: ((raw.message.flags ?? 0) & EPHEMERAL) !== 0,
    });
    // An update keeps the message's own visibility: the rendered message carries no flags then.
    const { flags, ...message } = renderDiscord(reply, codec, delivery, translator(caller.lang), null);
    return answered(
      delivery.how === "update"
        ? { type: 7, data: toApiMessage(message) }
        : { type: 4, data: toApiMessage({ ...message, ...(flags ? { flags } : {}) }) },
    );
  }

  function autocomplete(raw: APIApplicationCommandAutocompleteInteraction): Answered {
    const { sub, options } = flatten(raw.data.options as Options);
    const spec = findCommand(commands, raw.data.name, sub);
    const focused = options.find((o) => "focused" in o && o.focused);
    const option = focused ? spec?.options[focused.name] : undefined;
    const choices =
      focused && "value" in focused && option?.type === "string" && option.suggest
        ? suggestionsFor(
            context.search,
            option.suggest,
            boundInput(String(focused.value), textCap(context.search, option)),
          )
        : [];
    return answered({ type: 8, data: { choices } });
  }

  function route(raw: APIInteraction): Promise<Answered> | Answered {
    switch (raw.type as number) {
      case PING:
        return answered({ type: 1 });
      case APPLICATION_COMMAND:
        return command(raw as APIApplicationCommandInteraction);
      case MESSAGE_COMPONENT:
        return component(raw as APIMessageComponentInteraction);
      case AUTOCOMPLETE:
        return autocomplete(raw as APIApplicationCommandAutocompleteInteraction);
      default:
        return {
          response: noticeIn(safeLang(raw), "notice.unsupported"),
          outcome: "unsupported",
          reason: `interaction type ${String(raw.type)}`,
        };
    }
  }

  /**
   * Who will see the answer, as far as the payload tells before it is made (`deferralOf`, the rule
   * `deliveryOf` applies): the visibility a deferral must take, since a later edit cannot change it.
   */
  function deferralFor(raw: APIInteraction): Delivery {
    try {
      if ((raw.type as number) === APPLICATION_COMMAND) {
        const data = (raw as APIApplicationCommandInteraction).data;
        // Message commands answer privately (presenter.messageCommand).
        if ((data.type as number) !== CHAT_INPUT) return { how: "reply", ephemeral: true };
        const { options } = flatten("options" in data ? (data.options as Options) : undefined);
        const forUser = optionValue(options, "for");
        return deferralOf({
          kind: "command",
          private: optionValue(options, "private") === true,
          for: typeof forUser === "string" ? forUser : null,
        });
      }
      if ((raw.type as number) === MESSAGE_COMPONENT) {
        const clicked = raw as APIMessageComponentInteraction;
        const action = codec.decode(clicked.data.custom_id);
        if (action)
          return deferralOf({
            kind: "click",
            action,
            onPrivateMessage: ((clicked.message.flags ?? 0) & EPHEMERAL) !== 0,
          });
      }
    } catch {
      // An odd payload: its answer is a notice, which is private.
    }
    return { how: "reply", ephemeral: true };
  }

  /**
   * Sends an answer that missed the deadline through the interaction webhook, whatever it is (a reply, a
   * notice, an update): normally as the edit of the deferred original message, which keeps the visibility
   * it was deferred with. A private notice after a public "thinking…" must not show in the channel: the
   * placeholder is deleted and the notice follows privately. After a deferred update, a new message is a
   * follow-up with its own visibility.
   */
  async function sendLate(
    raw: APIInteraction,
    deferral: Delivery,
    late: APIInteractionResponse,
  ): Promise<void> {
    const data: APIInteractionResponseCallbackData =
      (late.type === 4 || late.type === 7) && late.data
        ? late.data
        : {
            content: translator(safeLang(raw))("error.generic"),
            flags: EPHEMERAL,
            allowed_mentions: { parse: [] },
          };
    const { flags, ...body } = data;
    const isNew = late.type !== 7;
    const isPrivate = ((flags ?? 0) & EPHEMERAL) !== 0;
    const webhook = `${apiUrl}/v10/webhooks/${raw.application_id}/${raw.token}`;
    const call = async (method: string, url: string, payload?: unknown) => {
      const response = await doFetch(url, {
        method,
        headers: { "content-type": "application/json" },
        ...(payload === undefined ? {} : { body: JSON.stringify(payload) }),
      });
      if (!response.ok) throw new Error(`webhook ${method} answered ${response.status}`);
    };
    if (isNew && deferral.how === "update") return call("POST", webhook, data);
    if (isNew && isPrivate && !deferral.ephemeral) {
      await call("DELETE", `${webhook}/messages/@original`);
      return call("POST", webhook, { ...body, flags: EPHEMERAL });
    }
    return call("PATCH", `${webhook}/messages/@original`, body);
  }

  /** Late answers still on their way to the webhook: shutdown waits for them (`idle`). */
  const pending = new Set<Promise<void>>();

  async function answer(raw: APIInteraction): Promise<APIInteractionResponse> {
    const started = performance.now();
    const kind = raw.type as number;
    // For the log line only; the payload may be anything that was signed, so read it defensively.
    const data = (raw as { data?: { name?: unknown; custom_id?: unknown } | null }).data;
    const label = kind === MESSAGE_COMPONENT ? data?.custom_id : data?.name;
    const name = typeof label === "string" ? label.slice(0, 100) : undefined;
    const work = Promise.resolve()
      .then(() => route(raw))
      .catch((error: unknown): Answered => {
        if (kind === AUTOCOMPLETE) return answered({ type: 8, data: { choices: [] } }, "error");
        if (error instanceof InputError || error instanceof ScoreboardUnavailable) {
          // The member gets what went wrong, as on the gateway; the log says which kind (not a bug).
          return {
            response: notice(error.text(translator(safeLang(raw)))),
            outcome: error instanceof InputError ? "invalid-input" : "scoreboard-unavailable",
            reason: error instanceof InputError ? error.reason : error.kind,
          };
        }
        logger.error("interaction_failed", { kind, command: name, error });
        return answered(noticeIn(safeLang(raw), "error.generic"), "error");
      });
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<"late">((resolve) => {
      timer = setTimeout(() => resolve("late"), deadlineMs);
    });
    const first = await Promise.race([work, late]);
    clearTimeout(timer);
    // The interaction's one log line, as the gateway writes it (outcome, and the query of a miss).
    const log = ({ outcome, query, reason }: Answered, extra: Record<string, unknown> = {}) =>
      logger.info("interaction", {
        transport: "http",
        kind,
        command: name,
        ms: Math.round((performance.now() - started) * 10) / 10,
        outcome,
        ...(query !== undefined ? { query } : {}),
        ...(reason !== undefined ? { reason } : {}),
        ...extra,
      });
    if (first !== "late") {
      log(first);
      return first.response;
    }
    if (kind === AUTOCOMPLETE) {
      // Autocomplete cannot be deferred: an empty list now beats no list.
      const empty = answered({ type: 8, data: { choices: [] } }, "late");
      log(empty);
      return empty.response;
    }
    // "Thinking…" (or, for a click on a private message, nothing visible yet) with the visibility the
    // answer will have; the answer follows through the webhook with the interaction token. The one log
    // line waits for it, so it says how the interaction really ended.
    const deferral = deferralFor(raw);
    const delivering = work.then(async (done) => {
      try {
        await sendLate(raw, deferral, done.response);
        log(done, { deferred: true });
      } catch (error) {
        logger.error("late_answer_failed", { kind, command: name, error });
        log(done, { deferred: true, delivered: false });
      }
    });
    pending.add(delivering);
    void delivering.finally(() => pending.delete(delivering));
    return deferral.how === "update"
      ? { type: 6 }
      : { type: 5, ...(deferral.ephemeral ? { data: { flags: EPHEMERAL } } : {}) };
  }

  return Object.assign(answer, {
    /** Resolves once every deferred answer has been sent (or has failed): what shutdown waits for. */
    async idle(): Promise<void> {
      while (pending.size) await Promise.all(pending);
    },
  });
}

/** The member's language, read defensively (the payload may be anything that was signed). */
function safeLang(raw: APIInteraction): Lang | undefined {
  try {
    return callerOfRaw(raw).lang;
  } catch {
    return undefined;
  }
}
