/**
 * End to end: the production bot (createBot over the real config, search, logger and discord.js client) logs
 * in to the Discord double on 127.0.0.1 and answers interactions. Assertions are on what users would see:
 * the callback type, flags, embed, buttons and allowed mentions the double recorded.
 */
import type { APIApplicationCommandInteractionDataOption } from "discord-api-types/v10";
import { ApplicationCommandOptionType } from "discord-api-types/v10";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Bot } from "../../src/discord/bot.ts";
import { type SlashCommand as BotCommand, SLASH_COMMANDS as COMMANDS } from "../../src/discord/slash.ts";
import { loadKnowledgeOrThrow } from "../../src/knowledge/load.ts";
import { createLogger } from "../../src/logger.ts";
import { createSearch } from "../../src/search/index.ts";
import {
  type DiscordDouble,
  type InteractionExtras,
  type RecordedCallback,
  resolvedUsers,
  startDiscordDouble,
  user,
} from "./double.ts";
import { startBotOnDouble } from "./harness.ts";
import {
  bool,
  buttonsOf,
  EPHEMERAL,
  embedOf,
  isEphemeral,
  type Sent,
  sent,
  str,
  TEST_TOKEN,
  userOption,
} from "./wire.ts";

interface LogLine {
  level: string;
  event: string;
  kind?: string;
  command?: string;
  outcome?: string;
  query?: string;
  [key: string]: unknown;
}

/** The custom id of the button labelled `label` (a label prefix, e.g. "More" for "More (6)"). */
const buttonId = (callback: RecordedCallback, label: string): string => {
  const button = buttonsOf(callback).find((b) => b.label?.startsWith(label));
  expect(button, `a button labelled ${label}`).toBeDefined();
  return button?.custom_id ?? "";
};

type Option = APIApplicationCommandInteractionDataOption;

/** A command whose handler (and autocomplete) throws: the bot must still answer, privately. */
const boomCommand: BotCommand = {
  data: { name: "boom", description: "x" },
  execute() {
    throw new Error("boom");
  },
  autocomplete() {
    throw new Error("boom in autocomplete");
  },
};

/** A command that answers, then throws: the error notice must come as a follow-up, not a second reply. */
const lateBoomCommand: BotCommand = {
  data: { name: "lateboom", description: "x" },
  async execute(_context, interaction) {
    await interaction.reply({ content: "first answer", allowedMentions: { parse: [] } });
    throw new Error("late boom");
  },
};

