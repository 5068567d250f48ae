import {
  type AutocompleteInteraction,
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  type Interaction,
  MessageFlags,
} from "discord.js";
import { replyForAction } from "../answer/actions.ts";
import { DISCORD_LIMITS, truncate } from "../answer/limits.ts";
import type { Logger } from "../logger.ts";
import type { BotCommand, CommandContext } from "./commands/command.ts";
import { COMMANDS, commandsByName } from "./commands/index.ts";
import { answerQuizButton } from "./commands/quiz.ts";
import type { CustomIdCodec } from "./custom-id.ts";
import { renderDiscord } from "./render.ts";

export interface DispatcherDeps {
  context: CommandContext;
  codec: CustomIdCodec;
  logger: Logger;
  commands?: readonly BotCommand[];
}

/** How an interaction ended, for the one log line it gets. */
type Outcome = "answered" | "no-match" | "invalid-button" | "unknown-command" | "duplicate" | "error";

/** Remembers the last `size` ids: Discord may deliver an interaction twice, and a second answer fails. */
class RecentIds {
  private readonly ids = new Set<string>();
  constructor(private readonly size: number) {}
  /** True when `id` was seen before; records it otherwise. */
  seen(id: string): boolean {
    if (this.ids.has(id)) return true;
    this.ids.add(id);
    if (this.ids.size > this.size) {
      const oldest = this.ids.values().next().value;
      if (oldest !== undefined) this.ids.delete(oldest);
    }
    return false;
  }
}

const ERROR_MESSAGE = "Something went wrong on our side while answering. Please try again in a moment.";
const INVALID_BUTTON =
  "This button is not valid (it may come from an older version of the bot). Run the command again for fresh buttons.";

/**
 * The one `interactionCreate` handler: slash commands, autocomplete and buttons. Every interaction is
 * answered once, and logged once with its kind, command, latency and outcome. A handler that throws is
 * logged and answered with a short private message; nothing escapes to discord.js.
 */
export function createInteractionHandler({ context, codec, logger, commands = COMMANDS }: DispatcherDeps) {
  const byName = commandsByName(commands);
  const recent = new RecentIds(2000);

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
    const reply = await command.execute(context, interaction);
    const isPrivate = command.shareable && interaction.options.getBoolean("private") === true;
    const target = command.shareable ? interaction.options.getUser("for") : null;
    const ephemeral = isPrivate || reply.ephemeral === true;
    const mention = target && !ephemeral ? target.id : undefined;
    await interaction.reply(renderDiscord(reply, codec, { ephemeral, ...(mention ? { mention } : {}) }));
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
    if (action?.type === "quiz-answer") {
      // Answers are private and never change the shared question.
      const feedback = answerQuizButton(context, interaction, action.questionId, action.choice);
      if (feedback) {
        await interaction.reply(renderDiscord(feedback, codec, { ephemeral: true }));
        return { outcome: "answered" };
      }
    }
    const reply =
      action && action.type !== "quiz-answer"
        ? replyForAction(context.search.kb, action, context.random)
        : null;
    if (!reply) {
      await interaction.reply({
        content: INVALID_BUTTON,
        flags: MessageFlags.Ephemeral,
        allowedMentions: { parse: [] },
      });
      return { outcome: "invalid-button" };
    }
    // A private message is paged in place; a message in the channel stays as it is and the clicker gets
    // their own private view, so one member's clicks never change what the others see. A new quiz
    // question from the channel goes to the channel: the group plays together.
    if (interaction.message.flags.has(MessageFlags.Ephemeral)) {
      const { flags: _ephemeral, ...message } = renderDiscord(reply, codec);
      await interaction.update(message);
    } else {
      await interaction.reply(
        renderDiscord(reply, codec, { ephemeral: action?.type !== "quiz" || reply.ephemeral === true }),
      );
    }
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
    if (recent.seen(interaction.id)) {
      result = { outcome: "duplicate" };
    } else {
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
