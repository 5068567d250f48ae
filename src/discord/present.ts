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

/**
 * The scoreboard scope, member and language of an interaction, from the interaction alone (no guild cache:
 * a user install may run where the bot is no member): its server; in a DM with the bot, the member's own
 * `dm:` scope; in a group DM or another private channel, that channel's `private:` scope. The scope stays
 * an opaque string for the scoreboard port.
 */
export function callerOf(interaction: Origin): Caller {
  const userId = interaction.user.id;
  const lang = langOf(interaction.locale);
  if (interaction.guildId) return { scope: interaction.guildId, userId, place: "server", lang };
  if (interaction.context === InteractionContextType.PrivateChannel && interaction.channelId)
    return { scope: `private:${interaction.channelId}`, userId, place: "private-channel", lang };
  return { scope: `dm:${userId}`, userId, place: "dm", lang };
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
