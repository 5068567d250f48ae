/**
 * The HTTP interactions endpoint, in-process on 127.0.0.1: signatures and limits first, then parity with
 * the gateway: the same interaction payloads go to the production gateway bot (through the Discord double)
 * and to the HTTP endpoint, and must get the same response type and body.
 */
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { type APIEmbed, Locale } from "discord-api-types/v10";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Scoreboard, ScoreboardUnavailable } from "../../src/answer/scoreboard.ts";
import type { CommandEntry } from "../../src/commands/define.ts";
import { COMMANDS } from "../../src/commands/table.ts";
import type { Bot } from "../../src/discord/bot.ts";
import { createCustomIdCodec } from "../../src/discord/custom-id.ts";
import { createRawInteractionHandler } from "../../src/discord/raw.ts";
import { createInteractionsServer } from "../../src/http/server.ts";
import { publicKeyFromHex } from "../../src/http/verify.ts";
import { translator } from "../../src/i18n/index.ts";
import { loadKnowledgeOrThrow } from "../../src/knowledge/load.ts";
import { createLogger } from "../../src/logger.ts";
import { createSearch } from "../../src/search/index.ts";
import { summariseMisses } from "../../src/search/misses.ts";
import { openScoreboard } from "../../src/storage/scoreboard.ts";
import { type DiscordDouble, startDiscordDouble, user } from "../discord/double.ts";
import { startBotOnDouble } from "../discord/harness.ts";
import { bool, str } from "../discord/wire.ts";
import { signedHeaders, testKeyPair } from "./sign.ts";

const search = createSearch(loadKnowledgeOrThrow());
const keys = testKeyPair();
const lines: string[] = [];
const logger = createLogger("info", (line) => lines.push(line));

