import { createInterface } from "node:readline";
import { runMain } from "./process/main.ts";

// The one entry of every npm script (see `npm run cli -- --help`). Only this file touches process.argv,
// the standard streams and the exit code.
process.on("uncaughtException", (error) => {
  // Whatever state the process is in, it is not one to keep serving from: log, exit, let a supervisor restart.
  process.stderr.write(
    `${JSON.stringify({ time: new Date().toISOString(), level: "error", event: "uncaught_exception", error: { name: error.name, message: error.message, stack: error.stack } })}\n`,
  );
  process.exit(1);
});

// A reader that stops early (`| head`) closes the pipe: that ends the output, it is not a crash.
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code === "EPIPE") process.exit(0);
  throw error;
});

process.exitCode = await runMain(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  stdinIsTTY: process.stdin.isTTY === true,
  ...(process.stdin.isTTY
    ? {}
    : { stdinLines: () => createInterface({ input: process.stdin, crlfDelay: Number.POSITIVE_INFINITY }) }),
});
