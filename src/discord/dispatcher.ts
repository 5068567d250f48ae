import {
  type AutocompleteInteraction,
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  type Interaction,
  LimitedCollection,
  MessageFlags,
} from "discord.js";
import { replyForAction } from "../answer/actions.ts";
import type { AnswerContext } from "../answer/context.ts";
import type { Reply } from "../answer/reply.ts";
import { ScoreboardUnavailable } from "../answer/scoreboard.ts";
import { langOf, translator } from "../i18n/index.ts";
import type { Logger } from "../logger.ts";
import { type Budget, cooldownMessage } from "./cooldown.ts";
import type { CustomIdCodec } from "./custom-id.ts";
import { InputError } from "./input.ts";
import { DISCORD_LIMITS, truncate } from "./limits.ts";
import type { Outcome } from "./outcome.ts";
import { callerOf, createPresenter, notice } from "./present.ts";
import type { DiscordMessage } from "./render.ts";
import { RateLimitedWithoutRetryAfter } from "./rest-backoff.ts";
import { SLASH_COMMANDS, type SlashCommand } from "./slash.ts";
import { deliveryOf } from "./visibility.ts";

export interface DispatcherDeps {
  context: AnswerContext;
  codec: CustomIdCodec;
  logger: Logger;
  commands?: readonly SlashCommand[];
  /** Per-member cooldowns; null turns them off (tests that send many interactions as one member). */
  budget?: Budget | null;
  /** True once the bot is shutting down: new interactions get a short "restarting" notice. */
  isClosing?: () => boolean;
}

/** Interaction ids remembered: Discord may deliver an interaction twice, and a second answer fails. */
const RECENT_IDS = 2000;

export { callerOf } from "./present.ts";

/** Rendered answers remembered (oldest dropped first); commands not listed in UNCACHED only. */
const RENDERED_CACHE = 500;
/**
 * Commands whose answer changes from one call to the next, or depends on who asks beyond their language:
 * the quiz (random questions; scores per scope and member).
 */
export const UNCACHED: ReadonlySet<string> = new Set(["quiz"]);

/**
 * What decides a cached answer: the member's interface language (headings, buttons, chart labels follow
 * the locale), the command and its option values (subcommands, `private` and `for` included). Nothing else
 * of the caller reaches a cached command: only the quiz (UNCACHED) reads the scope, place or member.
 */
export function cacheKey(interaction: ChatInputCommandInteraction): string {
  const flat = (
    options: readonly { name: string; value?: unknown; options?: readonly unknown[] }[],
  ): unknown[] => options.map((o) => [o.name, o.value ?? null, flat((o.options ?? []) as typeof options)]);
  return JSON.stringify([
    langOf(interaction.locale),
    interaction.commandName,
    flat(interaction.options.data),
  ]);
}

/**
 * The one `interactionCreate` handler: slash commands, autocomplete and buttons. Every interaction is
 * answered once, and logged once with its kind, command, latency and outcome. A handler that throws is
 * logged and answered with a short private message; nothing escapes to discord.js.
 */
