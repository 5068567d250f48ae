import { ApplicationCommandOptionType } from "discord-api-types/v10";
import { describe, expect, it } from "vitest";
import { flattenCommands, isGroup } from "../../src/commands/define.ts";
import { buildHelpReply } from "../../src/commands/help.ts";
import { COMMANDS } from "../../src/commands/table.ts";
import { parseCommandLine } from "../../src/console/parse.ts";
import { SLASH_COMMANDS } from "../../src/discord/slash.ts";

const all = flattenCommands(COMMANDS);

describe("the command table", () => {
  it("keeps Discord's rules for names and descriptions", () => {
    for (const { path, spec } of all) {
      expect(spec.name, path).toMatch(/^[a-z0-9-]{1,32}$/);
      expect(spec.description.length, path).toBeLessThanOrEqual(100);
      for (const option of Object.values(spec.options))
        expect(option.description.length).toBeLessThanOrEqual(100);
    }
  });

  it("is what Discord registers: same names, descriptions and options, plus private and for as declared", () => {
    expect(SLASH_COMMANDS.map((c) => c.data.name)).toEqual(COMMANDS.map((c) => c.name));
    for (const [i, entry] of COMMANDS.entries()) {
      const data = SLASH_COMMANDS[i]?.data;
      expect(data?.description).toBe(entry.description);
      const specs = isGroup(entry) ? entry.subcommands : [entry];
      const bodies = isGroup(entry)
        ? (data?.options ?? []).map((o) => ("options" in o ? (o.options ?? []) : []))
        : [data?.options ?? []];
      specs.forEach((spec, j) => {
        const names = (bodies[j] ?? []).map((o) => o.name);
        const sharing = { none: [], private: ["private"], "private-and-for": ["private", "for"] }[
          spec.sharing
        ];
        expect(names, spec.name).toEqual([...Object.keys(spec.options), ...sharing]);
        for (const option of bodies[j] ?? []) {
          const declared = spec.options[option.name];
          if (!declared) continue;
          expect(option.description).toBe(declared.description);
          expect(option.type).toBe(
            declared.type === "string"
              ? ApplicationCommandOptionType.String
              : ApplicationCommandOptionType.Integer,
          );
        }
      });
    }
  });

  it("is what /help lists, with the same descriptions (help and Discord cannot drift)", () => {
    const help = buildHelpReply(COMMANDS);
    expect(help.fields.map((f) => [f.name, f.value, f.example])).toEqual(
      all.map(({ path, spec }) => [`/${path}`, spec.description, spec.example]),
    );
  });

  it("has examples the console reads as the command they illustrate", () => {
    for (const { spec } of all) {
      const parsed = parseCommandLine(COMMANDS, spec.example);
      expect(parsed.ok && parsed.spec, spec.example).toBe(spec);
    }
  });

  it.each([
    ["/quiz chips", "question", { sector: "chips" }],
    ["/quiz 5", "question", { lesson: 5 }],
    ["/quiz question sector:robots lesson:2", "question", { sector: "robots", lesson: 2 }],
    ["/quiz scores", "scores", {}],
    ["/learn 3", "learn", { lesson: 3 }],
    ["/sector", "sector", { name: "" }],
  ])("the console reads %j as %s %j", (line, name, args) => {
    const parsed = parseCommandLine(COMMANDS, line);
    expect(parsed).toMatchObject({ ok: true, spec: { name }, args });
  });
});
