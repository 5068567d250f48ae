import type { AnswerContext, Caller } from "../answer/context.ts";
import type { Reply } from "../answer/reply.ts";

/** A text option. `suggest` names what a front end may offer while the member types. */
export interface StringOption {
  type: "string";
  description: string;
  required?: boolean;
  maxLength?: number;
  suggest?: "sectors";
}

/** A whole-number option; Discord enforces `min` and `max` as the member types, the core checks ranges. */
export interface IntegerOption {
  type: "integer";
  description: string;
  required?: boolean;
  min?: number;
  max?: number;
}

export type OptionSpec = StringOption | IntegerOption;
export type OptionsSpec = Readonly<Record<string, OptionSpec>>;

type ValueOf<O extends OptionSpec> = O extends StringOption ? string : number;

/** The typed arguments a command's `run` receives, read from its `options` (required ones are present). */
export type ArgsOf<O extends OptionsSpec> = {
  -readonly [K in keyof O as O[K] extends { required: true } ? K : never]: ValueOf<O[K]>;
} & {
  -readonly [K in keyof O as O[K] extends { required: true } ? never : K]?: ValueOf<O[K]>;
};

/** The arguments as front ends build them before a command's `run` sees them typed. */
export type RawArgs = Record<string, string | number | undefined>;

/**
 * Who else may see an answer: "none" (the reply decides), "private" (the member may hide it), or
 * "private-and-for" (the member may also address it to someone). Discord turns these into the `private`
 * and `for` options; `/help` explains them.
 */
export type Sharing = "none" | "private" | "private-and-for";

/** One command, declared once for every front end: Discord, the console, the CLI and `/help`. */
export interface CommandSpec<O extends OptionsSpec = OptionsSpec> {
  /** Lowercase, 1–32 characters (Discord's rule). */
  name: string;
  /** One line, at most 100 characters: the slash description and the `/help` text. */
  description: string;
  /** A line a member can type as is, in Discord's `option:value` form (the console reads it too). */
  example: string;
  options: O;
  sharing: Sharing;
  /** Builds the reply. Pure apart from the context's scoreboard (asynchronous, hence the promise). */
  run(context: AnswerContext, args: ArgsOf<O>, caller: Caller): Reply | Promise<Reply>;
}

/** A command with subcommands (`/quiz question`, `/quiz scores`). */
export interface CommandGroup {
  name: string;
  description: string;
  subcommands: readonly CommandSpec[];
  /** The subcommand the console runs when the member names none (`/quiz chips`). */
  defaultSubcommand: string;
}

export type CommandEntry = CommandSpec | CommandGroup;

/** Types a command's `run` from its options; returns the declaration unchanged. */
export function defineCommand<const O extends OptionsSpec>(spec: CommandSpec<O>): CommandSpec<O> {
  return spec;
}

/** True for a command with subcommands. */
export function isGroup(entry: CommandEntry): entry is CommandGroup {
  return "subcommands" in entry;
}

/** Every runnable command with its full name (`quiz question`), in table order. */
export function flattenCommands(
  entries: readonly CommandEntry[],
): { path: string; spec: CommandSpec; group?: CommandGroup }[] {
  return entries.flatMap((entry) =>
    isGroup(entry)
      ? entry.subcommands.map((spec) => ({ path: `${entry.name} ${spec.name}`, spec, group: entry }))
      : [{ path: entry.name, spec: entry }],
  );
}

/** The runnable command for a name and optional subcommand name, or undefined. */
export function findCommand(
  entries: readonly CommandEntry[],
  name: string,
  subcommand?: string | null,
): CommandSpec | undefined {
  const entry = entries.find((e) => e.name === name);
  if (!entry || !isGroup(entry)) return entry;
  return entry.subcommands.find((s) => s.name === (subcommand ?? entry.defaultSubcommand));
}
