/** Writes a fatal error as one JSON line on stderr, in the logger's shape, so a log shipper sees it. */
export function logFatal(event: string, error: unknown): void {
  const detail =
    error instanceof Error ? { name: error.name, message: error.message, stack: error.stack } : String(error);
  process.stderr.write(
    `${JSON.stringify({ time: new Date().toISOString(), level: "error", event, error: detail })}\n`,
  );
}

/**
 * An exception nobody caught leaves the process in a state not worth serving from: log it and exit 1, so
 * a supervisor restarts it. (A rejected promise in the bot is logged and survived, see process/bot.ts.)
 */
export function installFatalHandlers(): void {
  process.on("uncaughtException", (error) => {
    logFatal("uncaught_exception", error);
    process.exit(1);
  });
}
