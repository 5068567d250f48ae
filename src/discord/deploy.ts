import { REST, type RESTPutAPIApplicationCommandsJSONBody, Routes } from "discord.js";
import type { Config } from "../config.ts";
import { MESSAGE_MENU_COMMANDS } from "./context-menu.ts";
import { SLASH_COMMANDS } from "./slash.ts";

/** Everything `deploy-commands` registers: the slash commands, then the message commands. */
export const COMMAND_DEFINITIONS: RESTPutAPIApplicationCommandsJSONBody = [
  ...SLASH_COMMANDS.map((c) => c.data),
  ...MESSAGE_MENU_COMMANDS.map((c) => c.data),
];

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
  body: RESTPutAPIApplicationCommandsJSONBody = COMMAND_DEFINITIONS,
): Promise<DeployResult> {
  const { token, clientId, guildId, apiUrl } = config.discord;
  if (!token || !clientId) throw new Error("deployCommands needs DISCORD_TOKEN and DISCORD_CLIENT_ID");
  const rest = new REST({ api: apiUrl }).setToken(token);
  const route = guildId
    ? Routes.applicationGuildCommands(clientId, guildId)
    : Routes.applicationCommands(clientId);
  const registered = (await rest.put(route, { body })) as { name: string }[];
  return { scope: guildId ? "guild" : "global", names: registered.map((c) => c.name) };
}