describe("the bot end to end, through the Discord double", () => {
  let double: DiscordDouble;
  let bot: Bot;
  const logLines: string[] = [];
  const logs = (): LogLine[] => logLines.map((line) => JSON.parse(line) as LogLine);

  /** Resolves with the first log line (from index `from` on) matching `predicate`. */
  async function waitForLog(predicate: (line: LogLine) => boolean, from = 0, ms = 2000): Promise<LogLine> {
    const deadline = Date.now() + ms;
    for (;;) {
      const found = logs().slice(from).find(predicate);
      if (found) return found;
      if (Date.now() > deadline)
        throw new Error(`no log line matched within ${ms} ms:\n${logLines.join("")}`);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  }

  /** Dispatches a command and waits for its callback and its one `interaction` log line. */
  async function run(name: string, options: Option[] = [], extras: InteractionExtras = {}) {
    const from = logLines.length;
    const callback = await double.dispatch(double.chatInput(name, options, extras));
    const log = await waitForLog((l) => l.event === "interaction" && l.command === name, from);
    return { callback, log };
  }

  async function click(customId: string, extras: InteractionExtras = {}) {
    const from = logLines.length;
    const callback = await double.dispatch(double.button(customId, extras));
    const log = await waitForLog((l) => l.event === "interaction" && l.command === customId, from);
    return { callback, log };
  }

  beforeAll(async () => {
    double = await startDiscordDouble();
    bot = await startBotOnDouble(double, {
      search: createSearch(loadKnowledgeOrThrow()),
      logger: createLogger("info", (line) => logLines.push(line)),
      commands: [...COMMANDS, boomCommand, lateBoomCommand],
    });
  });

  afterAll(async () => {
    await bot?.stop();
    await double?.close();
  });

  describe("login", () => {
    it("identifies, gets READY and logs that it is ready", async () => {
      await double.waitForReady(100);
      expect(bot.client.isReady()).toBe(true);
      expect(bot.client.user?.id).toBe(double.applicationId);
      expect(bot.client.guilds.cache.has(double.guildId)).toBe(true);
      expect(double.requests.some((r) => r.method === "GET" && r.path === "/api/v10/gateway/bot")).toBe(true);
      expect(logs().find((l) => l.event === "ready")).toMatchObject({
        level: "info",
        commands: COMMANDS.length + 2,
        guilds: 1,
      });
    });
  });

  describe("/sector", () => {
    it.each(["semiconductors", "semiconducters", "芯片"])(
      "shows the Semiconductors card for %j",
      async (name) => {
        const { callback, log } = await run("sector", [str("name", name)]);
        expect(callback.type).toBe(4);
        expect(isEphemeral(callback)).toBe(false);
        const embed = embedOf(callback);
        expect(embed.title).toContain("Semiconductors");
        expect(embed.description).toMatch(/\*\*1\.\*\* /);
        expect(embed.fields?.map((f) => f.name)).toEqual(
          expect.arrayContaining(["Official key sector", "Sources"]),
        );
        const labels = buttonsOf(callback).map((b) => b.label);
        expect(labels).toEqual(expect.arrayContaining(["More facts", "Sources", "Telecommunications"]));
        expect(buttonId(callback, "More facts")).toBe("v1:sf:semiconductors:1");
        expect(buttonId(callback, "Sources")).toBe("v1:ss:semiconductors");
        expect(buttonId(callback, "Telecommunications")).toMatch(/^v1:s:[a-z-]+$/);
        expect(sent(callback).allowed_mentions).toEqual({ parse: [] });
        expect(log).toMatchObject({ kind: "command", outcome: "answered" });
      },
    );

    it("answers an unknown name privately and logs the miss with the query", async () => {
      const { callback, log } = await run("sector", [str("name", "bananas")]);
      expect(callback.type).toBe(4);
      expect(isEphemeral(callback)).toBe(true);
      const embed = embedOf(callback);
      expect(embed.title).toBe("bananas");
      expect(embed.description).toMatch(/No sector matches that name/);
      expect(log).toMatchObject({
        kind: "command",
        command: "sector",
        outcome: "no-match",
        query: "bananas",
      });
    });
  });

  describe("autocomplete for /sector", () => {
    it.each([
      ["sem", 1],
      ["", 17],
    ])("answers %j with type 8 and choices within Discord's limits", async (value, count) => {
      const payload = double.autocomplete("sector", [str("name", value, true)]);
      const callback = await double.dispatch(payload);
      expect(callback.type).toBe(8);
      const choices = sent(callback).choices ?? [];
      expect(choices.length).toBeGreaterThanOrEqual(count);
      if (value === "") expect(choices).toHaveLength(17);
      else expect(choices[0]?.value).toBe("semiconductors");
      expect(choices.length).toBeLessThanOrEqual(25);
      for (const choice of choices) {
        expect(choice.name.length).toBeGreaterThan(0);
        expect(choice.name.length).toBeLessThanOrEqual(100);
        expect(choice.value.length).toBeLessThanOrEqual(100);
      }
    });
  });

  describe("/ask", () => {
    it("answers a question in the channel, with the facts and a More button", async () => {
      const question = "Where does China still depend on foreign technology?";
      const { callback, log } = await run("ask", [str("question", question)]);
      expect(callback.type).toBe(4);
      expect(isEphemeral(callback)).toBe(false);
      const embed = embedOf(callback);
      expect(embed.title).toBe(question);
      expect(embed.description).toMatch(/^\*\*1\.\*\* /);
      expect(embed.description).toMatch(/\*\*3\.\*\* /);
      expect(embed.fields?.[0]?.name).toBe("Sources");
      expect(buttonId(callback, "More")).toMatch(/^v1:f:[0-9a-z]{7}(\.[0-9a-z]{7})*$/);
      expect(sent(callback).allowed_mentions).toEqual({ parse: [] });
      expect(log).toMatchObject({ outcome: "answered" });
    });

    it("answers a miss privately and logs it with the question", async () => {
      const question = "What is the best dumpling recipe?";
      const { callback, log } = await run("ask", [str("question", question)]);
      expect(callback.type).toBe(4);
      expect(isEphemeral(callback)).toBe(true);
      expect(embedOf(callback).title).toBe(question);
      expect(log).toMatchObject({ command: "ask", outcome: "no-match", query: question });
    });

    it("neutralises mentions and markdown the user typed", async () => {
      const question = "@everyone <@123456789012345678> **bold** [x](https://evil.example) # h";
      const { callback } = await run("ask", [str("question", question)]);
      expect(callback.type).toBe(4);
      expect(sent(callback).allowed_mentions).toEqual({ parse: [] });
      expect(sent(callback).content).toBeUndefined();
      const title = embedOf(callback).title ?? "";
      expect(title).not.toContain("@everyone");
      expect(title).not.toContain("<@123456789012345678>");
      expect(title).not.toContain("**bold**");
      // Escaped as `\\[x](…)`, which Discord shows as text: no `[` may stay unescaped.
      expect(title).not.toMatch(/(^|[^\\])\[x\]\(/);
      expect(title).toContain("everyone");
      expect(title).toContain("evil.example");
    });
  });

  describe("the shared options", () => {
    it.each([
      ["sector", str("name", "semiconductors")],
      ["ask", str("question", "Where does China still depend on foreign technology?")],
    ])("private: true makes /%s ephemeral", async (name, option) => {
      const { callback } = await run(name, [option, bool("private", true)]);
      expect(callback.type).toBe(4);
      expect(isEphemeral(callback)).toBe(true);
      expect(embedOf(callback).title).toBeTruthy();
    });

    it.each([
      ["sector", str("name", "semiconductors")],
      ["ask", str("question", "Where does China still depend on foreign technology?")],
    ])("for: @member on /%s mentions that member and only lets them be pinged", async (name, option) => {
      const member = user("100000000000000042", "alice");
      const { callback } = await run(name, [option, userOption("for", member.id)], {
        resolved: resolvedUsers(member),
      });
      expect(callback.type).toBe(4);
      expect(isEphemeral(callback)).toBe(false);
      expect(sent(callback).content).toContain(`<@${member.id}>`);
      expect(sent(callback).allowed_mentions).toEqual({ parse: [], users: [member.id] });
    });

    it("without for, nobody can be pinged", async () => {
      const { callback } = await run("sector", [str("name", "semiconductors")]);
      expect(sent(callback).allowed_mentions?.parse).toEqual([]);
      expect(sent(callback).allowed_mentions?.users).toBeUndefined();
      expect(sent(callback).content ?? "").not.toMatch(/<@/);
    });

    it("private wins over for: a private answer mentions nobody", async () => {
      const member = user("100000000000000043", "bob");
      const { callback } = await run(
        "sector",
        [str("name", "semiconductors"), bool("private", true), userOption("for", member.id)],
        { resolved: resolvedUsers(member) },
      );
      expect(isEphemeral(callback)).toBe(true);
      expect(sent(callback).content ?? "").not.toContain("<@");
      expect(sent(callback).allowed_mentions).toEqual({ parse: [] });
    });
  });

  describe("buttons", () => {
    /** The custom ids the bot itself put on its messages, with what their click shows. */
    let clicks: { label: string; customId: string; title: RegExp }[] = [];

    beforeAll(async () => {
      const card = (await run("sector", [str("name", "semiconductors")])).callback;
      const question = "Where does China still depend on foreign technology?";
      const ask = (await run("ask", [str("question", question)])).callback;
      const timeline = (await run("timeline")).callback;
      clicks = [
        { label: "More facts", customId: buttonId(card, "More facts"), title: /Semiconductors/ },
        { label: "Sources", customId: buttonId(card, "Sources"), title: /^Sources for Semiconductors$/ },
        { label: "Telecommunications", customId: buttonId(card, "Telecommunications"), title: /Telecom/ },
        { label: "More", customId: buttonId(ask, "More"), title: /^More facts$/ },
        { label: "Later", customId: buttonId(timeline, "Later"), title: /^Timeline/ },
      ];
    });

    it("collected every button of the sector card, the /ask answer and the timeline", () => {
      expect(clicks.map((c) => c.label)).toEqual([
        "More facts",
        "Sources",
        "Telecommunications",
        "More",
        "Later",
      ]);
      for (const { customId } of clicks) expect(customId.length).toBeLessThanOrEqual(100);
    });

    it("on a message in the channel, every click gets a private reply (type 4) and the message stays", async () => {
      for (const { label, customId, title } of clicks) {
        const { callback, log } = await click(customId);
        expect(callback.type, label).toBe(4);
        expect(isEphemeral(callback), label).toBe(true);
        expect(embedOf(callback).title, label).toMatch(title);
        expect(sent(callback).allowed_mentions, label).toEqual({ parse: [] });
        expect(log, label).toMatchObject({ kind: "button", outcome: "answered" });
      }
    });

    it("on a private message, every click pages in place (type 7 update)", async () => {
      for (const { label, customId, title } of clicks) {
        const { callback, log } = await click(customId, { messageFlags: EPHEMERAL });
        expect(callback.type, label).toBe(7);
        expect(embedOf(callback).title, label).toMatch(title);
        expect(sent(callback).flags ?? 0, label).toBe(0);
        expect(log, label).toMatchObject({ kind: "button", outcome: "answered" });
      }
    });

    it("More facts pages on, with Previous facts to go back", async () => {
      const more = clicks[0]?.customId ?? "";
      const { callback } = await click(more);
      expect(embedOf(callback).footer?.text).toMatch(/^Facts 5–/);
      expect(buttonId(callback, "Previous facts")).toBe("v1:sf:semiconductors:0");
      const back = await click(buttonId(callback, "Previous facts"), { messageFlags: EPHEMERAL });
      expect(back.callback.type).toBe(7);
      expect(embedOf(back.callback).footer?.text).toMatch(/^Facts 1–4/);
    });

    it.each([
      ["v1:s:nope"],
      ["garbage"],
      ["v1:f:zzzzzzz"],
      ["v1:t:x"],
      ["v1:ss:semiconductors:extra"],
      ["v2:s:semiconductors"],
      [`v1:s:${"a".repeat(95)}`],
    ])("a forged or garbled id %j gets a private error and is logged as invalid-button", async (customId) => {
      const { callback, log } = await click(customId);
      expect(callback.type).toBe(4);
      expect(isEphemeral(callback)).toBe(true);
      expect(sent(callback).content).toMatch(/This button is not valid/);
      expect(sent(callback).allowed_mentions).toEqual({ parse: [] });
      expect(log).toMatchObject({ kind: "button", outcome: "invalid-button" });
    });
  });

  describe("every command of the registry", () => {
    /** What the user fills in for a required option, by option name (anything else gets a generic value). */
    const SAMPLE: Record<string, string> = {
      name: "semiconductors",
      question: "Where does China lead the world?",
    };
    type DataOption = NonNullable<BotCommand["data"]["options"]>[number];
    const requiredValues = (options: readonly DataOption[]): Option[] =>
      options
        .filter((o) => "required" in o && o.required === true)
        .map((o): Option => {
          if (o.type === ApplicationCommandOptionType.String)
            return str(o.name, SAMPLE[o.name] ?? "semiconductors");
          if (o.type === ApplicationCommandOptionType.Boolean) return bool(o.name, false);
          const min = "min_value" in o && typeof o.min_value === "number" ? o.min_value : 1;
          return { name: o.name, type: ApplicationCommandOptionType.Integer, value: min };
        });
    /** The least a user must type: the required options, or the first subcommand and its required options. */
    const minimalOptions = (command: BotCommand): Option[] => {
      const options = command.data.options ?? [];
      const sub = options.find((o) => o.type === ApplicationCommandOptionType.Subcommand);
      if (sub?.type === ApplicationCommandOptionType.Subcommand) {
        const nested = requiredValues((sub.options ?? []) as DataOption[]);
        return [{ name: sub.name, type: ApplicationCommandOptionType.Subcommand, options: nested } as Option];
      }
      return requiredValues(options);
    };
    /** Whether the answer is private, for the commands whose behaviour is specified. */
    const EPHEMERAL_BY_NAME: Record<string, boolean> = {
      sector: false,
      ask: false,
      sectors: false,
      overview: false,
      timeline: false,
      sources: false,
      help: true,
    };
    /** Every button the registry's answers carried, to click afterwards. */
    const produced = new Map<string, string>();

    it("holds at least the documented commands", () => {
      expect(COMMANDS.map((c) => c.data.name)).toEqual(
        expect.arrayContaining(Object.keys(EPHEMERAL_BY_NAME)),
      );
    });

    it.each(COMMANDS.map((c) => [c.data.name, c] as const))(
      "/%s answers with an embed",
      async (name, command) => {
        const { callback, log } = await run(name, minimalOptions(command));
        expect(callback.type).toBe(4);
        const expected = EPHEMERAL_BY_NAME[name];
        if (expected !== undefined) expect(isEphemeral(callback)).toBe(expected);
        const embed = embedOf(callback);
        expect(embed.title).toBeTruthy();
        expect(embed.description ?? embed.fields?.[0]?.value).toBeTruthy();
        expect(sent(callback).allowed_mentions).toEqual({ parse: [] });
        expect(log).toMatchObject({ kind: "command", command: name, outcome: "answered" });
        for (const b of buttonsOf(callback))
          if (b.custom_id) produced.set(b.custom_id, `/${name} › ${b.label}`);
      },
    );

    it("every button those answers carried answers a click privately (a new quiz question goes to the channel)", async () => {
      expect(produced.size).toBeGreaterThan(0);
      for (const [customId, what] of produced) {
        const { callback, log } = await click(customId);
        expect(callback.type, what).toBe(4);
        const newQuestion = /^v1:q(:|$)/.test(customId);
        expect(isEphemeral(callback), what).toBe(!newQuestion);
        expect(embedOf(callback).title, what).toBeTruthy();
        expect(log, what).toMatchObject({ kind: "button", outcome: "answered" });
      }
    });

    it("an unregistered command gets a private hint and is logged as unknown-command", async () => {
      const { callback, log } = await run("gone");
      expect(callback.type).toBe(4);
      expect(isEphemeral(callback)).toBe(true);
      expect(sent(callback).content).toMatch(/deploy-commands/);
      expect(log).toMatchObject({ outcome: "unknown-command" });
    });
  });

  describe("robustness", () => {
    it("a handler that throws still answers privately, is logged, and the bot keeps answering", async () => {
      const from = logLines.length;
      const { callback, log } = await run("boom");
      expect(callback.type).toBe(4);
      expect(isEphemeral(callback)).toBe(true);
      expect(sent(callback).content).toMatch(/Something went wrong/);
      expect(sent(callback).allowed_mentions).toEqual({ parse: [] });
      expect(log).toMatchObject({ level: "info", kind: "command", command: "boom", outcome: "error" });
      const failed = logs()
        .slice(from)
        .find((l) => l.event === "interaction_failed");
      expect(failed).toMatchObject({ level: "error", command: "boom", error: { message: "boom" } });

      const next = await run("help");
      expect(next.callback.type).toBe(4);
      expect(next.log.outcome).toBe("answered");
    });

    it("an autocomplete that throws still answers, with no choices", async () => {
      const from = logLines.length;
      const callback = await double.dispatch(double.autocomplete("boom", [str("x", "a", true)]));
      expect(callback).toMatchObject({ type: 8, data: { choices: [] } });
      const log = await waitForLog((l) => l.event === "interaction" && l.command === "boom", from);
      expect(log).toMatchObject({ kind: "autocomplete", outcome: "error" });
    });

    it("a handler that throws after answering sends the error notice as a private follow-up", async () => {
      const payload = double.chatInput("lateboom");
      const from = logLines.length;
      const callback = await double.dispatch(payload);
      expect(callback).toMatchObject({ type: 4, data: { content: "first answer" } });
      const followUp = await double.waitForWebhook(payload.token);
      expect(followUp).toMatchObject({ method: "POST", messageId: undefined });
      const body = followUp.body as Sent;
      expect(body.content).toMatch(/Something went wrong/);
      expect((body.flags ?? 0) & EPHEMERAL).toBe(EPHEMERAL);
      const log = await waitForLog((l) => l.event === "interaction" && l.command === "lateboom", from);
      expect(log.outcome).toBe("error");
      expect(double.callbacks.filter((c) => c.interactionId === payload.id)).toHaveLength(1);
    });

    it("answers an interaction delivered twice exactly once and logs the duplicate", async () => {
      const payload = double.chatInput("overview");
      const from = logLines.length;
      await double.dispatch(payload);
      await waitForLog((l) => l.command === "overview" && l.outcome === "answered", from);
      await double.dispatch(payload);
      const duplicate = await waitForLog((l) => l.command === "overview" && l.outcome === "duplicate", from);
      expect(duplicate).toMatchObject({ event: "interaction", kind: "command" });
      // Anything the bot still sent for the duplicate would arrive before the answer to the next command.
      await run("help");
      expect(double.callbacks.filter((c) => c.interactionId === payload.id)).toHaveLength(1);
      expect(double.webhookCalls.filter((c) => c.token === payload.token)).toEqual([]);
    });
  });

  describe("/quiz (found while covering the whole registry)", () => {
    const unknownSector = (value: string): Option[] => [
      { name: "question", type: ApplicationCommandOptionType.Subcommand, options: [str("sector", value)] },
    ];

    it("answers an unknown sector privately and logs the miss", async () => {
      const { callback, log } = await run("quiz", unknownSector("bananas"));
      expect(callback.type).toBe(4);
      expect(isEphemeral(callback)).toBe(true);
      expect(log).toMatchObject({ command: "quiz", outcome: "no-match" });
    });

    // Regression: the query of a miss typed inside a subcommand was once logged without what was typed.
    it("logs the query of a miss typed inside a subcommand", async () => {
      const { log } = await run("quiz", unknownSector("bananas"));
      expect(log).toMatchObject({ outcome: "no-match", query: "bananas" });
    });

    // Regression: the unknown sector name was once echoed unescaped.
    it("shows an unknown sector name as typed, with its markdown neutralised", async () => {
      const { callback } = await run("quiz", unknownSector("**b** [x](https://evil.example) @everyone"));
      for (const text of [embedOf(callback).description ?? "", embedOf(callback).title ?? ""]) {
        expect(text).not.toContain("**b**");
        expect(text).not.toMatch(/(^|[^\\])\[x\]\(/);
        expect(text).not.toContain("@everyone");
      }
      expect(embedOf(callback).title).toContain("\\*\\*b\\*\\*");
    });
  });

  describe("at the end", () => {
    it("never wrote the token in a log line, and logged no unexpected error", () => {
      expect(logLines.length).toBeGreaterThan(20);
      for (const line of logLines) expect(line).not.toContain(TEST_TOKEN);
      for (const part of TEST_TOKEN.split(".")) expect(logLines.join("")).not.toContain(part);
      const errors = logs().filter((l) => l.level === "error" || l.level === "warn");
      expect(errors.map((l) => `${l.event} ${l.command}`)).toEqual([
        "interaction_failed boom",
        "interaction_failed boom",
        "interaction_failed lateboom",
      ]);
    });

    it("sent nothing to an unknown route", () => {
      expect(double.unknownRoutes).toEqual([]);
    });
  });
});
