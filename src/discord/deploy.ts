import { REST, Routes } from "discord.js";
import type { Config } from "../config.ts";
import { SLASH_COMMANDS, type SlashCommand } from "./slash.ts";

export interface DeployResult {
  scope: "guild" | "global";
  names: string[];
}

/**
 * Registers the command definitions with one PUT: to the guild when `DISCORD_GUILD_ID` is set (instant),
 * globally otherwise (can take up to an hour to show). The same registry the dispatcher routes by.
 */
export async function deployCommands(
  config: Config,
  commands: readonly SlashCommand[] = SLASH_COMMANDS,
): Promise<DeployResult> {
  const { token, clientId, guildId, apiUrl } = config.discord;
  if (!token || !clientId) throw new Error("deployCommands needs DISCORD_TOKEN and DISCORD_CLIENT_ID");
  const rest = new REST({ api: apiUrl }).setToken(token);
  const body = commands.map((c) => c.data);
  const route = guildId
    ? Routes.applicationGuildCommands(clientId, guildId)
    : Routes.applicationCommands(clientId);
  const registered = (await rest.put(route, { body })) as { name: string }[];
  return { scope: guildId ? "guild" : "global", names: registered.map((c) => c.name) };
}
