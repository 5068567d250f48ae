import { createHash } from "node:crypto";
import type { Config } from "../config.ts";
import type { Logger } from "../logger.ts";
import type { Search } from "../search/index.ts";
import { Failure } from "./kit.ts";
import { resilientScoreboard } from "./load.ts";

/** A short fingerprint of the knowledge base, so a health check shows which data a replica serves. */
export function knowledgeVersion(search: Search): string {
  const { sources, sectors, facts, lessons, questions } = search.kb;
  return createHash("sha256")
    .update(JSON.stringify({ sources, sectors, facts, lessons, questions }))
    .digest("hex")
    .slice(0, 12);
}

/**
 * `INTERACTIONS_MODE=http`: serves Discord's interactions endpoint on PORT until SIGINT or SIGTERM (then
 * finishes open requests and the deferred answers still due to the webhook, closes the scoreboard and
 * exits 0). No gateway, no bot token.
 */
export async function runHttp(config: Config, search: Search, logger: Logger): Promise<number> {
  const { publicKey: hex, host, port } = config.interactions;
  if (!hex)
    throw new Failure(
      "DISCORD_PUBLIC_KEY is not set: INTERACTIONS_MODE=http needs the application's public key (Developer Portal › General Information › Public Key).",
    );
  // A scoreboard that cannot be opened is logged and retried; only the quiz degrades (healthz: reachable false).
  const scoreboard = await resilientScoreboard(config, logger);
  const [
    { createInteractionsServer },
    { publicKeyFromHex },
    { createRawInteractionHandler },
    { createCustomIdCodec },
  ] = await Promise.all([
    import("../http/server.ts"),
    import("../http/verify.ts"),
    import("../discord/raw.ts"),
    import("../discord/custom-id.ts"),
  ]);
  const answer = createRawInteractionHandler({
    context: { search, scoreboard, random: Math.random },
    codec: createCustomIdCodec(search.kb),
    logger,
    apiUrl: config.discord.apiUrl,
  });
  const version = knowledgeVersion(search);
  const server = createInteractionsServer({
    publicKey: publicKeyFromHex(hex),
    handle: (interaction) => answer(interaction as never),
    health: async () => ({
      mode: "http",
      knowledgeBase: version,
      scoreboard: { kind: scoreboard.kind, reachable: await scoreboard.ping() },
    }),
    logger,
  });
  process.on("unhandledRejection", (error) => logger.error("unhandled_rejection", { error }));
  await new Promise<void>((resolve, reject) => {
    server.once("error", (error) =>
      reject(new Failure(`Cannot listen on ${host}:${port}: ${error.message}`)),
    );
    server.listen(port, host, () => resolve());
  });
  logger.info("listening", { mode: "http", host, port, knowledgeBase: version, scoreboard: scoreboard.kind });
  return new Promise<number>(() => {
    const shutdown = (signal: string) => {
      logger.info("shutting_down", { signal });
      server.close(() => {
        // A deferred answer is still being made (it may need the scoreboard) and sent after its request.
        answer
          .idle()
          .then(() => scoreboard.close())
          .finally(() => process.exit(0));
      });
      server.closeIdleConnections();
      // Requests in flight and deferred answers get a few seconds; then the process goes anyway.
      setTimeout(() => process.exit(0), 5000).unref();
    };
    process.once("SIGINT", () => shutdown("SIGINT"));
    process.once("SIGTERM", () => shutdown("SIGTERM"));
  });
}
