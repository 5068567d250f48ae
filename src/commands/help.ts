import type { Reply, ReplyField } from "../answer/reply.ts";
import { EN, type Translate } from "../i18n/index.ts";
import { MATCH_STATS } from "../search/index.ts";
import { type CommandEntry, flattenCommands } from "./define.ts";
import { COMMAND_LOCALIZATIONS } from "./localizations.ts";

/** `/help`: every command of the table with its description and an example, so help cannot drift. */
export function buildHelpReply(
  commands: readonly CommandEntry[],
  extra: readonly ReplyField[] = [],
  t: Translate = EN,
): Reply {
  const local = t.lang === "en" ? undefined : COMMAND_LOCALIZATIONS[t.lang];
  return {
    title: t("help.title"),
    summary: [
      t("help.intro"),
      { command: "private:true" },
      t("help.private"),
      { command: "for:@member" },
      t("help.for"),
      t("help.match", MATCH_STATS),
    ],
    fields: [
      ...flattenCommands(commands).map(({ path, spec }) => ({
        name: `/${path}`,
        value: local?.[path]?.description ?? spec.description,
        example: spec.example,
      })),
      ...extra.map((field) => ({ ...field, value: local?.[field.name]?.description ?? field.value })),
    ],
    facts: [],
    citations: [],
    actions: [],
    audience: "asker",
  };
}
