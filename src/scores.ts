import { join } from "node:path";
import { loadConfig } from "./config.ts";
import { openScoreboard } from "./storage/scoreboard.ts";
import { runScoresAdmin } from "./storage/scores-admin.ts";

// `npm run scores -- <command>`: look after the quiz scoreboard. Wiring only.
const loaded = loadConfig();
if (!loaded.ok) {
  console.error(`Configuration problem: ${loaded.error}`);
  process.exit(1);
}
const scoreboard = openScoreboard(join(loaded.config.dataDir, "scoreboard.sqlite"));
try {
  process.exitCode = await runScoresAdmin(process.argv.slice(2), scoreboard, {
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
  });
} finally {
  scoreboard.close();
}
