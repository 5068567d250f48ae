import { createInterface } from "node:readline";
import { installFatalHandlers, logFatal } from "./process/fatal.ts";
import { runMain } from "./process/main.ts";

// The one entry of every npm script (see `npm run cli -- --help`). Only this file touches process.argv,
// the standard streams and the exit code.
installFatalHandlers();

// A reader that stops early (`| head`) closes the pipe: that ends the output, it is not a crash.
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code === "EPIPE") process.exit(0);
  throw error;
});

try {
  process.exitCode = await runMain(process.argv.slice(2), {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    stdinIsTTY: process.stdin.isTTY === true,
    ...(process.stdin.isTTY
      ? {}
      : { stdinLines: () => createInterface({ input: process.stdin, crlfDelay: Number.POSITIVE_INFINITY }) }),
  });
} catch (error) {
  // Not a usage error, not a failure the user can fix: a bug. Log it in one line and exit 1.
  logFatal("fatal_error", error);
  process.exit(1);
}
