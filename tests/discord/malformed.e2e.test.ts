/**
 * Requests the bot cannot serve as asked still get an answer a member understands, and a log line: wrong
 * option types, missing options, unknown subcommands and commands, kinds of interaction it does not handle,
 * and a member over their cooldown. (Payloads discord.js cannot read at all are in the reliability suite:
 * discord.js rejects a promise on them, which the real process logs and vitest would flag.)
 */
import type { APIInteraction } from "discord-api-types/v10";
import { ComponentType, Locale } from "discord-api-types/v10";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Bot } from "../../src/discord/bot.ts";
import { createBudget } from "../../src/discord/cooldown.ts";
import { loadKnowledgeOrThrow } from "../../src/knowledge/load.ts";
import { createLogger } from "../../src/logger.ts";
import { createSearch } from "../../src/search/index.ts";
import { type DiscordDouble, startDiscordDouble, user } from "./double.ts";
import { startBotOnDouble } from "./harness.ts";
import { isEphemeral, sent, str } from "./wire.ts";

interface LogLine {
  event: string;
  outcome?: string;
  reason?: string;
  command?: string;
}

let double: DiscordDouble;
let bot: Bot;
const lines: LogLine[] = [];
let member = 0;
const someone = () => ({ user: user(`6000000000000${String(++member).padStart(5, "0")}`) });

beforeAll(async () => {
  double = await startDiscordDouble();
  bot = await startBotOnDouble(double, {
    search: createSearch(loadKnowledgeOrThrow()),
    logger: createLogger("info", (line) => lines.push(JSON.parse(line))),
    budget: createBudget({
      command: { burst: 3, perSecond: 0.5 },
      autocomplete: { burst: 3, perSecond: 0.5 },
    }),
  });
});
afterAll(async () => {
  await bot?.stop(0);
  await double?.close();
});

/** Dispatches, then waits for the interaction's one log line. */
async function answerTo(payload: APIInteraction) {
  const from = lines.length;
  const callback = await double.dispatch(payload);
  const logged = () => lines.slice(from).find((l) => l.event === "interaction");
  for (let i = 0; i < 200 && !logged(); i++) await new Promise((r) => setTimeout(r, 5));
  return { callback, text: String(sent(callback).content ?? ""), log: logged() };
}

