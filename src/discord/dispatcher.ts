import {
  type AutocompleteInteraction,
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  type Interaction,
  InteractionContextType,
  LimitedCollection,
  type MessageContextMenuCommandInteraction,
  MessageFlags,
} from "discord.js";
import { replyForAction } from "../answer/actions.ts";
import type { AnswerContext, Caller } from "../answer/context.ts";
import type { Reply } from "../answer/reply.ts";
import { type ChartCache, createChartCache } from "../charts/cache.ts";
import { langOf, type Translate, translator } from "../i18n/index.ts";
import type { Logger } from "../logger.ts";
import { MESSAGE_MENU_COMMANDS, type MessageMenuCommand } from "./context-menu.ts";
import type { CustomIdCodec } from "./custom-id.ts";
import { DISCORD_LIMITS } from "./limits.ts";
import { renderDiscord } from "./render.ts";
import { SLASH_COMMANDS, type SlashCommand } from "./slash.ts";
import { deliveryOf } from "./visibility.ts";

export interface DispatcherDeps {
  context: AnswerContext;
  codec: CustomIdCodec;
  logger: Logger;
  commands?: readonly SlashCommand[];
  messageCommands?: readonly MessageMenuCommand[];
  /** Charts drawn once per knowledge version (default: a cache over the context's knowledge, warmed at once). */
  charts?: ChartCache;
}

/** How an interaction ended, for the one log line it gets. */
type Outcome = "answered" | "no-match" | "invalid-button" | "unknown-command" | "duplicate" | "error";

/** Interaction ids remembered: Discord may deliver an interaction twice, and a second answer fails. */
const RECENT_IDS = 2000;

/**
 * The scoreboard scope and member of an interaction, from the interaction alone (no guild cache: a user
 * install may run where the bot is no member): its server; a DM with the bot, the member's own `dm:` scope;
 * a group DM or another private channel, that channel's `private:` scope.
 */
export function callerOf(interaction: {
  guildId: string | null;
  channelId: string | null;
  context?: InteractionContextType | null;
  locale?: string;
  user: { id: string };
}): Caller {
  const userId = interaction.user.id;
  const lang = langOf(interaction.locale);
  if (interaction.guildId) return { scope: interaction.guildId, userId, place: "server", lang };
  if (interaction.context === InteractionContextType.PrivateChannel && interaction.channelId)
    return { scope: `private:${interaction.channelId}`, userId, place: "private-channel", lang };
  return { scope: `dm:${userId}`, userId, place: "dm", lang };
}

