import {
  type AutocompleteInteraction,
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  type Interaction,
  LimitedCollection,
  MessageFlags,
} from "discord.js";
import { replyForAction } from "../answer/actions.ts";
import type { AnswerContext, Caller } from "../answer/context.ts";
import type { Logger } from "../logger.ts";
import type { CustomIdCodec } from "./custom-id.ts";
import { DISCORD_LIMITS, truncate } from "./limits.ts";
import { renderDiscord } from "./render.ts";
import { SLASH_COMMANDS, type SlashCommand } from "./slash.ts";
import { deliveryOf } from "./visibility.ts";

export interface DispatcherDeps {
  context: AnswerContext;
  codec: CustomIdCodec;
  logger: Logger;
  commands?: readonly SlashCommand[];
}

/** How an interaction ended, for the one log line it gets. */
type Outcome = "answered" | "no-match" | "invalid-button" | "unknown-command" | "duplicate" | "error";

/** Interaction ids remembered: Discord may deliver an interaction twice, and a second answer fails. */
const RECENT_IDS = 2000;

/** The scoreboard scope and member of an interaction: its server, or the member's own DM space. */
export function callerOf(interaction: { guildId: string | null; user: { id: string } }): Caller {
  return { scope: interaction.guildId ?? `dm:${interaction.user.id}`, userId: interaction.user.id };
}

const ERROR_MESSAGE = "Something went wrong on our side while answering. Please try again in a moment.";
const INVALID_BUTTON =
  "This button is not valid (it may come from an older version of the bot). Run the command again for fresh buttons.";

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
}: DispatcherDeps) {
  const byName = new Map(commands.map((c) => [c.data.name, c]));
  const recent = new LimitedCollection<string, true>({ maxSize: RECENT_IDS });

  async function onCommand(
    interaction: ChatInputCommandInteraction,
  ): Promise<{ outcome: Outcome; query?: string }> {
    const command = byName.get(interaction.commandName);
    if (!command) {
      await interaction.reply({
        content:
          "I don't know this command any more. An admin can run `npm run deploy-commands` to refresh the list.",
        flags: MessageFlags.Ephemeral,
        allowedMentions: { parse: [] },
      });
      return { outcome: "unknown-command" };
    }
    const reply = await command.execute(context, interaction, callerOf(interaction));
    // Discord only sends `private` and `for` to commands that declare them (see slashDefinition).
    const delivery = deliveryOf(reply, {
      kind: "command",
      private: interaction.options.getBoolean("private") === true,
      for: interaction.options.getUser("for")?.id ?? null,
    });
    await interaction.reply(renderDiscord(reply, codec, delivery));
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
      await interaction.reply({
        content: INVALID_BUTTON,
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
    const { flags, ...message } = renderDiscord(reply, codec, delivery);
    if (delivery.how === "update") await interaction.update(message);
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

async function answerError(interaction: Interaction): Promise<void> {
  if (interaction.isAutocomplete()) {
    if (!interaction.responded) await interaction.respond([]);
    return;
  }
  if (!interaction.isRepliable()) return;
  const message = {
    content: ERROR_MESSAGE,
    flags: MessageFlags.Ephemeral,
    allowedMentions: { parse: [] },
  } as const;
  if (interaction.replied || interaction.deferred) await interaction.followUp(message);
  else await interaction.reply(message);
}
