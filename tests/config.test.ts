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
