import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { formatMisses, summariseMisses } from "./search/misses.ts";

// `npm run misses -- [log files...] [--top N] [--json]`: what members asked that the bot could not answer,
// grouped by normalised wording, most frequent first. Reads the bot's JSON log lines from the files given,
// or from stdin (`npm start | tee bot.log`, then `npm run misses -- bot.log`). Wiring only.
const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { top: { type: "string", default: "20" }, json: { type: "boolean", default: false } },
});
const top = Number.parseInt(values.top, 10);
if (!Number.isFinite(top) || top < 1) {
  console.error("--top takes a positive number, e.g. --top 20");
  process.exit(1);
}
let text: string;
try {
  text = positionals.length
    ? positionals.map((f) => readFileSync(f, "utf8")).join("\n")
    : readFileSync(0, "utf8");
} catch (error) {
  console.error(`Cannot read the log: ${(error as Error).message}`);
  process.exit(1);
}
const groups = summariseMisses(text.split("\n"));
process.stdout.write(
  values.json ? `${JSON.stringify(groups.slice(0, top), null, 2)}\n` : formatMisses(groups, top),
);
