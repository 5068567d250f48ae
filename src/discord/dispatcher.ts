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
import type { Logger } from "../logger.ts";
import type { CustomIdCodec } from "./custom-id.ts";
import { DISCORD_LIMITS, truncate } from "./limits.ts";
import { callerOf, createPresenter, notice } from "./present.ts";
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

export { callerOf } from "./present.ts";

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
  const presenter = createPresenter({ context, codec, logger });
  const byName = new Map(commands.map((c) => [c.data.name, c]));
  const recent = new LimitedCollection<string, true>({ maxSize: RECENT_IDS });

  async function onCommand(
    interaction: ChatInputCommandInteraction,
  ): Promise<{ outcome: Outcome; query?: string }> {
    const command = byName.get(interaction.commandName);
    if (!command) {
      await interaction.reply(notice(interaction, "error.unknownCommand"));
      return { outcome: "unknown-command" };
    }
    const reply = await command.execute(context, interaction, callerOf(interaction));
    // Discord only sends `private` and `for` to commands that declare them (see slashDefinition).
    const delivery = deliveryOf(reply, {
      kind: "command",
      private: interaction.options.getBoolean("private") === true,
      for: interaction.options.getUser("for")?.id ?? null,
    });
    await interaction.reply(presenter.render(reply, interaction, delivery));
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
    let result: { outcome: Outcome; query?: string };
    if (recent.has(interaction.id)) {
      result = { outcome: "duplicate" };
    } else {
      recent.set(interaction.id, true);
      try {
        if (interaction.isChatInputCommand()) result = await onCommand(interaction);
        else if (interaction.isMessageContextMenuCommand())
          result = await presenter.messageCommand(interaction);
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
  const message = notice(interaction, "error.generic");
  if (interaction.replied || interaction.deferred) await interaction.followUp(message);
  else await interaction.reply(message);
}
