import { askCommand } from "./ask.ts";
import {
  helpCommand,
  overviewCommand,
  sectorsCommand,
  sourcesCommand,
  timelineCommand,
} from "./catalogue.ts";
import type { BotCommand } from "./command.ts";
import { learnCommand } from "./learn.ts";
import { quizCommand } from "./quiz.ts";
import { sectorCommand } from "./sector.ts";

/** The one registry: the dispatcher routes by it and `deploy-commands` registers exactly it. */
export const COMMANDS: readonly BotCommand[] = [
  sectorCommand,
  askCommand,
  sectorsCommand,
  overviewCommand,
  timelineCommand,
  sourcesCommand,
  learnCommand,
  quizCommand,
  helpCommand,
];

/** The registry keyed by command name. */
export function commandsByName(commands: readonly BotCommand[] = COMMANDS): Map<string, BotCommand> {
  return new Map(commands.map((c) => [c.data.name, c]));
}
