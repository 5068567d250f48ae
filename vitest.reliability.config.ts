import { defineConfig } from "vitest/config";

// `npm run test:reliability`: the real bot process against the Discord double on 127.0.0.1 (bursts,
// shutdown, gateway closes, rate limits, scoreboard faults). Separate from `npm test`: it takes about a minute.
export default defineConfig({
  test: {
    include: ["tests/reliability/**/*.reliability.ts"],
    environment: "node",
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 30_000,
    teardownTimeout: 10_000,
  },
});
