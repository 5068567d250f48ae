import { createInterface } from "node:readline";
import type { AnswerContext } from "../answer/context.ts";
import { ChartWriteError, writeChart } from "./cli.ts";
import { ConsoleSession, consoleBanner } from "./session.ts";

/**
 * The interactive console: readline with history, the bot's commands, the bot's answers as text. Resolves
 * when the user quits or closes the input.
 */
export function runConsole(
  context: AnswerContext,
  {
    opened = "asked",
    input = process.stdin,
    output = process.stdout,
  }: {
    opened?: "no-token" | "asked";
    input?: NodeJS.ReadableStream;
    output?: NodeJS.WritableStream;
  } = {},
): Promise<void> {
  const session = new ConsoleSession(context);
  const rl = createInterface({
    input,
    output,
    prompt: "mic2025> ",
    historySize: 200,
    terminal: (input as { isTTY?: boolean }).isTTY === true,
  });
  output.write(`${consoleBanner(opened)}\n\n`);
  rl.prompt();
  return new Promise((resolve) => {
    // Lines are answered one after another, in order, even when an answer waits for the scoreboard.
    let queue = Promise.resolve();
    let quit = false;
    rl.on("line", (line) => {
      queue = queue.then(async () => {
        if (quit) return;
        try {
          const result = await session.handleLine(line);
          if (result.text) output.write(`${result.text}\n`);
          if (result.chartFile)
            output.write(
              `${result.reply ? writeChart(context.search.kb, result.reply, result.chartFile, "en") : "Nothing to draw."}\n`,
            );
          if (result.quit) {
            quit = true;
            rl.close();
            return;
          }
        } catch (error) {
          // One line (a chart that cannot be written says where and why); the next lines are answered.
          output.write(
            `${error instanceof ChartWriteError ? error.message : `Something went wrong: ${(error as Error).message}`}\n`,
          );
        }
        rl.prompt();
      });
    });
    // Piped input may close before its last lines are answered: finish them first.
    rl.on("close", () => {
      queue.then(() => resolve());
    });
  });
}
