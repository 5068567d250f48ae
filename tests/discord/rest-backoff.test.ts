import type { ResponseLike } from "discord.js";
import { describe, expect, it } from "vitest";
import {
  backoffDelay,
  boundedMakeRequest,
  RateLimitedWithoutRetryAfter,
  redactedRoute,
  usableRetryAfter,
} from "../../src/discord/rest-backoff.ts";

const reply = (status: number, headers: Record<string, string> = {}): ResponseLike =>
  ({
    status,
    statusText: "",
    ok: status < 300,
    headers: new Headers(headers),
    body: null,
    bodyUsed: false,
    arrayBuffer: async () => new ArrayBuffer(0),
    json: async () => ({}),
    text: async () => "",
  }) as unknown as ResponseLike;

const options = { maxAttempts: 3, baseDelayMs: 250, maxDelayMs: 2000 };

describe("429 without a usable Retry-After", () => {
  it.each([
    [null, false],
    ["", false],
    ["0", false],
    ["soon", false],
    ["-1", false],
    ["0.5", true],
    ["3", true],
  ])("Retry-After %j usable: %s", (value, usable) => {
    expect(usableRetryAfter(value)).toBe(usable);
  });

  it.each([
    [1, 250],
    [2, 500],
    [3, 1000],
    [6, 2000],
  ])("attempt %i waits %i ms", (attempt, ms) => {
    expect(backoffDelay(attempt, options)).toBe(ms);
  });

  it("gets a Retry-After of its own, doubling, then fails instead of spinning", async () => {
    let calls = 0;
    const make = boundedMakeRequest(options, async () => {
      calls++;
      return reply(429);
    });
    const waits: (string | null)[] = [];
    for (let i = 0; i < 3; i++)
      waits.push((await make("http://x/api/a", { method: "POST" })).headers.get("Retry-After"));
    expect(waits).toEqual(["0.25", "0.5", "1"]);
    await expect(make("http://x/api/a", { method: "POST" })).rejects.toBeInstanceOf(
      RateLimitedWithoutRetryAfter,
    );
    expect(calls).toBe(4);
  });

  it("leaves answers with a Retry-After, and other answers, as they are; a success resets the count", async () => {
    const answers = [reply(429), reply(429, { "Retry-After": "2" }), reply(200), reply(429)];
    const make = boundedMakeRequest(options, async () => answers.shift() ?? reply(200));
    expect((await make("http://x/api/b", {})).headers.get("Retry-After")).toBe("0.25");
    expect((await make("http://x/api/b", {})).headers.get("Retry-After")).toBe("2");
    expect((await make("http://x/api/b", {})).status).toBe(200);
    expect((await make("http://x/api/b", {})).headers.get("Retry-After")).toBe("0.25");
  });
});

describe("interaction and webhook tokens never reach a log line or an error message", () => {
  const token = "aW50ZXJhY3Rpb246MTIzNDU2Nzg5OnNlY3JldC10b2tlbi12YWx1ZQ";
  it.each([
    [
      "an interaction callback",
      `https://discord.com/api/v10/interactions/123/${token}/callback?with_response=true`,
    ],
    ["a follow-up", `https://discord.com/api/v10/webhooks/456/${token}`],
    ["an edit of the original", `https://discord.com/api/v10/webhooks/456/${token}/messages/@original`],
  ])("%s", async (_what, url) => {
    const logged: string[] = [];
    const make = boundedMakeRequest(
      { ...options, onBackoff: (info) => logged.push(JSON.stringify(info)) },
      async () => reply(429),
    );
    for (let i = 0; i < 3; i++) await make(url, { method: "POST" });
    const error = await make(url, { method: "POST" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RateLimitedWithoutRetryAfter);
    expect(logged).toHaveLength(3);
    for (const text of [...logged, String((error as Error).message), String((error as Error).stack)]) {
      expect(text).not.toContain(token);
      expect(text).toContain(":token");
    }
  });

  it("the redacted route keeps the method and the ids", () => {
    expect(redactedRoute("POST", `http://x/api/v10/interactions/123/${token}/callback?a=1`)).toBe(
      "POST http://x/api/v10/interactions/123/:token/callback",
    );
    expect(redactedRoute("GET", "http://x/api/v10/gateway/bot")).toBe("GET http://x/api/v10/gateway/bot");
  });
});
