import type { Scoreboard } from "./scoreboard.ts";

export const SCORES_USAGE = `Usage: npm run scores -- <command>

  show <server-id>        the server's top 10
  reset <server-id> --yes delete one server's quiz answers and scores
  backup <file>           write a consistent copy of the scoreboard (safe while the bot runs)`;

/** The scoreboard's admin commands; returns the exit code (0 done, 2 usage error). */
export async function runScoresAdmin(
  argv: readonly string[],
  scoreboard: Scoreboard,
  io: { stdout: (t: string) => void; stderr: (t: string) => void },
): Promise<number> {
  const [command, target, flag] = argv;
  const usage = (message: string) => {
    io.stderr(`${message}\n\n${SCORES_USAGE}\n`);
    return 2;
  };
  switch (command) {
    case "show": {
      if (!target) return usage("show needs a server id.");
      const rows = scoreboard.top(target, 10);
      io.stdout(
        rows.length
          ? `${rows.map((r, i) => `${i + 1}. ${r.userId}: ${r.correct} right of ${r.answered}, best streak ${r.bestStreak}`).join("\n")}\n`
          : "No answers in this server yet.\n",
      );
      return 0;
    }
    case "reset": {
      if (!target) return usage("reset needs a server id.");
      if (flag !== "--yes")
        return usage(`This deletes every quiz answer and score of server ${target}. Add --yes to confirm.`);
      io.stdout(
        `Reset server ${target}: removed the scores of ${scoreboard.resetGuild(target)} member(s).\n`,
      );
      return 0;
    }
    case "backup": {
      if (!target) return usage("backup needs a file to write.");
      await scoreboard.backup(target);
      io.stdout(`Backed up the scoreboard to ${target}.\n`);
      return 0;
    }
    default:
      return usage(command ? `Unknown command "${command}".` : "No command given.");
  }
}
