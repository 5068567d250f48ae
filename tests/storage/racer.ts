// One process clicking: opens the scoreboard at argv[2] (a SQLite path or a postgres:// URL), records the
// same answer `clicks` times at once, prints how many counted. The contract test runs several of these.
import { openPostgresScoreboard } from "../../src/storage/postgres.ts";
import { openScoreboard } from "../../src/storage/scoreboard.ts";

const [location = "", clicks = "1"] = process.argv.slice(2);
const board = /^postgres/.test(location)
  ? await openPostgresScoreboard(location, { poolSize: 4 })
  : openScoreboard(location);
const results = await Promise.all(
  Array.from({ length: Number(clicks) }, (_, i) =>
    board.recordAnswer({
      guildId: "g1",
      userId: "racer",
      questionId: "q1",
      choice: i % 4,
      correct: i % 4 === 0,
    }),
  ),
);
await board.close();
process.stdout.write(String(results.filter((r) => r.counted).length));