export function createInteractionHandler({
  context,
  codec,
  logger,
  commands = SLASH_COMMANDS,
  budget = null,
  isClosing = () => false,
}: DispatcherDeps) {
  const presenter = createPresenter({ context, codec, logger });
  const byName = new Map(commands.map((c) => [c.data.name, c]));
  const recent = new LimitedCollection<string, true>({ maxSize: RECENT_IDS });
  const rendered = new LimitedCollection<string, { reply: Reply; message: DiscordMessage }>({
    maxSize: RENDERED_CACHE,
  });

  async function onCommand(
    interaction: ChatInputCommandInteraction,
  ): Promise<{ outcome: Outcome; query?: string }> {
    const command = byName.get(interaction.commandName);
    if (!command) {
      await interaction.reply(notice(interaction, "error.unknownCommand"));
      return { outcome: "unknown-command" };
    }
    // Every command but the quiz (random questions, the scoreboard) answers the same options in the same
    // language the same way: a repeated request reuses the rendered message instead of searching again.
    const key = UNCACHED.has(interaction.commandName) ? null : cacheKey(interaction);
    let entry = key === null ? undefined : rendered.get(key);
    if (!entry) {
      const reply = await command.execute(context, interaction, callerOf(interaction));
      // Discord only sends `private` and `for` to commands that declare them (see slashDefinition).
      const delivery = deliveryOf(reply, {
        kind: "command",
        private: interaction.options.getBoolean("private") === true,
        for: interaction.options.getUser("for")?.id ?? null,
      });
      entry = { reply, message: presenter.render(reply, interaction, delivery) };
      if (key !== null) rendered.set(key, entry);
    }
    const { reply, message } = entry;
    await interaction.reply(message);
    if (reply.miss) {
      // The typed text may sit inside a subcommand (`/quiz question sector:...`).
      const options = interaction.options.data.flatMap((o) => [o, ...(o.options ?? [])]);
      const query = options.find((o) => typeof o.value === "string")?.value;
      return { outcome: "no-match", ...(typeof query === "string" ? { query } : {}) };
    }
    return { outcome: "answered" };
  }

  async function onAutocomplete(interaction: AutocompleteInteraction): Promise<{ outcome: Outcome }> {
    const command = byName.get(interaction.commandName);
    const choices = command?.autocomplete?.(context, interaction) ?? [];
    // Search returns plain choices; Discord's caps on their number and name length apply here.
    await interaction.respond(
      choices
        .slice(0, DISCORD_LIMITS.autocompleteChoices)
        .map((c) => ({ ...c, name: truncate(c.name, DISCORD_LIMITS.choiceName) })),
    );
    return { outcome: "answered" };
  }

  async function onButton(interaction: ButtonInteraction): Promise<{ outcome: Outcome }> {
    const action = codec.decode(interaction.customId);
    const reply = action ? await replyForAction(context, action, callerOf(interaction)) : null;
    if (!action || !reply) {
      await interaction.reply(notice(interaction, "error.invalidButton"));
      return { outcome: "invalid-button" };
    }
    const delivery = deliveryOf(reply, {
      kind: "click",
      action,
      onPrivateMessage: interaction.message.flags.has(MessageFlags.Ephemeral),
    });
    // An update keeps the message's own visibility: the rendered message carries no flags then.
    const { flags, ...message } = presenter.render(reply, interaction, delivery);
    // An update replaces the attachments too, so an old chart does not linger under a new page.
    if (delivery.how === "update") await interaction.update({ ...message, attachments: [] });
    else await interaction.reply({ ...message, ...(flags ? { flags } : {}) });
    return { outcome: "answered" };
  }

  return async function handleInteraction(interaction: Interaction): Promise<void> {
    const started = performance.now();
    const kind = interaction.isChatInputCommand()
      ? "command"
      : interaction.isAutocomplete()
        ? "autocomplete"
        : interaction.isButton()
          ? "button"
          : interaction.isMessageContextMenuCommand()
            ? "message-command"
            : "other";
    const name =
      interaction.isCommand() || interaction.isAutocomplete()
        ? interaction.commandName
        : interaction.isButton()
          ? interaction.customId
          : undefined;
    // Every notice below is in the member's language.
    const t = translator(langOf(interaction.locale));
    let result: { outcome: Outcome; query?: string; reason?: string };
    if (recent.has(interaction.id)) {
      result = { outcome: "duplicate" };
    } else {
      recent.set(interaction.id, true);
      try {
        const over = budget?.take(kind === "autocomplete" ? "autocomplete" : "command", interaction.user.id);
        if (isClosing()) {
          result = { outcome: "shutting-down" };
          await answerNotice(interaction, t("notice.restarting"));
        } else if (over && !over.ok) {
          result = { outcome: "cooldown" };
          await answerNotice(interaction, cooldownMessage(over.retryAfterMs, t));
        } else if (interaction.isChatInputCommand()) result = await onCommand(interaction);
        else if (interaction.isMessageContextMenuCommand())
          result = await presenter.messageCommand(interaction);
        else if (interaction.isAutocomplete()) result = await onAutocomplete(interaction);
        else if (interaction.isButton()) result = await onButton(interaction);
        else {
          result = { outcome: "unsupported", reason: `interaction type ${interaction.type}` };
          await answerNotice(interaction, t("notice.unsupported"));
        }
      } catch (error) {
        if (error instanceof InputError || error instanceof ScoreboardUnavailable) {
          // The member gets what went wrong; the log line below says which kind (no stack: not a bug).
          result = {
            outcome: error instanceof InputError ? "invalid-input" : "scoreboard-unavailable",
            reason: error instanceof InputError ? error.reason : error.kind,
          };
          await answerNotice(interaction, error.text(t)).catch((replyError: unknown) =>
            logger.error("error_reply_failed", { kind, command: name, error: replyError }),
          );
        } else {
          result = { outcome: "error" };
          logger.error("interaction_failed", { kind, command: name, error });
          // Discord keeps refusing this route: a second answer would only be refused too.
          if (!(error instanceof RateLimitedWithoutRetryAfter))
            await answerError(interaction).catch((replyError: unknown) =>
              logger.error("error_reply_failed", { kind, command: name, error: replyError }),
            );
        }
      }
    }
    logger.info("interaction", {
      kind,
      command: name,
      ms: Math.round((performance.now() - started) * 10) / 10,
      outcome: result.outcome,
      ...(result.query !== undefined ? { query: result.query } : {}),
      ...(result.reason !== undefined ? { reason: result.reason } : {}),
    });
  };
}

async function answerError(interaction: Interaction): Promise<void> {
  await answerNotice(interaction, notice(interaction, "error.generic").content);
}

/** A short private notice (autocomplete: no choices), as a follow-up if the interaction was answered. */
async function answerNotice(interaction: Interaction, content: string): Promise<void> {
  if (interaction.isAutocomplete()) {
    if (!interaction.responded) await interaction.respond([]);
    return;
  }
  if (!interaction.isRepliable()) return;
  const message = { content, flags: MessageFlags.Ephemeral, allowedMentions: { parse: [] } } as const;
  if (interaction.replied || interaction.deferred) await interaction.followUp(message);
  else await interaction.reply(message);
}
