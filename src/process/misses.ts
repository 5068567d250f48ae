import { readFile } from "node:fs/promises";
import { formatMisses, summariseMisses } from "../search/misses.ts";
import { defineProcessCommand, Failure, type ProcessCommand, UsageError } from "./kit.ts";

/**
 * `misses <log-file> [--top N] [--json]`: what members asked that the bot could not answer, grouped by
 * normalised wording, most frequent first. Reads the bot's JSON log lines (`npm start | tee bot.log`).
 */
export function missesCommand(): ProcessCommand {
  return defineProcessCommand({
    path: "misses",
    summary: "the most frequent unanswered questions and unknown sectors in a bot log",
    args: ["log-file"],
    flags: {
      top: { type: "string", value: "N", description: "how many groups to list (20)" },
      json: { type: "boolean", description: "print JSON" },
    },
    run: async ({ args: [file = ""], flags, io }) => {
      const top = flags.top === undefined ? 20 : Number.parseInt(String(flags.top), 10);
      if (!Number.isFinite(top) || top < 1)
        throw new UsageError("--top takes a positive number, e.g. --top 20");
      let text: string;
      try {
        text = await readFile(file, "utf8");
      } catch (error) {
        throw new Failure(`Cannot read the log ${file}: ${(error as Error).message}`);
      }
      const groups = summariseMisses(text.split("\n"));
      io.stdout(
        flags.json === true
          ? `${JSON.stringify(groups.slice(0, top), null, 2)}\n`
          : formatMisses(groups, top),
      );
      return 0;
    },
  });
}
