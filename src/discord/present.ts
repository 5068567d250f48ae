import { InteractionContextType, type MessageContextMenuCommandInteraction, MessageFlags } from "discord.js";
import type { AnswerContext, Caller } from "../answer/context.ts";
import type { Reply } from "../answer/reply.ts";
import { type ChartCache, createChartCache } from "../charts/cache.ts";
import { langOf, type StringKey, translator } from "../i18n/index.ts";
import type { Logger } from "../logger.ts";
import { MESSAGE_MENU_COMMANDS, type MessageMenuCommand } from "./context-menu.ts";
import type { CustomIdCodec } from "./custom-id.ts";
import { type DiscordMessage, renderDiscord } from "./render.ts";
import type { Delivery } from "./visibility.ts";

/** What the dispatcher knows of any interaction that is enough to answer it. */
interface Origin {
  guildId: string | null;
  channelId: string | null;
  context?: InteractionContextType | null;
  locale?: string;
  user: { id: string };
}

/** The plain fields that decide a caller, as any transport reads them (discord.js objects or raw JSON). */
export interface CallerFields {
  guildId: string | null | undefined;
  channelId: string | null | undefined;
  /** Discord's interaction context: 0 server, 1 bot DM, 2 private channel (group DM, DMs of others). */
  context: number | null | undefined;
  locale: string | null | undefined;
  userId: string;
}

/**
 * The scoreboard scope, member and language of an interaction, from the interaction alone (no guild cache:
 * a user install may run where the bot is no member): its server; in a DM with the bot, the member's own
 * `dm:` scope; in a group DM or another private channel, that channel's `private:` scope. The scope stays
 * an opaque string for the scoreboard port. The gateway (`callerOf`) and the HTTP endpoint (raw.ts) both
 * use it.
 */
export function callerFrom({ guildId, channelId, context, locale, userId }: CallerFields): Caller {
  const lang = langOf(locale);
  if (guildId) return { scope: guildId, userId, place: "server", lang };
  if (context === InteractionContextType.PrivateChannel && channelId)
    return { scope: `private:${channelId}`, userId, place: "private-channel", lang };
  return { scope: `dm:${userId}`, userId, place: "dm", lang };
}

/** `callerFrom` for a discord.js interaction. */
export function callerOf(interaction: Origin): Caller {
  return callerFrom({
    guildId: interaction.guildId,
    channelId: interaction.channelId,
    context: interaction.context,
    locale: interaction.locale,
    userId: interaction.user.id,
  });
}

/** A short notice (errors, stale buttons) in the member's language, private, pinging no one. */
export function notice(interaction: { locale?: string }, key: StringKey) {
  return {
    content: translator(langOf(interaction.locale))(key),
    flags: MessageFlags.Ephemeral,
    allowedMentions: { parse: [] },
  } as const;
}

export interface Presenter {
  /** Draws a reply for the member who asked: their language, the reply's chart attached. */
  render(reply: Reply, interaction: { locale?: string }, delivery?: Partial<Delivery>): DiscordMessage;
  /** Answers a message command ("Explain this message") privately, or says it is unknown. */
  messageCommand(
    interaction: MessageContextMenuCommandInteraction,
  ): Promise<{ outcome: "answered" | "no-match" | "unknown-command" }>;
}

/**
 * How the dispatcher turns replies into messages: the member's locale and the chart, drawn once per
 * knowledge version (warmed right away, one chart per turn of the event loop) and reused.
 */
export function createPresenter({
  context,
  codec,
  logger,
  charts = createChartCache(context.search.kb),
  messageCommands = MESSAGE_MENU_COMMANDS,
}: {
  context: AnswerContext;
  codec: CustomIdCodec;
  logger: Logger;
  charts?: ChartCache;
  messageCommands?: readonly MessageMenuCommand[];
}): Presenter {
  charts.warm().catch((error: unknown) => logger.error("charts_failed", { error }));
  const chartOf = (reply: Reply, lang: ReturnType<typeof langOf>) => {
    try {
      return reply.chart ? charts.get(reply.chart, lang) : null;
    } catch (error) {
      // A chart that cannot be drawn is logged; the answer goes out without it.
      logger.error("chart_failed", { chart: reply.chart, error });
      return null;
    }
  };
  const render: Presenter["render"] = (reply, interaction, delivery = {}) => {
    const lang = langOf(interaction.locale);
    return renderDiscord(reply, codec, delivery, translator(lang), chartOf(reply, lang));
  };
  return {
    render,
    async messageCommand(interaction) {
      const command = messageCommands.find((c) => c.data.name === interaction.commandName);
      if (!command) {
        await interaction.reply(notice(interaction, "error.unknownCommand"));
        return { outcome: "unknown-command" };
      }
      const reply = command.execute(context, interaction, callerOf(interaction));
      await interaction.reply(render(reply, interaction, { ephemeral: true }));
      return { outcome: reply.miss ? "no-match" : "answered" };
    },
  };
}
