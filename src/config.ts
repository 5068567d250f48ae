import dotenv from "dotenv";
import { z } from "zod";

/** Log levels, quietest last. */
export const LOG_LEVELS = ["debug", "info", "warn", "error"] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

const DISCORD_API = "https://discord.com/api";

// An empty line in .env ("DISCORD_GUILD_ID=") means "not set", not "set to nothing".
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess(
    (value) => (typeof value === "string" && value.trim() === "" ? undefined : value),
    schema.optional(),
  );

const snowflake = (name: string, where: string) =>
  z
    .string()
    .trim()
    .regex(/^\d{17,20}$/, `${name} must be the numeric id (17 to 20 digits) from ${where}`);

const EnvSchema = z.object({
  DISCORD_TOKEN: optional(
    z
      .string()
      .trim()
      .regex(
        /^[\w-]{20,}\.[\w-]{4,}\.[\w-]{20,}$/,
        "DISCORD_TOKEN does not look like a bot token: copy it again from the Developer Portal (Bot › Reset Token)",
      ),
  ),
  DISCORD_CLIENT_ID: optional(
    snowflake("DISCORD_CLIENT_ID", "the Developer Portal (General Information › Application ID)"),
  ),
  DISCORD_GUILD_ID: optional(
    snowflake("DISCORD_GUILD_ID", "Discord (Developer Mode on, right-click your server › Copy Server ID)"),
  ),
  DISCORD_API_URL: optional(
    z
      .url({
        protocol: /^https?$/,
        error: "DISCORD_API_URL must be an http(s) URL such as https://discord.com/api",
      })
      .transform((url) => url.replace(/\/+$/, "")),
  ),
  LOG_LEVEL: optional(z.enum(LOG_LEVELS, { error: `LOG_LEVEL must be one of ${LOG_LEVELS.join(", ")}` })),
  DATA_DIR: optional(z.string().trim().min(1)),
  DATABASE_URL: optional(
    z
      .string()
      .trim()
      .regex(
        /^postgres(ql)?:\/\/\S+$/,
        "DATABASE_URL must be a PostgreSQL URL such as postgres://user:password@host:5432/db",
      ),
  ),
  DATABASE_POOL_SIZE: optional(
    z.coerce
      .number({ error: "DATABASE_POOL_SIZE must be a whole number from 1 to 100" })
      .int("DATABASE_POOL_SIZE must be a whole number from 1 to 100")
      .min(1, "DATABASE_POOL_SIZE must be a whole number from 1 to 100")
      .max(100, "DATABASE_POOL_SIZE must be a whole number from 1 to 100"),
  ),
  INTERACTIONS_MODE: optional(
    z.enum(["gateway", "http"], { error: "INTERACTIONS_MODE must be gateway or http" }),
  ),
  PORT: optional(
    z.coerce
      .number({ error: "PORT must be a port number from 1 to 65535" })
      .int("PORT must be a port number from 1 to 65535")
      .min(1, "PORT must be a port number from 1 to 65535")
      .max(65535, "PORT must be a port number from 1 to 65535"),
  ),
  HOST: optional(z.string().trim().min(1)),
  DISCORD_PUBLIC_KEY: optional(
    z
      .string()
      .trim()
      .regex(
        /^[0-9a-fA-F]{64}$/,
        "DISCORD_PUBLIC_KEY must be the 64 hex characters from the Developer Portal (General Information › Public Key)",
      ),
  ),
});

/** The bot's settings. The token is kept out of `toString`/JSON so it cannot end up in a log by accident. */
export interface Config {
  /** "console" when no token is set: `npm start` then opens the console instead of logging in. */
  mode: "bot" | "console";
  discord: {
    readonly token: string | undefined;
    clientId: string | undefined;
    guildId: string | undefined;
    apiUrl: string;
  };
  logLevel: LogLevel;
  dataDir: string;
  /** PostgreSQL for the scoreboard when set (several replicas); otherwise SQLite in `dataDir`. */
  database: { url: string; poolSize: number } | null;
  /** How interactions arrive: the gateway client (default), or signed HTTP requests from Discord. */
  interactions: { mode: "gateway" | "http"; host: string; port: number; publicKey: string | undefined };
}

export type ConfigResult = { ok: true; config: Config } | { ok: false; error: string };

/**
 * Parses the environment once. The only reader of `process.env` is the caller's default argument; the
 * result is either a config or one line naming the variable at fault and what to do.
 */
export function parseConfig(env: Record<string, string | undefined> = process.env): ConfigResult {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const variable = String(issue?.path[0] ?? "configuration");
    const message = issue?.message ?? "invalid";
    // Never echo the offending value: for the token that would print a secret.
    return { ok: false, error: message.includes(variable) ? message : `${variable}: ${message}` };
  }
  const values = parsed.data;
  const token = values.DISCORD_TOKEN;
  const discord = {
    clientId: values.DISCORD_CLIENT_ID,
    guildId: values.DISCORD_GUILD_ID,
    apiUrl: values.DISCORD_API_URL ?? DISCORD_API,
  } as Config["discord"];
  Object.defineProperty(discord, "token", { value: token, enumerable: false });
  return {
    ok: true,
    config: {
      mode: token ? "bot" : "console",
      discord,
      logLevel: values.LOG_LEVEL ?? "info",
      dataDir: values.DATA_DIR ?? "./data",
      database: values.DATABASE_URL
        ? { url: values.DATABASE_URL, poolSize: values.DATABASE_POOL_SIZE ?? 10 }
        : null,
      interactions: {
        mode: values.INTERACTIONS_MODE ?? "gateway",
        host: values.HOST ?? "0.0.0.0",
        port: values.PORT ?? 8080,
        publicKey: values.DISCORD_PUBLIC_KEY?.toLowerCase(),
      },
    },
  };
}

/** For `deploy-commands`: the token and application id are both needed. */
export function requireDeployConfig(config: Config): { ok: true } | { ok: false; error: string } {
  if (!config.discord.token) {
    return {
      ok: false,
      error: "DISCORD_TOKEN is not set: copy the bot token from the Developer Portal into .env",
    };
  }
  if (!config.discord.clientId) {
    return {
      ok: false,
      error: "DISCORD_CLIENT_ID is not set: copy the Application ID from the Developer Portal into .env",
    };
  }
  return { ok: true };
}

/**
 * Reads `.env` (if there is one) under the real environment, which wins, then parses. dotenv writes into a
 * private object, so nothing else needs to read `process.env`.
 */
export function loadConfig(envFile = ".env"): ConfigResult {
  const fromFile: Record<string, string> = {};
  dotenv.config({ path: envFile, quiet: true, processEnv: fromFile });
  return parseConfig({ ...fromFile, ...process.env });
}
