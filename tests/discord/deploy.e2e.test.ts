/**
 * End to end: `deployCommands` registers the one registry with a single PUT against the Discord double, to
 * the guild when DISCORD_GUILD_ID is set and globally otherwise.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseConfig } from "../../src/config.ts";
import { deployCommands } from "../../src/discord/deploy.ts";
import { SLASH_COMMANDS as COMMANDS } from "../../src/discord/slash.ts";
import { type DiscordDouble, startDiscordDouble } from "./double.ts";

const TOKEN = "MTAxMDEwMTAxMDEwMTAxMDEw.GabcDE.abcdefghijklmnopqrstuvwxyz0123456789AB";

describe("deployCommands against the Discord double", () => {
  let double: DiscordDouble;

  beforeAll(async () => {
    double = await startDiscordDouble();
  });

  afterAll(async () => {
    await double?.close();
  });

  const configFor = (guild: boolean) => {
    const parsed = parseConfig({
      DISCORD_TOKEN: TOKEN,
      DISCORD_CLIENT_ID: double.applicationId,
      DISCORD_API_URL: double.apiUrl,
      ...(guild ? { DISCORD_GUILD_ID: double.guildId } : {}),
    });
    if (!parsed.ok) throw new Error(parsed.error);
    return parsed.config;
  };

  it.each([
    { scope: "guild", guild: true },
    { scope: "global", guild: false },
  ] as const)("registers every command with one PUT ($scope)", async ({ scope, guild }) => {
    const puts = double.commandPuts.length;
    const requests = double.requests.length;
    const result = await deployCommands(configFor(guild));

    const names = COMMANDS.map((c) => c.data.name);
    expect(result).toEqual({ scope, names });
    expect(double.requests.slice(requests).map((r) => r.method)).toEqual(["PUT"]);
    const sent = double.commandPuts.slice(puts);
    expect(sent).toHaveLength(1);
    const put = sent[0];
    const app = double.applicationId;
    expect(put?.path).toBe(
      guild
        ? `/api/v10/applications/${app}/guilds/${double.guildId}/commands`
        : `/api/v10/applications/${app}/commands`,
    );
    expect(put?.applicationId).toBe(app);
    expect(put?.guildId).toBe(guild ? double.guildId : undefined);
    expect(put?.body).toEqual(COMMANDS.map((c) => c.data));
    expect(put?.body).toEqual(JSON.parse(JSON.stringify(COMMANDS.map((c) => c.data))));
  });

  it("refuses to deploy without a token, before sending anything", async () => {
    const parsed = parseConfig({ DISCORD_CLIENT_ID: double.applicationId, DISCORD_API_URL: double.apiUrl });
    if (!parsed.ok) throw new Error(parsed.error);
    const requests = double.requests.length;
    await expect(deployCommands(parsed.config)).rejects.toThrow(/DISCORD_TOKEN/);
    expect(double.requests.length).toBe(requests);
  });

  it("sent nothing to an unknown route", () => {
    expect(double.unknownRoutes).toEqual([]);
  });
});