async function startHttp(
  scoreboard: Scoreboard,
  extra: { deadlineMs?: number; fetch?: typeof fetch; commands?: readonly CommandEntry[] } = {},
) {
  const answer = createRawInteractionHandler({
    context: { search, scoreboard, random: () => 0 },
    codec: createCustomIdCodec(search.kb),
    logger,
    apiUrl: "http://127.0.0.1:9/api",
    ...extra,
  });
  const server = createInteractionsServer({
    publicKey: publicKeyFromHex(keys.publicKeyHex),
    handle: (i) => answer(i as never),
    health: async () => ({
      mode: "http",
      knowledgeBase: "test",
      scoreboard: { reachable: await scoreboard.ping() },
    }),
    logger,
    maxBodyBytes: 64 * 1024,
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

async function post(url: string, payload: unknown, headers?: Record<string, string>) {
  const body = typeof payload === "string" ? payload : JSON.stringify(payload);
  const response = await fetch(`${url}/interactions`, {
    method: "POST",
    headers: headers ?? signedHeaders(keys.privateKey, body),
    body,
  });
  return { status: response.status, json: (await response.json()) as { type: number; data?: unknown } };
}

/** A slash command as Discord posts it to the endpoint, from one member in one server. */
const command = (name: string, options: unknown[]) => ({
  type: 2,
  id: "1",
  token: "tok",
  application_id: "app",
  guild_id: "g",
  member: { user: user("100000000000000001") },
  data: { id: "9", name, type: 1, options },
});

describe("the HTTP interactions endpoint", () => {
  let server: Server;
  let url: string;
  let board: Scoreboard;
  beforeAll(async () => {
    board = openScoreboard(":memory:");
    ({ server, url } = await startHttp(board));
  });
  afterAll(async () => {
    server.close();
    await board.close();
  });

  it("answers a signed PING with PONG", async () => {
    expect(await post(url, { type: 1 })).toEqual({ status: 200, json: { type: 1 } });
  });

  it("refuses a missing, wrong or stale signature with 401", async () => {
    const body = JSON.stringify({ type: 1 });
    expect((await post(url, body, { "content-type": "application/json" })).status).toBe(401);
    const other = testKeyPair();
    expect((await post(url, body, signedHeaders(other.privateKey, body))).status).toBe(401);
    const good = signedHeaders(keys.privateKey, body);
    expect((await post(url, JSON.stringify({ type: 2 }), good)).status).toBe(401);
    expect((await post(url, body, { ...good, "x-signature-ed25519": "zz" })).status).toBe(401);
    const old = Math.floor(Date.now() / 1000) - 301;
    expect((await post(url, body, signedHeaders(keys.privateKey, body, old))).status).toBe(401);
  });

  it("refuses a wrong content type, an oversized body and malformed JSON at once", async () => {
    const body = JSON.stringify({ type: 1 });
    const headers = { ...signedHeaders(keys.privateKey, body), "content-type": "text/plain" };
    expect((await post(url, body, headers)).status).toBe(415);
    const big = JSON.stringify({ type: 1, pad: "x".repeat(70 * 1024) });
    expect((await post(url, big)).status).toBe(413);
    expect((await post(url, "{not json")).status).toBe(400);
    expect((await post(url, "[]")).status).toBe(400);
    expect((await fetch(`${url}/interactions`)).status).toBe(405);
    expect((await fetch(`${url}/nope`)).status).toBe(404);
  });

  it("never crashes on odd but signed input: each gets an answer, and the server keeps serving", async () => {
    for (const odd of [
      { type: 2 },
      { type: 2, data: null },
      { type: 2, data: { name: "sector", type: 1, options: "nope" } },
      { type: 3, data: { custom_id: 42, component_type: 2 } },
      { type: 3, data: { custom_id: "v1:s:semiconductors", component_type: 2 } },
      { type: 4, data: { name: "sector", options: [{ name: "name", type: 3, focused: true }] } },
      { type: 5, data: {} },
      { type: 99 },
    ]) {
      const { status, json } = await post(url, odd);
      expect(status, JSON.stringify(odd)).toBe(200);
      expect([4, 8]).toContain(json.type);
    }
    expect(await post(url, { type: 1 })).toEqual({ status: 200, json: { type: 1 } });
  });

  it("reports health as small JSON", async () => {
    const response = await fetch(`${url}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      mode: "http",
      knowledgeBase: "test",
      scoreboard: { reachable: true },
    });
  });

  it("answers an unknown message context-menu command with a private notice", async () => {
    const { json } = await post(url, {
      type: 2,
      id: "1",
      token: "t",
      application_id: "2",
      guild_id: "3",
      member: { user: user("100000000000000001") },
      data: { id: "9", name: "Ask about this", type: 3, target_id: "5", resolved: { messages: {} } },
    });
    expect(json).toMatchObject({ type: 4, data: { flags: 64 } });
  });

  /** The log line the endpoint wrote for one interaction. */
  async function logged(payload: unknown) {
    const from = lines.length;
    await post(url, payload);
    const line = lines.slice(from).find((l) => l.includes('"event":"interaction"'));
    return { line: line ?? "", entry: JSON.parse(line ?? "{}") as Record<string, unknown> };
  }
  const interaction = (type: number, data: unknown) => ({
    type,
    id: "1",
    token: "t",
    application_id: "2",
    guild_id: "3",
    member: { user: user("100000000000000001") },
    data,
  });

  it.each([
    ["an unknown command", interaction(2, { id: "9", name: "nope", type: 1 }), "unknown-command"],
    ["a stale button", interaction(3, { custom_id: "v1:zz:nope", component_type: 2 }), "invalid-button"],
    ["a select menu", interaction(3, { custom_id: "v1:q", component_type: 3 }), "unsupported"],
    ["an unsupported interaction type", interaction(5, {}), "unsupported"],
    [
      "/ask answered",
      interaction(2, { id: "9", name: "ask", type: 1, options: [str("question", "Who issued the plan?")] }),
      "answered",
    ],
  ])("logs how it ended: %s", async (_name, payload, outcome) => {
    expect((await logged(payload)).entry).toMatchObject({ event: "interaction", transport: "http", outcome });
  });

  it("logs an /ask it declines with the query, so npm run misses counts it", async () => {
    const question = "best pizza in Naples";
    const { line, entry } = await logged(
      interaction(2, { id: "9", name: "ask", type: 1, options: [str("question", question)] }),
    );
    expect(entry).toMatchObject({ outcome: "no-match", query: question, command: "ask" });
    expect(summariseMisses([line])).toMatchObject([{ count: 1, example: question, commands: { ask: 1 } }]);
  });

  const FOR = "100000000000000077";
  const slowAsk = COMMANDS.map((c) =>
    c.name === "ask" && "run" in c
      ? {
          ...c,
          run: async (...args: Parameters<typeof c.run>) => {
            await new Promise((r) => setTimeout(r, 50));
            return c.run(...args);
          },
        }
      : c,
  );
  const slowBoard = (fault: boolean): Scoreboard => ({
    ...board,
    top: async (...args) => {
      await new Promise((r) => setTimeout(r, 50));
      if (fault) throw new ScoreboardUnavailable("unreachable");
      return board.top(...args);
    },
  });
  const scores = command("quiz", [{ type: 1, name: "scores", options: [] }]);
  const original = "http://127.0.0.1:9/api/v10/webhooks/app/tok/messages/@original";
  const followUp = "http://127.0.0.1:9/api/v10/webhooks/app/tok";
  const unavailable = new ScoreboardUnavailable("unreachable").text(translator("en"));

  it.each([
    {
      name: "/quiz scores: public, deferred publicly, the scores as the edit",
      payload: scores,
      fault: false,
      deferral: { type: 5 },
      calls: [{ method: "PATCH", url: original }],
      body: { embeds: [{ title: "Quiz scores" }] },
      outcome: "answered",
    },
    {
      name: "/quiz scores, scoreboard unreachable: the notice, privately, not the generic error",
      payload: scores,
      fault: true,
      deferral: { type: 5 },
      calls: [
        { method: "DELETE", url: original },
        { method: "POST", url: followUp },
      ],
      body: { content: unavailable, flags: 64, allowed_mentions: { parse: [] } },
      outcome: "scoreboard-unavailable",
    },
    {
      name: "/ask for:@member: public, the ping kept",
      payload: command("ask", [
        str("question", "Who issued the plan?"),
        { type: 6, name: "for", value: FOR },
      ]),
      fault: false,
      deferral: { type: 5 },
      calls: [{ method: "PATCH", url: original }],
      body: { content: `<@${FOR}>`, allowed_mentions: { parse: [], users: [FOR] } },
      outcome: "answered",
    },
    {
      name: "/ask private:true: deferred privately",
      payload: command("ask", [str("question", "Who issued the plan?"), bool("private", true)]),
      fault: false,
      deferral: { type: 5, data: { flags: 64 } },
      calls: [{ method: "PATCH", url: original }],
      body: { embeds: [{}] },
      outcome: "answered",
    },
  ])("a late answer: $name", async ({ payload, fault, deferral, calls: expected, body, outcome }) => {
    const calls: { url: string; method: string; body: string }[] = [];
    const fakeFetch = (async (target: string, init: RequestInit) => {
      calls.push({ url: target, method: String(init.method), body: String(init.body) });
      return new Response("{}", { status: 200 });
    }) as unknown as typeof fetch;
    const late = await startHttp(slowBoard(fault), { deadlineMs: 10, fetch: fakeFetch, commands: slowAsk });
    const from = lines.length;
    const { json } = await post(late.url, payload);
    expect(json).toEqual(deferral);
    await expect.poll(() => calls.length, { timeout: 2000 }).toBe(expected.length);
    expect(calls).toMatchObject(expected);
    expect(JSON.parse(calls.at(-1)?.body ?? "{}")).toMatchObject(body);
    // One log line, written when the late answer went out, with how the interaction really ended.
    await expect
      .poll(() => lines.slice(from).filter((l) => l.includes('"event":"interaction"')).length)
      .toBe(1);
    const line = JSON.parse(lines.slice(from).find((l) => l.includes('"event":"interaction"')) ?? "{}");
    expect(line).toMatchObject({ transport: "http", outcome, deferred: true });
    late.server.close();
  });
});

describe("shutting down in HTTP mode", () => {
  it("idle() waits for a deferred answer to reach the webhook, so shutdown does not drop it", async () => {
    const board = openScoreboard(":memory:");
    let release = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const calls: string[] = [];
    const answer = createRawInteractionHandler({
      context: {
        search,
        scoreboard: {
          ...board,
          top: async (...args) => {
            await gate;
            return board.top(...args);
          },
        },
        random: () => 0,
      },
      codec: createCustomIdCodec(search.kb),
      logger,
      apiUrl: "http://127.0.0.1:9/api",
      deadlineMs: 10,
      fetch: (async (target: string) => {
        await new Promise((r) => setTimeout(r, 20));
        calls.push(target);
        return new Response("{}", { status: 200 });
      }) as unknown as typeof fetch,
    });
    await answer.idle();
    const response = await answer(command("quiz", [{ type: 1, name: "scores", options: [] }]) as never);
    expect(response.type).toBe(5);
    let idle = false;
    const waiting = answer.idle().then(() => {
      idle = true;
    });
    await new Promise((r) => setTimeout(r, 50));
    expect(idle).toBe(false);
    release();
    await waiting;
    expect(calls).toEqual(["http://127.0.0.1:9/api/v10/webhooks/app/tok/messages/@original"]);
    await board.close();
  });
});

describe("the same replies over HTTP as over the gateway", () => {
  let double: DiscordDouble;
  let bot: Bot;
  let server: Server;
  let url: string;
  const gatewayBoard = openScoreboard(":memory:");
  const httpBoard = openScoreboard(":memory:");

  beforeAll(async () => {
    double = await startDiscordDouble();
    bot = await startBotOnDouble(double, {
      search,
      logger: createLogger("error", () => undefined),
      scoreboard: gatewayBoard,
      random: () => 0,
    });
    ({ server, url } = await startHttp(httpBoard));
  });
  afterAll(async () => {
    await bot?.stop();
    await double?.close();
    server?.close();
    await gatewayBoard.close();
    await httpBoard.close();
  });

  /** Both transports' answer to one payload: response type and body. */
  async function both(payload: Parameters<DiscordDouble["dispatch"]>[0]) {
    const viaGateway = await double.dispatch(payload);
    const viaHttp = await post(url, payload);
    expect(viaHttp.status).toBe(200);
    return { gateway: { type: viaGateway.type, data: viaGateway.data }, http: viaHttp.json };
  }

  it.each([
    ["/sector semiconductors", () => double.chatInput("sector", [str("name", "semiconductors")])],
    ["/sector private:true", () => double.chatInput("sector", [str("name", "NEV"), bool("private", true)])],
    ["/ask", () => double.chatInput("ask", [str("question", "Who issued the plan?")])],
    ["/ask, no match", () => double.chatInput("ask", [str("question", "best pizza in Naples")])],
    ["/sectors", () => double.chatInput("sectors")],
    ["/timeline", () => double.chatInput("timeline")],
    ["/learn", () => double.chatInput("learn")],
    ["/quiz question", () => double.chatInput("quiz", [{ type: 1, name: "question", options: [] }])],
    ["/help", () => double.chatInput("help")],
    ["autocomplete", () => double.autocomplete("sector", [str("name", "semi", true)])],
    ["button: a sector", () => double.button("v1:s:semiconductors")],
    [
      "button on a private message: next page",
      () => double.button("v1:sf:semiconductors:1", { messageFlags: 64 }),
    ],
    ["button: a new quiz question", () => double.button("v1:q")],
    ["button: forged", () => double.button("v1:zz:nope")],
  ])("%s", async (_name, payload) => {
    const { gateway, http } = await both(payload());
    expect(http.type).toBe(gateway.type);
    // discord.js may add fields of its own (tts, attachments): everything the HTTP answer holds must match.
    expect(gateway.data).toMatchObject(http.data as object);
  });

  it.each([
    [
      "/sector in zh-CN",
      () => double.chatInput("sector", [str("name", "芯片")], { locale: Locale.ChineseCN }),
    ],
    ["/sectors in zh-TW", () => double.chatInput("sectors", [], { locale: Locale.ChineseTW })],
    ["/help in zh-CN", () => double.chatInput("help", [], { locale: Locale.ChineseCN })],
    ["a button in zh-CN", () => double.button("v1:s:semiconductors", { locale: Locale.ChineseCN })],
    ["a forged button in zh-CN", () => double.button("v1:zz:nope", { locale: Locale.ChineseCN })],
    [
      "Explain this message",
      () =>
        double.messageCommand("Explain this message", {
          content: "Why does China still depend on foreign chips? <@100000000000000002> @everyone",
        }),
    ],
    [
      "Explain this message in zh-CN, in a DM",
      () =>
        double.messageCommand(
          "Explain this message",
          { content: "What about robots?" },
          { locale: Locale.ChineseCN, where: "dm", install: "user" },
        ),
    ],
    [
      "Explain this message on an image-only message",
      () =>
        double.messageCommand("Explain this message", {
          content: "",
          attachments: [
            { id: "1", filename: "a.png", size: 1, url: "https://x/a.png", proxy_url: "https://x/a.png" },
          ],
        }),
    ],
    ["an option of the wrong type", () => double.chatInput("sector", [{ type: 4, name: "name", value: 3 }])],
    ["a missing required option", () => double.chatInput("sector", [])],
    ["an unknown subcommand", () => double.chatInput("quiz", [{ type: 1, name: "nope", options: [] }])],
    ["an over-long sector name", () => double.chatInput("sector", [str("name", "\uFDFA".repeat(100))])],
  ])("%s: the same answer over HTTP", async (_name, payload) => {
    const { gateway, http } = await both(payload());
    expect(http.type).toBe(gateway.type);
    expect(gateway.data).toMatchObject(http.data as object);
  });

  it("a zh-CN interaction over HTTP gets Chinese interface text (English facts), after an English one", async () => {
    const en = await post(url, double.chatInput("sector", [str("name", "robotics")]));
    const zh = await post(
      url,
      double.chatInput("sector", [str("name", "robotics")], { locale: Locale.ChineseCN }),
    );
    const embed = (r: typeof en) => (r.json.data as { embeds: APIEmbed[] }).embeds[0] as APIEmbed;
    const labels = (r: typeof en) =>
      ((r.json.data as { components?: { components: { label?: string }[] }[] }).components ?? []).flatMap(
        (row) => row.components.map((c) => c.label),
      );
    expect(embed(en).fields?.map((f) => f.name)).toContain("Sources");
    expect(embed(zh).fields?.map((f) => f.name)).toContain("来源");
    expect(labels(zh)).toContain("更多事实");
    expect(embed(zh).footer?.text).toContain("事实条目为英文");
  });

  it("Explain this message over HTTP: private, the facts that answer it, nothing pings", async () => {
    const { json } = await post(
      url,
      double.messageCommand("Explain this message", {
        content: "Why does China still depend on foreign chips? <@100000000000000002> @everyone",
      }),
    );
    expect(json.type).toBe(4);
    const data = json.data as { flags?: number; embeds: APIEmbed[]; allowed_mentions: unknown };
    expect(data.flags).toBe(64);
    expect(data.embeds[0]?.description).toMatch(/\[1\]/);
    expect(data.embeds[0]?.fields?.some((f) => f.name === "Sources")).toBe(true);
    expect(data.allowed_mentions).toEqual({ parse: [] });
  });

  it("keys quiz scores like the gateway: a group DM by its channel, a DM by the member", async () => {
    const question = search.kb.questions[1];
    if (!question) throw new Error("no question");
    const codec = createCustomIdCodec(search.kb);
    const id = codec.encode({ type: "quiz-answer", questionId: question.id, choice: question.answer });
    const member = "100000000000000055";
    const inGroup = double.button(id, { where: "private-channel", user: { id: member } });
    const group = inGroup.channel?.id;
    expect(group).toBeTruthy();
    await both(inGroup);
    await both(double.button(id, { where: "dm", user: { id: member } }));
    for (const board of [httpBoard, gatewayBoard]) {
      expect((await board.rankOf(`private:${group}`, member))?.row.answered).toBe(1);
      expect((await board.rankOf(`dm:${member}`, member))?.row.answered).toBe(1);
    }
  });

  it("a quiz answer counts once on each transport's scoreboard, with the same private feedback", async () => {
    const question = search.kb.questions[0];
    if (!question) throw new Error("no question");
    const { codec } = { codec: createCustomIdCodec(search.kb) };
    const id = codec.encode({ type: "quiz-answer", questionId: question.id, choice: question.answer });
    const first = await both(double.button(id));
    expect(first.http.type).toBe(4);
    expect(first.gateway.data).toMatchObject(first.http.data as object);
    const again = await both(double.button(id));
    expect(again.gateway.data).toMatchObject(again.http.data as object);
    expect(JSON.stringify(again.http.data)).toContain("You already answered this one");
    expect((await httpBoard.top(double.guildId))[0]).toMatchObject({ answered: 1, correct: 1 });
  });
});
