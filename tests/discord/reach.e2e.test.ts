/**
 * End to end for reach (issue 13): the production bot answers a user-installed app in a DM and a group DM
 * (no guild, no member, nothing cached), keeps quiz scores per place, and answers "Explain this message"
 * (a message command) privately and without pinging anyone, through the Discord double on 127.0.0.1.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Locale, ApplicationCommandOptionType as Opt } from "discord-api-types/v10";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SCORES_PLACE } from "../../src/answer/quiz.ts";
import type { Bot } from "../../src/discord/bot.ts";
import { loadKnowledgeOrThrow } from "../../src/knowledge/load.ts";
import { createLogger } from "../../src/logger.ts";
import { createSearch } from "../../src/search/index.ts";
import { openScoreboard, type Scoreboard } from "../../src/storage/scoreboard.ts";
import { type DiscordDouble, type InteractionExtras, startDiscordDouble } from "./double.ts";
import { startBotOnDouble } from "./harness.ts";
import { buttonsOf, embedOf, isEphemeral, sent, str } from "./wire.ts";

const MEMBER = "100000000000000009";
const inDm: InteractionExtras = { user: { id: MEMBER }, where: "dm", install: "user" };
const inGroup: InteractionExtras = { user: { id: MEMBER }, where: "private-channel", install: "user" };

describe("reach end to end: user installs, DMs, private channels and the message command", () => {
  let double: DiscordDouble;
  let bot: Bot;
  let scoreboard: Scoreboard;
  let folder: string;
  const logs: string[] = [];

  beforeAll(async () => {
    double = await startDiscordDouble();
    folder = mkdtempSync(join(tmpdir(), "mic2025-reach-"));
    scoreboard = openScoreboard(join(folder, "scores.db"));
    bot = await startBotOnDouble(double, {
      search: createSearch(loadKnowledgeOrThrow()),
      logger: createLogger("info", (line) => logs.push(line)),
      scoreboard,
      random: () => 0,
    });
  });

  afterAll(async () => {
    await bot?.stop();
    await double?.close();
    scoreboard?.close();
    if (folder) rmSync(folder, { recursive: true, force: true });
  });

  it("answers /sector in a DM with a user-installed app, from the interaction alone", async () => {
    const payload = double.chatInput("sector", [str("name", "chips")], inDm);
    expect(payload).not.toHaveProperty("guild_id");
    expect(payload.authorizing_integration_owners).toEqual({ "1": MEMBER });
    const callback = await double.dispatch(payload);
    expect(callback.type).toBe(4);
    expect(embedOf(callback).title).toContain("Semiconductors");
    expect(sent(callback).allowed_mentions).toEqual({ parse: [] });
  });

  it("answers a user install in a server the bot is no member of (no guild cache), keyed by that server", async () => {
    const elsewhere = "300000000000000099";
    expect(bot.client.guilds.cache.has(elsewhere)).toBe(false);
    const base = double.chatInput("quiz", [{ type: Opt.Subcommand, name: "question", options: [] }], {
      user: { id: MEMBER },
      install: "user",
    });
    const moved = <T extends object>(payload: T) => ({
      ...payload,
      guild_id: elsewhere,
      guild: { id: elsewhere, features: [], locale: Locale.EnglishUS },
      authorizing_integration_owners: { "1": MEMBER },
    });
    const question = await double.dispatch(moved({ ...base, data: { ...base.data, guild_id: elsewhere } }));
    expect(question.type).toBe(4);
    const click = double.button(buttonsOf(question)[2]?.custom_id ?? "", {
      user: { id: MEMBER },
      install: "user",
    });
    const answered = await double.dispatch(moved(click));
    expect(isEphemeral(answered)).toBe(true);
    expect((await scoreboard.rankOf(elsewhere, MEMBER))?.row.answered).toBe(1);
  });

  it("keeps DM quiz answers in the member's own scope and says so in /quiz scores", async () => {
    const question = await double.dispatch(
      double.chatInput("quiz", [{ type: Opt.Subcommand, name: "question", options: [] }], inDm),
    );
    const a = buttonsOf(question)[0]?.custom_id ?? "";
    const answered = await double.dispatch(double.button(a, inDm));
    expect(isEphemeral(answered)).toBe(true);
    expect((await scoreboard.rankOf(`dm:${MEMBER}`, MEMBER))?.row.answered).toBe(1);
    expect(await scoreboard.rankOf(double.guildId, MEMBER)).toBeNull();

    const scores = await double.dispatch(
      double.chatInput("quiz", [{ type: Opt.Subcommand, name: "scores", options: [] }], inDm),
    );
    expect(embedOf(scores).footer?.text).toContain(SCORES_PLACE.dm);
  });

  it("keys a group DM's scores by the channel, apart from the DM and the server", async () => {
    const question = await double.dispatch(
      double.chatInput("quiz", [{ type: Opt.Subcommand, name: "question", options: [] }], inGroup),
    );
    await double.dispatch(double.button(buttonsOf(question)[1]?.custom_id ?? "", inGroup));
    expect((await scoreboard.rankOf("private:600000000000000001", MEMBER))?.row.answered).toBe(1);
    const scores = await double.dispatch(
      double.chatInput("quiz", [{ type: Opt.Subcommand, name: "scores", options: [] }], inGroup),
    );
    expect(embedOf(scores).footer?.text).toContain(SCORES_PLACE["private-channel"]);
  });

  describe("in Chinese (zh-CN, zh-TW)", () => {
    it("answers /sector in zh-CN: Chinese headings and buttons, English facts, and says so", async () => {
      const callback = await double.dispatch(
        double.chatInput("sector", [str("name", "芯片")], { locale: Locale.ChineseCN }),
      );
      const embed = embedOf(callback);
      expect(embed.title).toBe("半导体 · Semiconductors");
      expect(embed.description).toContain("中国仍依赖他国");
      expect(embed.fields?.map((f) => f.name)).toContain("来源");
      expect(embed.footer?.text).toContain("事实条目为英文：尚无经核对的译文。");
      expect(buttonsOf(callback).map((b) => b.label)).toContain("更多事实");
    });

    it("a zh-CN member after an English member gets Chinese for the same command (the answer cache keys the language)", async () => {
      // Same command, same options: the second request would reuse the first rendered answer if the cache
      // key ignored the locale.
      const en = await double.dispatch(
        double.chatInput("sector", [str("name", "robotics")], {
          locale: Locale.EnglishUS,
          user: { id: "100000000000000091" },
        }),
      );
      const zh = await double.dispatch(
        double.chatInput("sector", [str("name", "robotics")], {
          locale: Locale.ChineseCN,
          user: { id: "100000000000000092" },
        }),
      );
      expect(embedOf(en).fields?.map((f) => f.name)).toContain("Sources");
      expect(buttonsOf(en).map((b) => b.label)).toContain("More facts");
      expect(embedOf(zh).title).toMatch(/ · /);
      expect(embedOf(zh).fields?.map((f) => f.name)).toContain("来源");
      expect(buttonsOf(zh).map((b) => b.label)).toContain("更多事实");
      expect(zh.files[0]?.filename ?? "").not.toMatch(/-en-/);
      // And back: an English member after the Chinese one gets English again, from the cache.
      const enAgain = await double.dispatch(
        double.chatInput("sector", [str("name", "robotics")], { locale: Locale.EnglishGB }),
      );
      expect(embedOf(enAgain)).toEqual(embedOf(en));
      const sectorsEn = await double.dispatch(double.chatInput("sectors", [], { locale: Locale.EnglishUS }));
      const sectorsZh = await double.dispatch(double.chatInput("sectors", [], { locale: Locale.ChineseCN }));
      expect(embedOf(sectorsEn).title).not.toBe(embedOf(sectorsZh).title);
      expect(embedOf(sectorsZh).title).toBe("中国制造2025：各领域");
    });

    it("answers /sectors in zh-TW with traditional headings", async () => {
      const callback = await double.dispatch(double.chatInput("sectors", [], { locale: Locale.ChineseTW }));
      expect(embedOf(callback).title).toBe("中國製造2025：各領域");
      expect(embedOf(callback).fields?.map((f) => f.name)).toContain("中國領先");
    });

    it("pages /learn and answers the quiz in zh-TW", async () => {
      const lesson = await double.dispatch(double.chatInput("learn", [], { locale: Locale.ChineseTW }));
      expect(embedOf(lesson).title).toMatch(/^第 1 課，共 \d+ 課：/);
      expect(buttonsOf(lesson).map((b) => b.label)).toEqual(
        expect.arrayContaining(["下一課", "就這一課出題"]),
      );
      const zhTW = { locale: Locale.ChineseTW, user: { id: "100000000000000077" } };
      const question = await double.dispatch(
        double.chatInput("quiz", [{ type: Opt.Subcommand, name: "question", options: [] }], zhTW),
      );
      expect(buttonsOf(question).at(-1)?.label).toBe("再來一題");
      const answered = await double.dispatch(double.button(buttonsOf(question)[0]?.custom_id ?? "", zhTW));
      expect(embedOf(answered).title).toMatch(/答對了|不太對/);
      expect(embedOf(answered).description).toContain("原因：");
    });

    it("keeps English for other locales", async () => {
      const callback = await double.dispatch(double.chatInput("sectors", [], { locale: Locale.French }));
      expect(embedOf(callback).title).toBe("Made in China 2025: the sectors");
      expect(embedOf(callback).footer?.text).not.toContain("英文");
    });
  });

  describe("Explain this message", () => {
    it("answers privately with facts, sources and the match", async () => {
      const target = {
        content: "Why does China still depend on foreign chips? <@100000000000000002> @everyone",
      };
      const callback = await double.dispatch(double.messageCommand("Explain this message", target));
      expect(callback.type).toBe(4);
      expect(isEphemeral(callback)).toBe(true);
      const embed = embedOf(callback);
      expect(embed.description).toMatch(/\[1\]/);
      expect(embed.fields?.some((f) => f.name === "Sources")).toBe(true);
      expect(embed.footer?.text).toMatch(/Match \d+%/);
      expect(embed.title).not.toMatch(/<@\d|@everyone/);
      expect(sent(callback).allowed_mentions).toEqual({ parse: [] });
    });

    it("reads a long message up to the question length and says so", async () => {
      const content = `What did the plan cost? ${"The subsidies were large and the debate went on. ".repeat(40)}`;
      const callback = await double.dispatch(
        double.messageCommand("Explain this message", { content }, inDm),
      );
      expect(isEphemeral(callback)).toBe(true);
      expect(embedOf(callback).footer?.text).toMatch(/Read the first \d+ characters/);
    });

    it.each([
      ["an image-only message", { content: "", attachments: [attachment()] }, /only pictures or files/],
      ["a link-only message", { content: "https://example.com/a?b=c <#400000000000000001>" }, /no words/],
    ])("says there is nothing to explain in %s and suggests /ask", async (_what, target, text) => {
      const callback = await double.dispatch(double.messageCommand("Explain this message", target));
      expect(isEphemeral(callback)).toBe(true);
      expect(embedOf(callback).description).toMatch(text);
      expect(embedOf(callback).description).toContain("/ask");
    });

    it("reads the text of an embed-only message", async () => {
      const target = {
        content: "",
        embeds: [{ title: "Made in China 2025", description: "Who issued the plan and when?" }],
      };
      const callback = await double.dispatch(double.messageCommand("Explain this message", target));
      expect(embedOf(callback).description).toMatch(/State Council/);
    });

    it("says when nothing matches and suggests /ask", async () => {
      const target = { content: "qwxz blorf zzyzx plonk" };
      const callback = await double.dispatch(double.messageCommand("Explain this message", target, inGroup));
      expect(isEphemeral(callback)).toBe(true);
      expect(embedOf(callback).description).toMatch(/No fact in the base matches/);
      expect(embedOf(callback).description).toContain("/ask");
    });
  });

  it("sent nothing to an unknown route", () => {
    expect(double.unknownRoutes).toEqual([]);
  });
});

function attachment() {
  // biome-ignore format: compact
  return { id: "800000000000000001", filename: "chart.png", size: 1000, url: "https://cdn.example/chart.png",
    proxy_url: "https://cdn.example/chart.png", content_type: "image/png" };
}

const PNG_MAGIC = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

describe("charts through the Discord double (multipart upload)", () => {
  let double: DiscordDouble;
  let bot: Bot;

  beforeAll(async () => {
    double = await startDiscordDouble();
    bot = await startBotOnDouble(double, {
      search: createSearch(loadKnowledgeOrThrow()),
      logger: createLogger("error", () => {}),
    });
  });

  afterAll(async () => {
    await bot?.stop();
    await double?.close();
  });

  it("/sectors uploads the status chart as a PNG and shows it as the embed's image", async () => {
    const callback = await double.dispatch(double.chatInput("sectors"));
    expect(callback.files).toHaveLength(1);
    const [file] = callback.files;
    expect(file?.filename).toMatch(/^mic2025-status-en-[0-9a-f]{8}\.png$/);
    expect(file?.contentType).toBe("image/png");
    expect(file?.bytes.subarray(0, 8)).toEqual(PNG_MAGIC);
    expect(file?.bytes.length).toBeGreaterThan(10_000);
    expect(embedOf(callback).image?.url).toBe(`attachment://${file?.filename}`);
    // The alt text travels in payload_json's attachments, matched to the file part by id.
    const attachments = (sent(callback) as { attachments?: { id: string; description?: string }[] })
      .attachments;
    expect(file?.field).toBe(`files[${attachments?.[0]?.id}]`);
    expect(attachments?.[0]?.description).toMatch(/17 sectors/);
  });

  it("a zh-CN /overview gets the Chinese status chart", async () => {
    const callback = await double.dispatch(double.chatInput("overview", [], { locale: Locale.ChineseCN }));
    expect(callback.files[0]?.filename).toMatch(/^mic2025-status-zh-CN-/);
  });

  it("a sector with figures gets its figures chart; one without gets none", async () => {
    const chips = await double.dispatch(double.chatInput("sector", [str("name", "semiconductors")]));
    expect(chips.files[0]?.filename).toMatch(/^mic2025-sector-semiconductors-/);
    const quantum = await double.dispatch(double.chatInput("sector", [str("name", "quantum")]));
    expect(quantum.files).toEqual([]);
    expect(embedOf(quantum).image).toBeUndefined();
  });
});
