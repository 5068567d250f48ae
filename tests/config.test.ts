import { describe, expect, it } from "vitest";
import { parseConfig, requireDeployConfig } from "../src/config.ts";

const TOKEN = "MTAxMDEwMTAxMDEwMTAxMDEw.GabcDE.abcdefghijklmnopqrstuvwxyz0123456789AB";

describe("parseConfig", () => {
  it("runs the console when no token is set, with defaults", () => {
    const result = parseConfig({});
    expect(result).toMatchObject({
      ok: true,
      config: { mode: "console", logLevel: "info", dataDir: "./data" },
    });
    if (result.ok) expect(result.config.discord.apiUrl).toBe("https://discord.com/api");
  });

  it("treats empty lines in .env as unset", () => {
    expect(parseConfig({ DISCORD_TOKEN: "", DISCORD_GUILD_ID: " ", LOG_LEVEL: "" })).toMatchObject({
      ok: true,
      config: { mode: "console" },
    });
  });

  it("runs the bot with a token, and trims a trailing slash off the API URL", () => {
    const result = parseConfig({
      DISCORD_TOKEN: TOKEN,
      DISCORD_CLIENT_ID: "123456789012345678",
      DISCORD_API_URL: "http://127.0.0.1:9999/api/",
    });
    expect(result).toMatchObject({
      ok: true,
      config: {
        mode: "bot",
        discord: { clientId: "123456789012345678", apiUrl: "http://127.0.0.1:9999/api" },
      },
    });
  });

  it.each([
    [{ DISCORD_TOKEN: "not a token" }, "DISCORD_TOKEN"],
    [{ DISCORD_CLIENT_ID: "my-app" }, "DISCORD_CLIENT_ID"],
    [{ DISCORD_GUILD_ID: "12" }, "DISCORD_GUILD_ID"],
    [{ DISCORD_API_URL: "discord dot com" }, "DISCORD_API_URL"],
    [{ LOG_LEVEL: "loud" }, "LOG_LEVEL"],
  ])("names the variable at fault in one line: %j", (env, variable) => {
    const result = parseConfig(env);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error).toContain(variable);
      expect(result.error).not.toContain("\n");
    }
  });

  it("never puts the token in an error, a JSON dump or a log-friendly string", () => {
    const bad = parseConfig({ DISCORD_TOKEN: `${TOKEN} extra` });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error).not.toContain(TOKEN.slice(0, 20));
    const good = parseConfig({ DISCORD_TOKEN: TOKEN });
    if (!good.ok) throw new Error("expected a config");
    expect(good.config.discord.token).toBe(TOKEN);
    expect(JSON.stringify(good.config)).not.toContain(TOKEN);
    expect(String(Object.keys(good.config.discord))).not.toContain("token");
  });
});

describe("requireDeployConfig", () => {
  it.each([
    [{}, "DISCORD_TOKEN"],
    [{ DISCORD_TOKEN: TOKEN }, "DISCORD_CLIENT_ID"],
  ])("says what deploy-commands still needs: %j", (env, variable) => {
    const parsed = parseConfig(env);
    if (!parsed.ok) throw new Error(parsed.error);
    const ready = requireDeployConfig(parsed.config);
    expect(ready.ok).toBe(false);
    if (!ready.ok) expect(ready.error).toContain(variable);
  });
});

describe("parseConfig: scale-out settings", () => {
  const KEY = "a".repeat(64);
  it("defaults to the gateway, SQLite and port 8080", () => {
    expect(parseConfig({})).toMatchObject({
      ok: true,
      config: { database: null, interactions: { mode: "gateway", port: 8080, host: "0.0.0.0" } },
    });
  });

  it("reads HTTP mode, the public key, PostgreSQL and its pool size", () => {
    expect(
      parseConfig({
        INTERACTIONS_MODE: "http",
        PORT: "9000",
        DISCORD_PUBLIC_KEY: KEY.toUpperCase(),
        DATABASE_URL: "postgres://u:p@127.0.0.1:5432/db",
        DATABASE_POOL_SIZE: "4",
      }),
    ).toMatchObject({
      ok: true,
      config: {
        database: { url: "postgres://u:p@127.0.0.1:5432/db", poolSize: 4 },
        interactions: { mode: "http", port: 9000, publicKey: KEY },
      },
    });
  });

  it.each([
    [{ INTERACTIONS_MODE: "webhook" }, "INTERACTIONS_MODE"],
    [{ PORT: "eighty" }, "PORT"],
    [{ PORT: "70000" }, "PORT"],
    [{ DISCORD_PUBLIC_KEY: "abc" }, "DISCORD_PUBLIC_KEY"],
    [{ DATABASE_URL: "mysql://x" }, "DATABASE_URL"],
    [{ DATABASE_POOL_SIZE: "0" }, "DATABASE_POOL_SIZE"],
  ])("%j names %s", (env, variable) => {
    const result = parseConfig(env);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toContain(variable);
  });
});
