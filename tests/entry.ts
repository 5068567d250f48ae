import { type ChildProcessWithoutNullStreams, spawn } from "node:child_process";

/**
 * The real entry file (`src/main.ts command`) in its own process, as `npm start` runs it, configured only by
 * `env`; stdout and stderr are gathered into one `output()`.
 */
export function startEntry(
  env: Record<string, string>,
  command = "start",
): {
  child: ChildProcessWithoutNullStreams;
  output: () => string;
  exited: Promise<number | null>;
} {
  const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts", command], {
    cwd: process.cwd(),
    // Only PATH from the parent: no token of the developer's shell leaks in.
    env: { PATH: process.env.PATH ?? "", ...env },
  });
  let output = "";
  child.stdout.on("data", (d) => {
    output += d;
  });
  child.stderr.on("data", (d) => {
    output += d;
  });
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return { child, output: () => output, exited };
}
