import { tokenize } from "../text/normalize.ts";
import { ENGLISH_STOP_WORDS } from "../text/stopwords.ts";

/** Questions or look-ups the bot could not answer, grouped by their normalised form, most frequent first. */
export interface MissGroup {
  /** Stemmed words, stop words out: "Who made the C919's engines?" and "who makes c919 engines" meet. */
  form: string;
  count: number;
  /** The command the misses came through (`ask`, `sector`, ...), each with its count. */
  commands: Record<string, number>;
  /** The most recent wording seen, as the member typed it. */
  example: string;
  lastSeen: string;
}

/** The normalised form two wordings of one question share. */
export function missForm(query: string): string {
  const words = tokenize(query).filter((w) => w.length > 1 && !ENGLISH_STOP_WORDS.has(w));
  return words.join(" ") || tokenize(query).join(" ");
}

/**
 * Reads the bot's log lines (one JSON object each, as `src/logger.ts` writes them) and groups the misses:
 * `interaction` events with outcome `no-match` and the query the member typed. Other lines are skipped.
 */
export function summariseMisses(lines: Iterable<string>): MissGroup[] {
  const groups = new Map<string, MissGroup>();
  for (const line of lines) {
    const entry = parseLine(line);
    if (!entry) continue;
    const form = missForm(entry.query);
    if (!form) continue;
    const group = groups.get(form) ?? { form, count: 0, commands: {}, example: entry.query, lastSeen: "" };
    group.count++;
    group.commands[entry.command] = (group.commands[entry.command] ?? 0) + 1;
    if (entry.time >= group.lastSeen) {
      group.lastSeen = entry.time;
      group.example = entry.query;
    }
    groups.set(form, group);
  }
  return [...groups.values()].sort((a, b) => b.count - a.count || b.lastSeen.localeCompare(a.lastSeen));
}

function parseLine(line: string): { query: string; command: string; time: string } | null {
  if (!line.trim().startsWith("{")) return null;
  try {
    const entry = JSON.parse(line) as Record<string, unknown>;
    if (entry.event !== "interaction" || entry.outcome !== "no-match" || typeof entry.query !== "string")
      return null;
    return {
      query: entry.query,
      command: typeof entry.command === "string" ? entry.command : "?",
      time: typeof entry.time === "string" ? entry.time : "",
    };
  } catch {
    return null;
  }
}

/** The summary as a plain-text table: count, commands, example wording. */
export function formatMisses(groups: readonly MissGroup[], top: number): string {
  if (!groups.length) return "No misses in this log.\n";
  const total = groups.reduce((sum, g) => sum + g.count, 0);
  const lines = [
    `${total} misses, ${groups.length} distinct questions; the ${Math.min(top, groups.length)} most frequent:`,
  ];
  for (const g of groups.slice(0, top)) {
    const commands = Object.entries(g.commands)
      .map(([c, n]) => `/${c}${Object.keys(g.commands).length > 1 ? ` ×${n}` : ""}`)
      .join(", ");
    lines.push(`${String(g.count).padStart(5)}  ${commands.padEnd(10)} ${g.example}`);
  }
  return `${lines.join("\n")}\n`;
}
