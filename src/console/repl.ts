import { createInterface } from "node:readline";
import type { Search } from "../search/index.ts";
import { CONSOLE_BANNER, ConsoleSession } from "./session.ts";

/**
 * The interactive console (`npm start` without a token): readline with history, the bot's commands, the
 * bot's answers as text. Resolves when the user quits or closes the input.
 */
export function runConsole(
  search: Search,
  input: NodeJS.ReadableStream = process.stdin,
  output: NodeJS.WritableStream = process.stdout,
): Promise<void> {
  const session = new ConsoleSession(search);
  const rl = createInterface({
    input,
    output,
    prompt: "mic2025> ",
    historySize: 200,
    terminal: (input as { isTTY?: boolean }).isTTY === true,
  });
  output.write(`${CONSOLE_BANNER}\n\n`);
  rl.prompt();
  return new Promise((resolve) => {
    rl.on("line", (line) => {
      const result = session.handleLine(line);
      if (result.text) output.write(`${result.text}\n`);
      if (result.quit) rl.close();
      else rl.prompt();
    });
    rl.on("close", () => resolve());
  });
}
