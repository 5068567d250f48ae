import {
  type CommandEntry,
  type CommandSpec,
  findCommand,
  isGroup,
  type OptionSpec,
  type RawArgs,
} from "../commands/define.ts";

/** A typed line read against the command table: the command and its arguments, or why it is not one. */
export type ParsedLine =
  | { ok: true; spec: CommandSpec; args: RawArgs }
  | { ok: false; problem: "unknown-command"; word: string }
  | { ok: false; problem: "bad-argument"; message: string };

const NAMED = /^([a-z][a-z-]*):(.*)$/i;

/**
 * Reads `/name [subcommand] [text]` against the table, the way Discord's form would fill the options:
 * `option:value` pairs (as in the `/help` examples) fill that option; free text fills the first option that
 * takes it (a whole number fills a number option, anything else the first text option). A missing required
 * text option is passed empty, so the command answers with its own notice rather than a parser error.
 */
export function parseCommandLine(commands: readonly CommandEntry[], line: string): ParsedLine {
  const [word = "", ...words] = line.trim().split(/\s+/);
  const name = word.replace(/^\//, "").toLowerCase();
  const entry = commands.find((e) => e.name === name);
  if (!entry) return { ok: false, problem: "unknown-command", word };
  let rest = words;
  let subcommand: string | undefined;
  if (isGroup(entry) && entry.subcommands.some((s) => s.name === rest[0]?.toLowerCase())) {
    subcommand = rest[0]?.toLowerCase();
    rest = rest.slice(1);
  }
  const spec = findCommand(commands, name, subcommand);
  if (!spec) return { ok: false, problem: "unknown-command", word };
  return readArguments(spec, rest);
}

function readArguments(spec: CommandSpec, words: readonly string[]): ParsedLine {
  const args: RawArgs = {};
  const free: string[] = [];
  const options = Object.entries(spec.options);
  for (const word of words) {
    const named = NAMED.exec(word);
    const option = named ? spec.options[named[1]?.toLowerCase() ?? ""] : undefined;
    if (named && option) {
      const value = valueFor(option, named[2] ?? "");
      if (value === undefined)
        return { ok: false, problem: "bad-argument", message: `${named[1]} takes a whole number.` };
      args[named[1]?.toLowerCase() ?? ""] = value;
    } else free.push(word);
  }
  const text = free.join(" ");
  if (text) {
    const wholeNumber = /^-?\d+$/.test(text);
    const target =
      options.find(([key, o]) => args[key] === undefined && wholeNumber && o.type === "integer") ??
      options.find(([key, o]) => args[key] === undefined && o.type === "string");
    if (!target) {
      const numbers = options.filter(([, o]) => o.type === "integer").map(([key]) => key);
      return {
        ok: false,
        problem: "bad-argument",
        message: numbers.length
          ? `/${spec.name} takes a number (${numbers.join(", ")}).`
          : `/${spec.name} takes no text.`,
      };
    }
    args[target[0]] = valueFor(target[1], text);
  }
  for (const [key, option] of options) {
    if (option.required && option.type === "string" && args[key] === undefined) args[key] = "";
  }
  return { ok: true, spec, args };
}

function valueFor(option: OptionSpec, text: string): string | number | undefined {
  if (option.type === "string") return text;
  return /^-?\d+$/.test(text) ? Number(text) : undefined;
}
