import { mkdtempSync, rmSync } from "node:fs";
import { createServer as createHttpServer } from "node:http";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { startEntry } from "../entry.ts";
import { signedHeaders, testKeyPair } from "./sign.ts";

// `INTERACTIONS_MODE=http npm start` as a deployment runs it: the real entry in its own process.
const dataDir = mkdtempSync(join(tmpdir(), "mic2025-http-entry-"));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

/** `npm start` with `env`, its scoreboard in a temporary folder. */
const start = (env: Record<string, string>) => startEntry({ DATA_DIR: dataDir, ...env });

/**
 * Discord's side of a deferred answer: the interaction webhook, on loopback. A cold first answer on a loaded
 * machine may miss the reply deadline and go out this way instead of in the HTTP response.
 */
async function webhookCatcher() {
  const bodies: string[] = [];
  const server = createHttpServer((req, res) => {
    let body = "";
    req.on("data", (chunk) => {
      body += chunk;
    });
    req.on("end", () => {
      bodies.push(body);
      res.writeHead(200, { "content-type": "application/json" }).end("{}");
    });
  });
  const port = await new Promise<number>((resolve) =>
    server.listen(0, "127.0.0.1", () => resolve((server.address() as { port: number }).port)),
  );
  return { url: `http://127.0.0.1:${port}`, bodies, close: () => server.close() };
}

const freePort = () =>
  new Promise<number>((resolve) => {
    const probe = createServer().listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });

describe("INTERACTIONS_MODE=http npm start", () => {
  it("without DISCORD_PUBLIC_KEY: one line, exit 1", async () => {
    const run = start({ INTERACTIONS_MODE: "http" });
    expect(await run.exited).toBe(1);
    expect(run.output()).toContain("DISCORD_PUBLIC_KEY is not set");
    expect(run.output().trim().split("\n")).toHaveLength(1);
  });

  it("serves /healthz and signed interactions without a bot token, and stops cleanly on SIGTERM", async () => {
    const keys = testKeyPair();
    const port = await freePort();
    const webhook = await webhookCatcher();
    const run = start({
      DISCORD_API_URL: webhook.url,
      INTERACTIONS_MODE: "http",
      HOST: "127.0.0.1",
      PORT: String(port),
      DISCORD_PUBLIC_KEY: keys.publicKeyHex,
    });
    await expect.poll(() => run.output(), { timeout: 15_000 }).toContain('"event":"listening"');
    const health = await fetch(`http://127.0.0.1:${port}/healthz`);
    expect(await health.json()).toMatchObject({
      mode: "http",
      scoreboard: { kind: "sqlite", reachable: true },
    });
    const body = JSON.stringify({
      type: 2,
      id: "1",
      token: "t",
      application_id: "2",
      guild_id: "3",
      member: { user: { id: "100000000000000001", username: "tester" } },
      data: { id: "9", name: "sector", type: 1, options: [{ type: 3, name: "name", value: "chips" }] },
    });
    const response = await fetch(`http://127.0.0.1:${port}/interactions`, {
      method: "POST",
      headers: signedHeaders(keys.privateKey, body),
      body,
    });
    const json = (await response.json()) as { type: number; data?: { embeds?: { title: string }[] } };
    // Answered in the response (type 4), or deferred (type 5) and then sent to the interaction webhook.
    expect([4, 5]).toContain(json.type);
    const title = async () => {
      if (json.type === 4) return json.data?.embeds?.[0]?.title ?? "";
      const late = webhook.bodies.map((b) => JSON.parse(b) as { embeds?: { title: string }[] });
      return late.find((b) => b.embeds?.length)?.embeds?.[0]?.title ?? "";
    };
    await expect.poll(title, { timeout: 10_000 }).toContain("Semiconductors");
    webhook.close();
    run.child.kill("SIGTERM");
    expect(await run.exited).toBe(0);
  });
});