describe("malformed interactions get a specific private answer and a log line", () => {
  it.each([
    [
      "wrong option type",
      () => double.chatInput("sector", [{ name: "name", type: 4, value: 5 }], someone()),
      /takes text/,
      "wrong-type",
    ],
    [
      "missing required option",
      () => double.chatInput("sector", [], someone()),
      /needs the option "name"/,
      "missing-option",
    ],
    [
      "unknown subcommand",
      () => double.chatInput("quiz", [{ type: 1, name: "bogus", options: [] }], someone()),
      /no such subcommand/,
      "unknown-subcommand",
    ],
    ["unknown command", () => double.chatInput("nope", [], someone()), /don't know this command/, undefined],
  ])("%s", async (_what, payload, message, reason) => {
    const { callback, text, log } = await answerTo(payload());
    expect(callback.type).toBe(4);
    expect(isEphemeral(callback)).toBe(true);
    expect(text).toMatch(message);
    expect(log).toMatchObject(reason ? { outcome: "invalid-input", reason } : { outcome: "unknown-command" });
  });

  it("a kind of interaction the bot does not handle (a select menu)", async () => {
    const button = double.button("v1:whatever", someone());
    const payload = {
      ...button,
      data: { component_type: ComponentType.StringSelect, custom_id: "menu", values: ["a"] },
    } as unknown as APIInteraction;
    const { callback, text, log } = await answerTo(payload);
    expect(isEphemeral(callback)).toBe(true);
    expect(text).toMatch(/only answers its slash commands and buttons/);
    expect(log).toMatchObject({ outcome: "unsupported" });
  });
});

describe("cooldowns", () => {
  it("a member sending faster than the budget is told to wait; another member is not slowed", async () => {
    const flooder = someone();
    const texts: string[] = [];
    for (let i = 0; i < 4; i++) texts.push((await answerTo(double.chatInput("overview", [], flooder))).text);
    expect(texts.slice(0, 3)).toEqual(["", "", ""]);
    expect(texts[3]).toMatch(/going a bit fast: please try again in \d seconds?/);
    expect(lines.filter((l) => l.outcome === "cooldown")).toHaveLength(1);
    const other = await answerTo(double.chatInput("overview", [], someone()));
    expect(other.text).toBe("");
  });

  it("autocomplete over budget gets no choices rather than an error", async () => {
    const typist = someone();
    const counts: number[] = [];
    for (let i = 0; i < 4; i++) {
      const { callback } = await answerTo(double.autocomplete("sector", [str("name", "sem", true)], typist));
      counts.push(sent(callback).choices?.length ?? 0);
    }
    expect(counts.slice(0, 3).every((n) => n > 0)).toBe(true);
    expect(counts[3]).toBe(0);
  });
});

describe("a zh-CN member reads these answers in Chinese", () => {
  const zh = () => ({ ...someone(), locale: Locale.ChineseCN });
  it.each([
    [
      "wrong option type",
      () => double.chatInput("sector", [{ name: "name", type: 4, value: 5 }], zh()),
      "/sector 的选项“name”需要填写文字",
    ],
    ["missing required option", () => double.chatInput("sector", [], zh()), "/sector 需要填写选项“name”"],
    [
      "unknown subcommand",
      () => double.chatInput("quiz", [{ type: 1, name: "bogus", options: [] }], zh()),
      "/quiz 没有这个子命令",
    ],
    ["unknown command", () => double.chatInput("nope", [], zh()), "我已不认识这个命令"],
    [
      "a kind of interaction the bot does not handle",
      () =>
        ({
          ...double.button("v1:whatever", zh()),
          data: { component_type: ComponentType.StringSelect, custom_id: "menu", values: ["a"] },
        }) as unknown as APIInteraction,
      "本机器人只响应它的斜杠命令和按钮",
    ],
  ])("%s", async (_what, payload, chinese) => {
    const { callback, text } = await answerTo(payload());
    expect(isEphemeral(callback)).toBe(true);
    expect(text).toContain(chinese);
  });

  it("over the cooldown", async () => {
    const flooder = zh();
    let text = "";
    for (let i = 0; i < 4; i++) text = (await answerTo(double.chatInput("overview", [], flooder))).text;
    expect(text).toMatch(/^你操作得有点快，请 \d 秒后再试。$/);
  });
});

describe("interactions that arrive before the client is ready", () => {
  it("a valid /help sent between READY and a late GUILD_CREATE gets exactly one answer, the real one", async () => {
    // discord.js holds interactions back until every guild has arrived; the "could not read" fallback must
    // not take that wait for an unreadable payload.
    const late = await startDiscordDouble({ guildCreateDelayMs: 1500 });
    const logged: { event: string; kind?: string }[] = [];
    const starting = startBotOnDouble(late, {
      search: createSearch(loadKnowledgeOrThrow()),
      logger: createLogger("info", (line) => logged.push(JSON.parse(line))),
    });
    const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
    let lateBot: Bot | undefined;
    try {
      for (let i = 0; i < 200 && late.gateway.identifies === 0; i++) await sleep(10);
      await sleep(100);
      const payload = late.chatInput("help", [], someone());
      expect(late.send(payload)).toBe(true);
      lateBot = await starting;
      await late.dispatch(late.chatInput("overview", [], someone()));
      // Longer than the fallback's wait after ready, so a second answer would have come.
      await sleep(1200);
      const answers = late.callbacks.filter((c) => c.interactionId === payload.id);
      expect(answers).toHaveLength(1);
      const answer = answers[0];
      if (!answer) throw new Error("no answer");
      expect(JSON.stringify(sent(answer))).not.toMatch(/could not read/);
      expect(sent(answer).embeds?.length ?? 0).toBeGreaterThan(0);
      expect(logged.filter((l) => l.kind === "unreadable")).toEqual([]);
    } finally {
      lateBot ??= await starting.catch(() => undefined);
      await lateBot?.stop(0);
      await late.close();
    }
  }, 15_000);
});