/** The interface language of an interaction: the member's Discord locale, English when we lack it. */
const tOf = (interaction: { locale?: string }): Translate => translator(langOf(interaction.locale));

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
  messageCommands = MESSAGE_MENU_COMMANDS,
  charts = createChartCache(context.search.kb),
}: DispatcherDeps) {
  charts.warm().catch((error: unknown) => logger.error("charts_failed", { error }));
  /** The reply's chart; a chart that cannot be drawn is logged, and the answer goes out without it. */
  const chartOf = (reply: Reply, interaction: { locale?: string }) => {
    try {
      return reply.chart ? charts.get(reply.chart, langOf(interaction.locale)) : null;
    } catch (error) {
      logger.error("chart_failed", { chart: reply.chart, error });
      return null;
    }
  };
  const byName = new Map(commands.map((c) => [c.data.name, c]));
  const recent = new LimitedCollection<string, true>({ maxSize: RECENT_IDS });

  async function onCommand(
    interaction: ChatInputCommandInteraction,
  ): Promise<{ outcome: Outcome; query?: string }> {
    const command = byName.get(interaction.commandName);
    if (!command) return unknownCommand(interaction);
    const reply = await command.execute(context, interaction, callerOf(interaction));
    // Discord only sends `private` and `for` to commands that declare them (see slashDefinition).
    const delivery = deliveryOf(reply, {
      kind: "command",
      private: interaction.options.getBoolean("private") === true,
      for: interaction.options.getUser("for")?.id ?? null,
    });
    await interaction.reply(
      renderDiscord(reply, codec, delivery, tOf(interaction), chartOf(reply, interaction)),
    );
    if (reply.miss) {
      // The typed text may sit inside a subcommand (`/quiz question sector:...`).
      const options = interaction.options.data.flatMap((o) => [o, ...(o.options ?? [])]);
      const query = options.find((o) => typeof o.value === "string")?.value;
      return { outcome: "no-match", ...(typeof query === "string" ? { query } : {}) };
    }
    return { outcome: "answered" };
  }

  /** A message command ("Explain this message"): always a private reply, the member's own view. */
  async function onMessageCommand(
    interaction: MessageContextMenuCommandInteraction,
  ): Promise<{ outcome: Outcome }> {
    const command = messageCommands.find((c) => c.data.name === interaction.commandName);
    if (!command) return unknownCommand(interaction);
    const reply = command.execute(context, interaction, callerOf(interaction));
    await interaction.reply(
      renderDiscord(reply, codec, { ephemeral: true }, tOf(interaction), chartOf(reply, interaction)),
    );
    return { outcome: reply.miss ? "no-match" : "answered" };
  }

  async function onAutocomplete(interaction: AutocompleteInteraction): Promise<{ outcome: Outcome }> {
    const command = byName.get(interaction.commandName);
    const choices = command?.autocomplete?.(context, interaction) ?? [];
    await interaction.respond(choices.slice(0, DISCORD_LIMITS.autocompleteChoices));
    return { outcome: "answered" };
  }

  async function onButton(interaction: ButtonInteraction): Promise<{ outcome: Outcome }> {
    const action = codec.decode(interaction.customId);
    const reply = action ? replyForAction(context, action, callerOf(interaction)) : null;
    if (!action || !reply) {
      await interaction.reply({
        content: tOf(interaction)("error.invalidButton"),
        flags: MessageFlags.Ephemeral,
        allowedMentions: { parse: [] },
      });
      return { outcome: "invalid-button" };
    }
    const delivery = deliveryOf(reply, {
      kind: "click",
      action,
      onPrivateMessage: interaction.message.flags.has(MessageFlags.Ephemeral),
    });
    // An update keeps the message's own visibility: the rendered message carries no flags then.
    const { flags, ...message } = renderDiscord(
      reply,
      codec,
      delivery,
      tOf(interaction),
      chartOf(reply, interaction),
    );
    // An update replaces the message's attachments too, so an old chart does not linger under a new page.
    if (delivery.how === "update") await interaction.update({ ...message, attachments: [] });
    else await interaction.reply({ ...message, ...(flags ? { flags } : {}) });
    return { outcome: "answered" };
  }

  return async function handleInteraction(interaction: Interaction): Promise<void> {
    const started = performance.now();
    const kind = interaction.isChatInputCommand()
      ? "command"
      : interaction.isMessageContextMenuCommand()
        ? "message-command"
        : interaction.isAutocomplete()
          ? "autocomplete"
          : interaction.isButton()
            ? "button"
            : "other";
    const name =
      interaction.isCommand() || interaction.isAutocomplete()
        ? interaction.commandName
        : interaction.isButton()
          ? interaction.customId
          : undefined;
    let result: { outcome: Outcome; query?: string };
    if (recent.has(interaction.id)) {
      result = { outcome: "duplicate" };
    } else {
      recent.set(interaction.id, true);
      try {
        if (interaction.isChatInputCommand()) result = await onCommand(interaction);
        else if (interaction.isMessageContextMenuCommand()) result = await onMessageCommand(interaction);
        else if (interaction.isAutocomplete()) result = await onAutocomplete(interaction);
        else if (interaction.isButton()) result = await onButton(interaction);
        else return;
      } catch (error) {
        result = { outcome: "error" };
        logger.error("interaction_failed", { kind, command: name, error });
        await answerError(interaction).catch((replyError: unknown) =>
          logger.error("error_reply_failed", { kind, command: name, error: replyError }),
        );
      }
    }
    logger.info("interaction", {
      kind,
      command: name,
      ms: Math.round((performance.now() - started) * 10) / 10,
      outcome: result.outcome,
      ...(result.query !== undefined ? { query: result.query } : {}),
    });
  };
}

async function unknownCommand(
  interaction: ChatInputCommandInteraction | MessageContextMenuCommandInteraction,
): Promise<{ outcome: "unknown-command" }> {
  await interaction.reply({
    content: tOf(interaction)("error.unknownCommand"),
    flags: MessageFlags.Ephemeral,
    allowedMentions: { parse: [] },
  });
  return { outcome: "unknown-command" };
}

async function answerError(interaction: Interaction): Promise<void> {
  if (interaction.isAutocomplete()) {
    if (!interaction.responded) await interaction.respond([]);
    return;
  }
  if (!interaction.isRepliable()) return;
  const message = {
    content: tOf(interaction)("error.generic"),
    flags: MessageFlags.Ephemeral,
    allowedMentions: { parse: [] },
  } as const;
  if (interaction.replied || interaction.deferred) await interaction.followUp(message);
  else await interaction.reply(message);
}
