import { describe, expect, it } from "vitest";
import { flattenCommands, isGroup } from "../../src/commands/define.ts";
import { COMMAND_LOCALIZATIONS } from "../../src/commands/localizations.ts";
import { MESSAGE_COMMANDS } from "../../src/commands/message.ts";
import { COMMANDS } from "../../src/commands/table.ts";

/** Discord's rule for chat-input command and option names in every locale. */
const NAME = /^[-_\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u;

/** Every path Discord shows a name for: commands, subcommands, their options and the sharing options. */
const paths = [
  ...COMMANDS.map((c) => c.name),
  ...COMMANDS.flatMap((c) => (isGroup(c) ? c.subcommands.map((s) => `${c.name} ${s.name}`) : [])),
  ...flattenCommands(COMMANDS).flatMap(({ path, spec }) =>
    Object.keys(spec.options).map((o) => `${path} ${o}`),
  ),
  "private",
  "for",
];

describe("command localizations (zh-CN, zh-TW)", () => {
  it.each(Object.entries(COMMAND_LOCALIZATIONS))(
    "%s names and describes every command and option",
    (_lang, table) => {
      for (const path of paths) {
        const entry = table[path];
        expect(entry, path).toBeDefined();
        expect(entry?.name, path).toMatch(NAME);
        expect(entry?.name, path).toBe(entry?.name.toLowerCase());
        expect(entry?.description.length, path).toBeGreaterThan(0);
        expect(entry?.description.length, path).toBeLessThanOrEqual(100);
      }
      for (const command of MESSAGE_COMMANDS) {
        const name = table[command.name]?.name ?? "";
        expect(name.length, command.name).toBeGreaterThan(0);
        expect(name.length, command.name).toBeLessThanOrEqual(32);
      }
      expect(Object.keys(table).sort()).toEqual([...paths, ...MESSAGE_COMMANDS.map((c) => c.name)].sort());
    },
  );

  it.each(Object.entries(COMMAND_LOCALIZATIONS))("%s gives commands distinct names", (_lang, table) => {
    const top = COMMANDS.map((c) => table[c.name]?.name);
    expect(new Set(top).size).toBe(top.length);
  });
});
