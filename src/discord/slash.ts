import {
  type AutocompleteInteraction,
  type ChatInputCommandInteraction,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
  type SlashCommandBooleanOption,
  SlashCommandBuilder,
  type SlashCommandIntegerOption,
  type SlashCommandStringOption,
  type SlashCommandUserOption,
} from "discord.js";
import type { AnswerContext, Caller } from "../answer/context.ts";
import type { Reply } from "../answer/reply.ts";
import {
  type CommandEntry,
  type CommandSpec,
  findCommand,
  isGroup,
  type RawArgs,
  type StringOption,
} from "../commands/define.ts";
import { COMMANDS } from "../commands/table.ts";
import type { Search } from "../search/index.ts";
import { DISCORD_LIMITS, truncate } from "./limits.ts";

/** An autocomplete choice, within Discord's limits. */
export interface Choice {
  name: string;
  value: string;
}

/**
 * One slash command as the dispatcher routes it and `deploy-commands` registers it: its definition, and
 * handlers that return the reply model (the dispatcher decides who sees it, renders and sends it).
 */
export interface SlashCommand {
  data: RESTPostAPIChatInputApplicationCommandsJSONBody;
  execute(
    context: AnswerContext,
    interaction: ChatInputCommandInteraction,
    caller: Caller,
  ): Reply | Promise<Reply>;
  autocomplete?(context: AnswerContext, interaction: AutocompleteInteraction): Choice[];
}

/** What a slash command and a subcommand builder have in common: adding options. */
interface OptionHost {
  addStringOption(build: (o: SlashCommandStringOption) => SlashCommandStringOption): unknown;
  addIntegerOption(build: (o: SlashCommandIntegerOption) => SlashCommandIntegerOption): unknown;
  addBooleanOption(build: (o: SlashCommandBooleanOption) => SlashCommandBooleanOption): unknown;
  addUserOption(build: (o: SlashCommandUserOption) => SlashCommandUserOption): unknown;
}

/** Adds a command's options, then `private` and `for` as its sharing allows. */
function addOptions(builder: OptionHost, spec: CommandSpec): void {
  for (const [name, option] of Object.entries(spec.options)) {
    if (option.type === "string") {
      builder.addStringOption((o) => {
        o.setName(name)
          .setDescription(option.description)
          .setRequired(option.required === true);
        if (option.maxLength !== undefined) o.setMaxLength(option.maxLength);
        if (option.suggest) o.setAutocomplete(true);
        return o;
      });
    } else {
      builder.addIntegerOption((o) => {
        o.setName(name)
          .setDescription(option.description)
          .setRequired(option.required === true);
        if (option.min !== undefined) o.setMinValue(option.min);
        if (option.max !== undefined) o.setMaxValue(option.max);
        return o;
      });
    }
  }
  if (spec.sharing !== "none")
    builder.addBooleanOption((o) => o.setName("private").setDescription("Only you see the answer"));
  if (spec.sharing === "private-and-for")
    builder.addUserOption((o) =>
      o.setName("for").setDescription("Address the answer to a member (pings only them)"),
    );
}

/** The registration body of a table entry: the same names, descriptions, options and limits. */
export function slashDefinition(entry: CommandEntry): RESTPostAPIChatInputApplicationCommandsJSONBody {
  const builder = new SlashCommandBuilder().setName(entry.name).setDescription(entry.description);
  if (isGroup(entry)) {
    for (const spec of entry.subcommands) {
      builder.addSubcommand((sub) => {
        sub.setName(spec.name).setDescription(spec.description);
        addOptions(sub, spec);
        return sub;
      });
    }
  } else addOptions(builder, entry);
  return builder.toJSON();
}

/** A command's arguments as Discord delivered them (options inside a subcommand included). */
function readArgs(spec: CommandSpec, options: ChatInputCommandInteraction["options"]): RawArgs {
  const args: RawArgs = {};
  for (const [name, option] of Object.entries(spec.options)) {
    const value = option.type === "string" ? options.getString(name) : options.getInteger(name);
    if (value !== null) args[name] = value;
  }
  return args;
}

/** Autocomplete names cut to Discord's limits; at most 25 (the gateway and the HTTP endpoint both use it). */
export function suggestionsFor(
  search: Search,
  kind: NonNullable<StringOption["suggest"]>,
  typed: string,
): Choice[] {
  const found = kind === "sectors" ? search.suggestSectors(typed) : [];
  return found.slice(0, DISCORD_LIMITS.autocompleteChoices).map((choice) => ({
    name: truncate(choice.name, DISCORD_LIMITS.choiceName),
    value: truncate(choice.value, DISCORD_LIMITS.choiceValue),
  }));
}

/** Turns a table entry into the route the dispatcher follows. */
export function slashCommand(entry: CommandEntry): SlashCommand {
  const specOf = (interaction: ChatInputCommandInteraction | AutocompleteInteraction) => {
    const spec = findCommand([entry], entry.name, interaction.options.getSubcommand(false));
    if (!spec) throw new Error(`/${entry.name} has no such subcommand`);
    return spec;
  };
  return {
    data: slashDefinition(entry),
    execute(context, interaction, caller) {
      const spec = specOf(interaction);
      return spec.run(context, readArgs(spec, interaction.options), caller);
    },
    autocomplete(context, interaction) {
      const focused = interaction.options.getFocused(true);
      const option = specOf(interaction).options[focused.name];
      return option?.type === "string" && option.suggest
        ? suggestionsFor(context.search, option.suggest, String(focused.value))
        : [];
    },
  };
}

/** The slash commands of the table: what the dispatcher routes and `deploy-commands` registers. */
export const SLASH_COMMANDS: readonly SlashCommand[] = COMMANDS.map(slashCommand);
