import type { Config } from "../config.ts";
import type { Logger } from "../logger.ts";
import type { Search } from "../search/index.ts";
import type { ResilientScoreboard } from "../storage/resilient.ts";
import type { ScoreStore } from "../storage/store.ts";
import { Failure } from "./kit.ts";

/*
 * Start-up steps every mode shares, each turning a problem into one line (a `Failure`) instead of a stack
 * trace. Modules load when a step runs, so a mode pays only for what it uses.
 */

/** The parsed environment, or one line naming the variable at fault. */
export async function configOrFail(): Promise<Config> {
  const { loadConfig } = await import("../config.ts");
  const loaded = loadConfig();
  if (!loaded.ok)
    throw new Failure(
      `Configuration problem: ${loaded.error}. Fix it in .env (see .env.example) and start again.`,
    );
  return loaded.config;
}

/** The knowledge base, indexed for search, or one line with the first problem (file › record › field). */
export async function searchOrFail(knowledgeDir?: string): Promise<Search> {
  const [{ loadKnowledge, formatProblem }, { createSearch }] = await Promise.all([
    import("../knowledge/load.ts"),
    import("../search/index.ts"),
  ]);
  const loaded = loadKnowledge(knowledgeDir);
  if (!loaded.ok) {
    const [first] = loaded.problems;
    const more = loaded.problems.length - 1;
    throw new Failure(
      `Knowledge problem: ${first ? formatProblem(first) : "unknown"}${more ? ` (and ${more} more)` : ""}. Run npm run kb:check for the full list.`,
    );
  }
  return createSearch(loaded.kb);
}

/** Opens the SQLite scoreboard (`:memory:` for the console), or one line saying what to set. */
export async function scoreboardOrFail(file: string): Promise<ScoreStore> {
  const { openScoreboard } = await import("../storage/scoreboard.ts");
  try {
    return openScoreboard(file);
  } catch (error) {
    throw new Failure(
      `Cannot open the quiz scoreboard at ${file}: ${(error as Error).message}. Set DATA_DIR in .env to a writable folder.`,
    );
  }
}

/** Where the bot keeps its scoreboard. */
export async function scoreFileOf(config: Config): Promise<string> {
  const { join } = await import("node:path");
  return join(config.dataDir, "scoreboard.sqlite");
}

/** Opens a PostgreSQL scoreboard, migrated, or one line saying what to check (the password never shows). */
export async function postgresOrFail(url: string, poolSize?: number): Promise<ScoreStore> {
  const { openPostgresScoreboard } = await import("../storage/postgres.ts");
  try {
    return await openPostgresScoreboard(url, poolSize ? { poolSize } : {});
  } catch (error) {
    throw new Failure(
      `Cannot open the quiz scoreboard on PostgreSQL at ${redactUrl(url)}: ${(error as Error).message}. Check DATABASE_URL and that the server runs.`,
    );
  }
}

/** The configured scoreboard: PostgreSQL with DATABASE_URL, otherwise SQLite in DATA_DIR. */
export async function configuredScoreboardOrFail(config: Config): Promise<ScoreStore> {
  return config.database
    ? postgresOrFail(config.database.url, config.database.poolSize)
    : scoreboardOrFail(await scoreFileOf(config));
}

/** Query parameters libpq and pg read a password from. */
const PASSWORD_PARAMS = ["password", "sslpassword"];

/**
 * A scoreboard location for messages and logs: `sqlite:PATH` as it is; a URL with its password (and any
 * `password`/`sslpassword` query parameter) as `***`; anything else, which might hold a password in a
 * form not recognised here, as `<url>`.
 */
export function redactUrl(url: string): string {
  if (url.startsWith("sqlite:")) return url;
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(url) || !URL.canParse(url)) return "<url>";
  const parsed = new URL(url);
  if (parsed.password) parsed.password = "***";
  for (const name of PASSWORD_PARAMS) if (parsed.searchParams.has(name)) parsed.searchParams.set(name, "***");
  return parsed.href;
}

/**
 * The configured scoreboard behind the fault wrapper, for the long-running modes (gateway, HTTP): a store
 * that cannot be opened (SQLite or PostgreSQL) is logged once with what to do, only the quiz degrades, and
 * the wrapper reopens it by itself. The first attempt has settled when this returns.
 */
export async function resilientScoreboard(config: Config, logger: Logger): Promise<ResilientScoreboard> {
  const { createResilientScoreboard } = await import("../storage/resilient.ts");
  const database = config.database;
  const scoreboard = database
    ? createResilientScoreboard(
        async () => {
          const { openPostgresScoreboard } = await import("../storage/postgres.ts");
          return openPostgresScoreboard(
            database.url,
            database.poolSize ? { poolSize: database.poolSize } : {},
          );
        },
        { logger, backend: "postgres" },
      )
    : await (async () => {
        const [file, { openScoreboard }] = await Promise.all([
          scoreFileOf(config),
          import("../storage/scoreboard.ts"),
        ]);
        return createResilientScoreboard(() => openScoreboard(file), { logger, backend: "sqlite" });
      })();
  await scoreboard.ready();
  return scoreboard;
}
