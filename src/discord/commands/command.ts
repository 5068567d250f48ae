import type {
  AutocompleteInteraction,
  ChatInputCommandInteraction,
  RESTPostAPIChatInputApplicationCommandsJSONBody,
  SlashCommandOptionsOnlyBuilder,
} from "discord.js";
import type { Reply } from "../../answer/reply.ts";
import type { Search } from "../../search/index.ts";
import type { Scoreboard } from "../../storage/scoreboard.ts";

/** What every handler may use: built once at start-up. */
export interface CommandContext {
  search: Search;
  /** The quiz scoreboard; null when the bot runs without one (answers are then not saved). */
  scoreboard: Scoreboard | null;
  /** Random source for quiz questions (fixed in tests). */
  random: () => number;
}

/** An autocomplete choice, already within Discord's limits. */
export interface Choice {
  name: string;
  value: string;
}

/**
 * One slash command: its definition (registered by `deploy-commands`), its handler (returns the reply
 * model; the dispatcher renders and sends it) and, where an option autocompletes, its suggestions.
 */
export interface BotCommand {
  data: RESTPostAPIChatInputApplicationCommandsJSONBody;
  /** True when the command takes the shared `private` and `for` options. */
  shareable: boolean;
  execute(context: CommandContext, interaction: ChatInputCommandInteraction): Reply | Promise<Reply>;
  autocomplete?(context: CommandContext, interaction: AutocompleteInteraction): Choice[];
}

/** Adds the options every shareable answer takes: `private` (only you see it) and `for` (address a member). */
export function withShareOptions<T extends Pick<SlashCommandOptionsOnlyBuilder, "addBooleanOption">>(
  builder: T,
) {
  return builder
    .addBooleanOption((o) => o.setName("private").setDescription("Only you see the answer"))
    .addUserOption((o) =>
      o.setName("for").setDescription("Address the answer to a member (pings only them)"),
    );
}
