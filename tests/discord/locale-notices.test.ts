/**
 * The reliability notices follow the member's locale on both transports: a zh-CN member over their
 * cooldown, arriving while the bot restarts, sending an interaction it does not handle, bad input, or
 * meeting an unavailable scoreboard reads Chinese (zh-TW traditional), not English. The gateway's cooldown
 * and bad-input notices through the Discord double are in malformed.e2e.test.ts.
 */

import type { Interaction } from "discord.js";
import type { APIInteraction, APIInteractionResponse } from "discord-api-types/v10";
import { describe, expect, it } from "vitest";
import type { AnswerContext } from "../../src/answer/context.ts";
import { type Scoreboard, type ScoreboardFault, ScoreboardUnavailable } from "../../src/answer/scoreboard.ts";
import { cooldownMessage } from "../../src/discord/cooldown.ts";
import { createCustomIdCodec } from "../../src/discord/custom-id.ts";
import { createInteractionHandler } from "../../src/discord/dispatcher.ts";
import { createRawInteractionHandler } from "../../src/discord/raw.ts";
import { translator } from "../../src/i18n/index.ts";
import { loadKnowledgeOrThrow } from "../../src/knowledge/load.ts";
import { createLogger } from "../../src/logger.ts";
import { createSearch } from "../../src/search/index.ts";
import { unavailableSentence } from "../../src/storage/resilient.ts";

const search = createSearch(loadKnowledgeOrThrow());
const codec = createCustomIdCodec(search.kb);
const logger = createLogger("error", () => undefined);
const CHINESE = /[\u4e00-\u9fff]/;
const LATIN_WORDS = /[A-Za-z]{4,}/g;

/** A scoreboard whose every call fails as `kind` does. */
function brokenScoreboard(kind: ScoreboardFault): Scoreboard {
  const fail = () => Promise.reject(new ScoreboardUnavailable(kind));
  return {
    recordAnswer: fail,
    top: fail,
    rankOf: fail,
    resetGuild: fail,
    backup: fail,
    ping: async () => false,
    close: async () => undefined,
  };
}

const context = (scoreboard: Scoreboard | null = null): AnswerContext => ({
  search,
  scoreboard,
  random: () => 0,
});

/** Latin words left in a Chinese notice, other than command names, option names and "Discord". */
function englishLeft(text: string): string[] {
  return (text.match(LATIN_WORDS) ?? []).filter(
    (w) => !["Discord", "help", "sector", "quiz", "scores", "bogus", "name"].includes(w),
  );
}

describe("the scoreboard-unavailable sentence in every locale", () => {
  const kinds: ScoreboardFault[] = [
    "corrupt",
    "full",
    "io",
    "read-only",
    "cannot-open",
    "busy",
    "unreachable",
    "auth",
    "unknown",
  ];
  it.each(kinds)("%s: zh-CN and zh-TW read Chinese, English stays as it was", (kind) => {
    const error = new ScoreboardUnavailable(kind);
    expect(error.message).toBe(unavailableSentence(kind));
    for (const lang of ["zh-CN", "zh-TW"] as const) {
      const text = error.text(translator(lang));
      expect(text).toMatch(CHINESE);
      expect(englishLeft(text)).toEqual([]);
    }
    expect(error.text(translator("zh-CN"))).toContain("测验排行榜暂时无法使用");
    expect(error.text(translator("zh-TW"))).toContain("測驗排行榜暫時無法使用");
  });
});

describe("the cooldown notice in every locale", () => {
  it.each([
    ["zh-CN", 400, "你操作得有点快，请 1 秒后再试。"],
    ["zh-CN", 2100, "你操作得有点快，请 3 秒后再试。"],
    ["zh-TW", 2100, "你操作得有點快，請 3 秒後再試。"],
  ] as const)("%s, %i ms: %s", (lang, ms, text) => {
    expect(cooldownMessage(ms, translator(lang))).toBe(text);
  });
});

