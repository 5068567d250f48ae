import type { Reply, ReplyField } from "../answer/reply.ts";
import { MATCH_MEANING } from "../search/index.ts";
import { type CommandEntry, flattenCommands } from "./define.ts";

/** `/help`: every command of the table with its description and an example, so help cannot drift. */
export function buildHelpReply(commands: readonly CommandEntry[], extra: readonly ReplyField[] = []): Reply {
  return {
    title: "mic2025-bot: Made in China 2025, sourced",
    summary: [
      "Answers come from a curated fact base: every fact cites its source and says how sure it is (H or M). ",
      { command: "private:true" },
      " shows an answer only to you; ",
      { command: "for:@member" },
      " addresses it to someone. ",
      MATCH_MEANING,
    ],
    fields: [
      ...flattenCommands(commands).map(({ path, spec }) => ({
        name: `/${path}`,
        value: spec.description,
        example: spec.example,
      })),
      ...extra,
    ],
    facts: [],
    citations: [],
    actions: [],
    audience: "asker",
  };
}
