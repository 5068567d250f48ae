import type { Scoreboard } from "../answer/scoreboard.ts";
import { processCommands } from "./commands.ts";
import {
  Failure,
  findProcessCommand,
  type ProcessIo,
  renderUsage,
  runProcessCommand,
  UsageError,
} from "./kit.ts";

/** What main reads and writes; injected so tests run it in-process. */
export interface MainIo extends ProcessIo {
  /** Lines piped on stdin; undefined when stdin is a terminal. */
  stdinLines?: () => AsyncIterable<string>;
  stdinIsTTY: boolean;
}

const PROGRAM = "npm run -s cli --";
const SCRIPTS =
  "npm start = start · npm run console · npm run kb:check = kb check · npm run kb:schema = kb schema · npm run scores -- <show|reset|backup|migrate> · npm run deploy-commands = deploy";

/**
 * The one command-line entry: `start`, `console`, `deploy`, `kb check|schema`, `scores ...`, and every
 * command of the command table (`ask`, `sector`, ..., plus `kb` for the data) answered once on stdout.
 * Returns the exit code: 0 done, 1 a one-line failure, 2 a usage error (message and usage on stderr).
 */
export async function runMain(
  argv: readonly string[],
  io: MainIo,
  overrides: { scoreboard?: Scoreboard } = {},
): Promise<number> {
  const commands = processCommands({ stdinIsTTY: io.stdinIsTTY, ...overrides });
  const usage = async () => {
    const { cliRows } = await import("../console/cli.ts");
    return `${renderUsage(PROGRAM, commands, cliRows())}\n\n  --json   JSON only on stdout (sector, ask, sectors, kb). With no argument and lines on stdin,\n           sector and ask answer one per line.\n\nScripts: ${SCRIPTS}\nExit codes: 0 done (a "no match" is an answer), 1 a failure, 2 a usage error.`;
  };
  try {
    if (argv[0] === "--help" || argv[0] === "-h") {
      io.stdout(`${await usage()}\n`);
      return 0;
    }
    if (!argv.length) throw new UsageError("No command given.");
    const found = findProcessCommand(commands, argv);
    if (found) return await runProcessCommand(found.command, found.rest, io);
    const group = commands.filter((c) => c.path.startsWith(`${argv[0]} `)).map((c) => c.path.split(" ")[1]);
    if (group.length && argv[0] !== "kb")
      throw new UsageError(`${argv[0]} needs one of: ${group.join(", ")}.`);
    return await answerOnce(argv, io, await usage());
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`${error.message}\n\n${await usage()}\n`);
      return 2;
    }
    if (error instanceof Failure) {
      io.stderr(`${error.message}\n`);
      return 1;
    }
    throw error;
  }
}

/** A command of the table (or `kb`), answered once: text, or JSON with --json. */
async function answerOnce(argv: readonly string[], io: MainIo, usage: string): Promise<number> {
  const { isCliCommand, runCli } = await import("../console/cli.ts");
  if (!isCliCommand(argv[0] ?? "")) throw new UsageError(`Unknown command "${argv[0]}".`);
  const { searchOrFail } = await import("./load.ts");
  const search = await searchOrFail();
  return runCli(argv, { search, scoreboard: null, random: Math.random }, io, usage);
}
