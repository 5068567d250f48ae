import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DiscordDouble, startDiscordDouble } from "./discord/double.ts";
import { startEntry as start } from "./entry.ts";

// `npm start` as a user runs it: the real entry file in its own process, configured only by environment.
const TOKEN = "MTAxMDEwMTAxMDEwMTAxMDEw.GabcDE.abcdefghijklmnopqrstuvwxyz0123456789AB";

async function until(check: () => boolean, ms = 15_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error("timed out");
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe("npm start", () => {
  let double: DiscordDouble;
  let dataDir: string;
  beforeAll(async () => {
    double = await startDiscordDouble();
    dataDir = mkdtempSync(join(tmpdir(), "mic2025-entry-"));
  });
  afterAll(async () => {
    await double.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("with a token: logs in, answers, and shuts down cleanly on SIGTERM without printing the token", async () => {
    const bot = start({
      DISCORD_TOKEN: TOKEN,
      DISCORD_API_URL: double.apiUrl,
      DATA_DIR: dataDir,
      NODE_ENV: "test",
    });
    try {
      await until(() => bot.output().includes('"event":"ready"'));
      const callback = await double.dispatch(
        double.chatInput("sector", [{ name: "name", type: 3, value: "chips" }]),
      );
      expect(callback.type).toBe(4);
      bot.child.kill("SIGTERM");
      expect(await bot.exited).toBe(0);
      expect(bot.output()).toContain('"event":"stopped"');
      expect(bot.output()).not.toContain(TOKEN.split(".")[0]);
    } finally {
      bot.child.kill("SIGKILL");
    }
  });

  it.each([
    [{ DISCORD_TOKEN: "not-a-token" }, "DISCORD_TOKEN"],
    [{ LOG_LEVEL: "loud" }, "LOG_LEVEL"],
  ])("stops with one clear line for a malformed value: %j", async (env, variable) => {
    const run = start(env);
    expect(await run.exited).toBe(1);
    expect(run.output()).toContain(variable);
    expect(run.output().trim().split("\n")).toHaveLength(1);
  });

  it("without a token and without a terminal: stops with one line saying the token is missing", async () => {
    const run = start({ DATA_DIR: dataDir });
    run.child.stdin.end("/sector robots\n/quit\n");
    expect(await run.exited).toBe(1);
    expect(run.output()).toContain("DISCORD_TOKEN is not set");
    expect(run.output().trim().split("\n")).toHaveLength(1);
  });

  it("an uncaught exception is logged as one JSON line and exits 1", async () => {
    const child = spawn(
      process.execPath,
      [
        "--import",
        "tsx",
        "--input-type=module",
        "-e",
        'const { installFatalHandlers } = await import("./src/process/fatal.ts"); installFatalHandlers(); setTimeout(() => { throw new Error("boom"); });',
      ],
      { cwd: process.cwd(), env: { PATH: process.env.PATH ?? "" } },
    );
    let stderr = "";
    child.stderr.on("data", (d) => {
      stderr += d;
    });
    const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
    expect(code).toBe(1);
    expect(JSON.parse(stderr.trim())).toMatchObject({
      level: "error",
      event: "uncaught_exception",
      error: { message: "boom" },
    });
  });

  it("npm run console: opens the console, which answers what is typed", async () => {
    const run = start({ DATA_DIR: dataDir }, "console");
    run.child.stdin.end("/sector robots\n/quit\n");
    expect(await run.exited).toBe(0);
    expect(run.output()).toContain("Robotics");
  });
});
