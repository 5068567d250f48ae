/**
 * The reliability suite's harness: the bot as `npm start` runs it (one node process, configured by the
 * environment) against the Discord double, its JSON log lines parsed, and a table of what was measured.
 */
import { type ChildProcessWithoutNullStreams, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { DiscordDouble } from "../discord/double.ts";
import { TEST_TOKEN } from "../discord/wire.ts";

export interface LogLine {
  level: string;
  event: string;
  [key: string]: unknown;
}

export interface RunningBot {
  child: ChildProcessWithoutNullStreams;
  logs: () => LogLine[];
  output: () => string;
  exited: Promise<{ code: number | null; at: number }>;
  waitForLog(predicate: (line: LogLine) => boolean, ms?: number): Promise<LogLine>;
  kill(): void;
}

const dirs: string[] = [];
/** A fresh folder under the system temp dir, removed by {@link removeTempDirs}. */
export const tempDir = (name: string) => {
  const dir = mkdtempSync(join(tmpdir(), `mic2025-rel-${name}-`));
  dirs.push(dir);
  return dir;
};
export const removeTempDirs = () => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
};

/**
 * Starts `node --import tsx src/main.ts start` (what `npm start` runs). `shellPrefix` runs it through
 * `sh -c` after that shell text, e.g. a file-size limit.
 */
export function startBot(
  double: DiscordDouble,
  env: Record<string, string> = {},
  shellPrefix?: string,
): RunningBot {
  const args = ["--import", "tsx", "src/main.ts", "start"];
  const fullEnv = {
    PATH: process.env.PATH ?? "",
    DISCORD_TOKEN: TEST_TOKEN,
    DISCORD_API_URL: double.apiUrl,
    DATA_DIR: tempDir("data"),
    ...env,
  };
  const child = shellPrefix
    ? spawn("sh", ["-c", `${shellPrefix}; exec "${process.execPath}" ${args.join(" ")}`], {
        cwd: process.cwd(),
        env: fullEnv,
      })
    : spawn(process.execPath, args, { cwd: process.cwd(), env: fullEnv });
  let output = "";
  let parsed: LogLine[] = [];
  let pending = "";
  const onData = (d: Buffer) => {
    output += d;
    pending += d;
    const lines = pending.split("\n");
    pending = lines.pop() ?? "";
    for (const line of lines) {
      try {
        parsed.push(JSON.parse(line) as LogLine);
      } catch {
        // Not a log line (a one-line Failure on stderr): kept in `output`.
      }
    }
  };
  child.stdout.on("data", onData);
  child.stderr.on("data", onData);
  const exited = new Promise<{ code: number | null; at: number }>((resolve) =>
    child.on("exit", (code) => resolve({ code, at: performance.now() })),
  );
  return {
    child,
    logs: () => parsed,
    output: () => output,
    exited,
    async waitForLog(predicate, ms = 15_000) {
      const deadline = Date.now() + ms;
      for (;;) {
        const found = parsed.find(predicate);
        if (found) return found;
        if (Date.now() > deadline)
          throw new Error(`no log line matched within ${ms} ms:\n${output.slice(-3000)}`);
        if (child.exitCode !== null)
          throw new Error(`the bot exited (${child.exitCode}):\n${output.slice(-3000)}`);
        await sleep(10);
      }
    },
    kill() {
      if (child.exitCode === null) child.kill("SIGKILL");
      parsed = [];
    },
  };
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function until(check: () => boolean, ms: number, what: string): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await sleep(5);
  }
}

/** The p-th percentile (0–100) of `values`. */
export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (!sorted.length) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] as number;
}

/** Rows of the table the suite prints at the end: what, measured, before (where known). */
export const TABLE: [string, string, string][] = [];

export function record(what: string, measured: string, before = ""): void {
  TABLE.push([what, measured, before]);
}

export function renderTable(): string {
  const rows: [string, string, string][] = [["measured", "now", "before (issue 12)"], ...TABLE];
  const widths = [0, 1, 2].map((i) => Math.max(...rows.map((r) => r[i as 0 | 1 | 2].length)));
  const line = (r: [string, string, string]) =>
    `| ${r.map((c, i) => c.padEnd(widths[i] ?? 0)).join(" | ")} |`;
  return [
    line(rows[0] as [string, string, string]),
    `| ${widths.map((w) => "-".repeat(w)).join(" | ")} |`,
    ...rows.slice(1).map(line),
  ].join("\n");
}
