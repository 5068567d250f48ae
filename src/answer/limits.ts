/**
 * Moved to `src/discord/limits.ts`: Discord's limits belong to the Discord adapter. This re-export only
 * keeps `src/search/sector-resolver.ts` compiling until the search rewrite (which formats autocomplete in
 * the adapter instead) is merged; then delete this file and its entry in tests/architecture.test.ts.
 */
export { DISCORD_LIMITS, truncate } from "../discord/limits.ts";