/** A discord.js-shaped interaction, enough for the dispatcher: a chat-input command from a zh-CN member. */
function gatewayCommand(name: string, subcommand: string | null, replies: string[]): Interaction {
  return {
    id: `i${Math.random()}`,
    type: 2,
    locale: "zh-CN",
    guildId: "g1",
    channelId: "c1",
    context: 0,
    user: { id: "u1" },
    commandName: name,
    replied: false,
    deferred: false,
    options: {
      data: subcommand ? [{ name: subcommand, type: 1, options: [] }] : [],
      getSubcommand: () => subcommand,
      get: () => null,
      getBoolean: () => null,
      getUser: () => null,
    },
    isChatInputCommand: () => true,
    isCommand: () => true,
    isAutocomplete: () => false,
    isButton: () => false,
    isMessageContextMenuCommand: () => false,
    isRepliable: () => true,
    reply: async (message: { content?: string }) => {
      replies.push(String(message.content ?? ""));
    },
  } as unknown as Interaction;
}

describe("gateway: a zh-CN member gets Chinese notices", () => {
  it.each([
    ["restarting", true, null, "机器人正在重启"],
    ["scoreboard unavailable", false, brokenScoreboard("full"), "测验排行榜暂时无法使用（服务器磁盘已满）"],
  ] as const)("%s", async (_what, closing, scoreboard, chinese) => {
    const handle = createInteractionHandler({
      context: context(scoreboard),
      codec,
      logger,
      isClosing: () => closing,
    });
    const replies: string[] = [];
    await handle(gatewayCommand("quiz", "scores", replies));
    expect(replies).toHaveLength(1);
    expect(replies[0]).toContain(chinese);
    expect(englishLeft(replies[0] ?? "")).toEqual([]);
  });
});

/** A raw interaction as the HTTP endpoint receives it, from a member in `locale`. */
function raw(type: number, data: unknown, locale = "zh-CN"): APIInteraction {
  return {
    id: "1",
    application_id: "app",
    token: "tok",
    version: 1,
    type,
    locale,
    guild_id: "g1",
    channel_id: "c1",
    member: { user: { id: "u1" } },
    data,
  } as unknown as APIInteraction;
}

const command = (name: string, options: unknown[] = []) => raw(2, { type: 1, id: "c", name, options });

describe("HTTP: a zh-CN member gets Chinese notices", () => {
  it.each([
    [
      "wrong option type",
      command("sector", [{ name: "name", type: 4, value: 5 }]),
      null,
      "/sector 的选项“name”需要填写文字",
    ],
    ["missing option", command("sector"), null, "/sector 需要填写选项“name”"],
    [
      "unknown subcommand",
      command("quiz", [{ type: 1, name: "bogus", options: [] }]),
      null,
      "/quiz 没有这个子命令",
    ],
    ["unknown command", command("nope"), null, "我已不认识这个命令"],
    ["unsupported interaction", raw(5, { custom_id: "modal", components: [] }), null, "本机器人只响应"],
    [
      "scoreboard unavailable",
      command("quiz", [{ type: 1, name: "scores", options: [] }]),
      brokenScoreboard("unreachable"),
      "测验排行榜暂时无法使用（无法连接数据库服务器）",
    ],
    ["no scoreboard at all", command("quiz", [{ type: 1, name: "scores", options: [] }]), null, "没有排行榜"],
  ] as const)("%s", async (_what, payload, scoreboard, chinese) => {
    const answer = createRawInteractionHandler({
      context: context(scoreboard),
      codec,
      logger,
      apiUrl: "http://127.0.0.1:9/api",
    });
    const response = (await answer(payload)) as APIInteractionResponse & { data?: unknown };
    const text = JSON.stringify(response.data);
    expect(text).toContain(chinese);
    expect(text).not.toMatch(/please|scoreboard|not supported/i);
  });

  it("a zh-TW member reads traditional characters", async () => {
    const answer = createRawInteractionHandler({ context: context(), codec, logger, apiUrl: "x" });
    const response = (await answer(
      raw(2, { type: 1, id: "c", name: "sector", options: [] }, "zh-TW"),
    )) as APIInteractionResponse & { data?: { content?: string } };
    expect(response.data?.content).toBe("/sector 需要填寫選項「name」，請補上。");
  });
});
