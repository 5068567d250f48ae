import {
  ApplicationCommandOptionType,
  ApplicationIntegrationType,
  type AutocompleteInteraction,
  type ChatInputCommandInteraction,
  InteractionContextType,
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
import { localizationsOf } from "../commands/localizations.ts";
import { COMMANDS } from "../commands/table.ts";
import type { Search } from "../search/index.ts";
import { boundInput, InputError } from "./input.ts";
import { DISCORD_LIMITS, truncate } from "./limits.ts";

/** Discord's own cap on a text option without a max length. */
const MAX_OPTION_TEXT = 6000;

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

/** Something with a name and description that Discord shows in other locales. */
interface Localizable {
  setNameLocalizations(map: Partial<Record<string, string>>): unknown;
  setDescriptionLocalizations(map: Partial<Record<string, string>>): unknown;
}

/** Sets the Chinese names and descriptions of the command, subcommand or option at `path`. */
function localize<T extends Localizable>(builder: T, path: string): T {
  builder.setNameLocalizations(localizationsOf(path, "name"));
  builder.setDescriptionLocalizations(localizationsOf(path, "description"));
  return builder;
}

/** Adds a command's options, then `private` and `for` as its sharing allows. */
function addOptions(builder: OptionHost, spec: CommandSpec, path: string): void {
  for (const [name, option] of Object.entries(spec.options)) {
    if (option.type === "string") {
      builder.addStringOption((o) => {
        localize(o, `${path} ${name}`)
          .setName(name)
          .setDescription(option.description)
          .setRequired(option.required === true);
        if (option.maxLength !== undefined) o.setMaxLength(option.maxLength);
        if (option.suggest) o.setAutocomplete(true);
        return o;
      });
    } else {
      builder.addIntegerOption((o) => {
        localize(o, `${path} ${name}`)
          .setName(name)
          .setDescription(option.description)
          .setRequired(option.required === true);
        if (option.min !== undefined) o.setMinValue(option.min);
        if (option.max !== undefined) o.setMaxValue(option.max);
        return o;
      });
    }
  }
  if (spec.sharing !== "none")
    builder.addBooleanOption((o) =>
      localize(o, "private").setName("private").setDescription("Only you see the answer"),
    );
  if (spec.sharing === "private-and-for")
    builder.addUserOption((o) =>
      localize(o, "for").setName("for").setDescription("Address the answer to a member (pings only them)"),
    );
}

/**
 * Where every command may be installed and used, declared explicitly on each definition: installed to a
 * server (0) or by a user (1); used in a server (0), a DM with the bot (1) or a group DM / private channel (2).
 */
export const INTEGRATION_TYPES = [
  ApplicationIntegrationType.GuildInstall,
  ApplicationIntegrationType.UserInstall,
] as const;
export const CONTEXTS = [
  InteractionContextType.Guild,
  InteractionContextType.BotDM,
  InteractionContextType.PrivateChannel,
] as const;

/** The registration body of a table entry: the same names, descriptions, options and limits. */
export function slashDefinition(entry: CommandEntry): RESTPostAPIChatInputApplicationCommandsJSONBody {
  const builder = localize(new SlashCommandBuilder(), entry.name)
    .setName(entry.name)
    .setDescription(entry.description)
    .setIntegrationTypes(...INTEGRATION_TYPES)
    .setContexts(...CONTEXTS);
  if (isGroup(entry)) {
    for (const spec of entry.subcommands) {
      builder.addSubcommand((sub) => {
        const path = `${entry.name} ${spec.name}`;
        localize(sub, path).setName(spec.name).setDescription(spec.description);
        addOptions(sub, spec, path);
        return sub;
      });
    }
  } else addOptions(builder, entry, entry.name);
  return builder.toJSON();
}

/** One option as Discord delivers it (discord.js's `options.get(name)` or the raw JSON option alike). */
export interface GivenOption {
  type: number;
  value?: unknown;
}

/**
 * A command's arguments as Discord delivered them (options inside a subcommand included), checked and
 * bounded: a missing required option or a wrong type is an `InputError`, text is cut to its `textCap`.
 * The gateway and the HTTP endpoint both read options through it.
 */
export function readArgs(
  search: Search,
  command: string,
  spec: CommandSpec,
  get: (name: string) => GivenOption | null | undefined,
): RawArgs {
  const args: RawArgs = {};
  for (const [name, option] of Object.entries(spec.options)) {
    const given = get(name);
    if (!given || given.value === undefined || given.value === null) {
      if (option.required)
        throw new InputError("missing-option", "input.missingOption", { command, option: name });
      continue;
    }
    const expected =
      option.type === "string" ? ApplicationCommandOptionType.String : ApplicationCommandOptionType.Integer;
    if (given.type !== expected || typeof given.value !== (option.type === "string" ? "string" : "number"))
      throw new InputError(
        "wrong-type",
        option.type === "string" ? "input.wrongTypeText" : "input.wrongTypeNumber",
        { command, option: name },
      );
    args[name] =
      option.type === "string"
        ? boundInput(String(given.value), textCap(search, option))
        : Number(given.value);
  }
  return args;
}

/**
 * How much of an option's text reaches search: its max length; for a sector name, no more than the longest
 * sector name or alias plus a margin for typos (no longer text can name a sector, and 100 characters cost
 * the resolver ~15 ms where 40 cost ~3 ms).
 */
export function textCap(search: Search, option: StringOption): number {
  const max = option.maxLength ?? MAX_OPTION_TEXT;
  if (option.suggest !== "sectors") return max;
  let longest = longestName.get(search);
  if (longest === undefined) {
    longest = Math.max(0, ...search.kb.sectors.flatMap((s) => [s.name, ...s.aliases].map((a) => a.length)));
    longestName.set(search, longest);
  }
  return Math.min(max, longest + NAME_TYPO_MARGIN);
}
const NAME_TYPO_MARGIN = 8;
const longestName = new WeakMap<Search, number>();

/** Autocomplete names cut to Discord's limits; at most 25 (the gateway and the HTTP endpoint both use it). */
export function suggestionsFor(
  search: Search,
  kind: NonNullable<StringOption["suggest"]>,
  typed: string,
): Choice[] {
  // Many members type the same first letters: suggestions depend only on the knowledge base and the text.
  const key = `${kind}\u0000${typed}`;
  const cached = suggestionCache.get(search)?.get(key);
  if (cached) return cached;
  const choices = computeSuggestions(search, kind, typed);
  const cache = suggestionCache.get(search) ?? new Map<string, Choice[]>();
  suggestionCache.set(search, cache);
  if (cache.size >= SUGGESTION_CACHE_SIZE) cache.delete(cache.keys().next().value as string);
  cache.set(key, choices);
  return choices;
}

/** Autocomplete answers remembered per search index (oldest dropped first). */
const SUGGESTION_CACHE_SIZE = 1000;
const suggestionCache = new WeakMap<Search, Map<string, Choice[]>>();

function computeSuggestions(
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
    if (!spec) throw new InputError("unknown-subcommand", "input.unknownSubcommand", { command: entry.name });
    return spec;
  };
  return {
    data: slashDefinition(entry),
    execute(context, interaction, caller) {
      const spec = specOf(interaction);
      const args = readArgs(context.search, entry.name, spec, (name) => interaction.options.get(name));
      return spec.run(context, args, caller);
    },
    autocomplete(context, interaction) {
      const focused = interaction.options.getFocused(true);
      const option = specOf(interaction).options[focused.name];
      return option?.type === "string" && option.suggest
        ? suggestionsFor(
            context.search,
            option.suggest,
            boundInput(String(focused.value), textCap(context.search, option)),
          )
        : [];
    },
  };
}

/** The slash commands of the table: what the dispatcher routes and `deploy-commands` registers. */
export const SLASH_COMMANDS: readonly SlashCommand[] = COMMANDS.map(slashCommand);
