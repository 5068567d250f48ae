import { loadConfig, requireDeployConfig } from "./config.ts";
import { deployCommands } from "./discord/deploy.ts";

// `npm run deploy-commands`: register the slash commands. Wiring only.
const parsed = loadConfig();
const ready = parsed.ok ? requireDeployConfig(parsed.config) : parsed;
if (!parsed.ok || !ready.ok) {
  console.error(`Cannot register commands: ${"error" in ready ? ready.error : ""}`);
  process.exit(1);
}
try {
  const result = await deployCommands(parsed.config);
  const where =
    result.scope === "guild"
      ? `server ${parsed.config.discord.guildId} (shows at once)`
      : "all servers (global: may take up to an hour to show)";
  console.log(
    `Registered ${result.names.length} commands for ${where}: ${result.names.map((n) => `/${n}`).join(", ")}`,
  );
} catch (error) {
  console.error(`Registering commands failed: ${(error as Error).message}`);
  process.exit(1);
}
