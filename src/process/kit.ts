import { parseArgs } from "node:util";

/*
 * The process edge in the style of citty: commands are declarations, usage is generated from them, and
 * errors are sorted once: a `UsageError` prints the message and the usage (exit 2), a `Failure` prints
 * one line (exit 1), anything else is a bug and is left to main.ts.
 */

/** Where a command writes; injected so tests see what a user or a script would. */
export interface ProcessIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

/** The user typed something this program does not take. */
export class UsageError extends Error {}

/** The program cannot do what was asked, for a reason the user can fix; `message` is one line. */
export class Failure extends Error {}

export interface FlagSpec {
  type: "boolean" | "string";
  description: string;
  /** For string flags, the value's name in the usage text. */
  value?: string;
}

/** One process command: `scores reset <server-id> --yes`. */
export interface ProcessCommand {
  /** One or two words: `start`, `kb check`. */
  path: string;
  summary: string;
  /** Positional arguments in order; `[name]` marks an optional one. */
  args?: readonly string[];
  flags?: Readonly<Record<string, FlagSpec>>;
  run(input: {
    args: string[];
    flags: Record<string, string | boolean | undefined>;
    io: ProcessIo;
  }): Promise<number>;
}

/** Every command with the same declaration shape, typed. */
export function defineProcessCommand(command: ProcessCommand): ProcessCommand {
  return command;
}

/** One usage line per command, columns aligned; `extra` rows come from elsewhere (the answer commands). */
export function renderUsage(
  program: string,
  commands: readonly ProcessCommand[],
  extra: readonly [string, string][] = [],
): string {
  const rows: [string, string][] = [
    ...commands.map((c): [string, string] => [
      [
        c.path,
        ...(c.args ?? []).map((a) => (a.startsWith("[") ? a : `<${a}>`)),
        ...Object.entries(c.flags ?? {}).map(([name, f]) =>
          f.type === "string" ? `[--${name} ${f.value ?? "VALUE"}]` : `[--${name}]`,
        ),
      ].join(" "),
      c.summary,
    ]),
    ...extra,
  ];
  const width = Math.max(...rows.map(([left]) => left.length)) + 2;
  return [`Usage: ${program} <command> ...`, "", ...rows.map(([l, r]) => `  ${l.padEnd(width)}${r}`)].join(
    "\n",
  );
}

/** The command an argv names (the longest path that matches its first words), or undefined. */
export function findProcessCommand(
  commands: readonly ProcessCommand[],
  argv: readonly string[],
): { command: ProcessCommand; rest: string[] } | undefined {
  const matches = commands
    .filter((c) => c.path.split(" ").every((word, i) => argv[i] === word))
    .sort((a, b) => b.path.length - a.path.length);
  const command = matches[0];
  return command ? { command, rest: argv.slice(command.path.split(" ").length) } : undefined;
}

/** Parses `rest` against a command's declaration with `node:util` parseArgs and runs it. */
export async function runProcessCommand(
  command: ProcessCommand,
  rest: readonly string[],
  io: ProcessIo,
): Promise<number> {
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({
      args: [...rest],
      options: Object.fromEntries(
        Object.entries(command.flags ?? {}).map(([name, f]) => [name, { type: f.type }]),
      ),
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    throw new UsageError(`${command.path}: ${(error as Error).message}`);
  }
  const declared = command.args ?? [];
  const required = declared.filter((a) => !a.startsWith("["));
  if (parsed.positionals.length < required.length)
    throw new UsageError(`${command.path} needs ${required.map((a) => `<${a}>`).join(" ")}.`);
  if (parsed.positionals.length > declared.length)
    throw new UsageError(`${command.path} takes ${declared.length ? declared.join(" ") : "no argument"}.`);
  // No flag is declared `multiple`, so no value is an array.
  return command.run({
    args: parsed.positionals,
    flags: parsed.values as Record<string, string | boolean | undefined>,
    io,
  });
}
