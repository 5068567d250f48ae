import type { KeyObject } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { Logger } from "../logger.ts";
import { verifyInteraction } from "./verify.ts";

/*
 * Discord's outgoing-webhook transport: `POST /interactions` signed with Ed25519, answered in the HTTP
 * response, and `GET /healthz` for a load balancer. This file knows HTTP and signatures only; what an
 * interaction means is the handler's business (the entry wires in the Discord adapter's raw handler).
 */

/** Interaction bodies are a few KiB; a message context-menu target with embeds stays well under this. */
export const MAX_BODY_BYTES = 256 * 1024;

export interface InteractionsServerDeps {
  publicKey: KeyObject;
  /** Answers a verified, parsed interaction with the response body. Must not throw (it is caught anyway). */
  handle(interaction: { type: number } & Record<string, unknown>): Promise<unknown>;
  /** The small JSON `GET /healthz` returns. */
  health(): Promise<Record<string, unknown>>;
  logger: Logger;
  now?: () => number;
  maxBodyBytes?: number;
}

function send(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    "content-type": "application/json",
    "content-length": Buffer.byteLength(text),
  });
  res.end(text);
}

/** Refuses a request without reading its body; the connection closes so a large upload stops. */
function refuse(res: ServerResponse, status: number, error: string): void {
  res.setHeader("connection", "close");
  send(res, status, { error });
}

/** Reads the body up to `max` bytes; null when it is longer. */
function readBody(req: IncomingMessage, max: number): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > max) {
        resolve(null);
        req.removeAllListeners("data");
        req.resume();
        return;
      }
      chunks.push(chunk);
    });
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });
}

/** Builds the server (not listening yet). */
export function createInteractionsServer(deps: InteractionsServerDeps): Server {
  const { publicKey, handle, health, logger } = deps;
  const now = deps.now ?? Date.now;
  const max = deps.maxBodyBytes ?? MAX_BODY_BYTES;

  async function interactions(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const signature = req.headers["x-signature-ed25519"];
    const timestamp = req.headers["x-signature-timestamp"];
    if (typeof signature !== "string" || typeof timestamp !== "string")
      return refuse(res, 401, "missing signature");
    const type = String(req.headers["content-type"] ?? "")
      .split(";")[0]
      ?.trim()
      .toLowerCase();
    if (type !== "application/json") return refuse(res, 415, "content type must be application/json");
    const declared = Number(req.headers["content-length"] ?? 0);
    if (declared > max) return refuse(res, 413, "body too large");
    const body = await readBody(req, max);
    if (!body) return refuse(res, 413, "body too large");
    if (!verifyInteraction(publicKey, signature, timestamp, body, now()))
      return refuse(res, 401, "invalid request signature");
    let parsed: unknown;
    try {
      parsed = JSON.parse(body.toString("utf8"));
    } catch {
      return send(res, 400, { error: "malformed JSON" });
    }
    if (
      typeof parsed !== "object" ||
      parsed === null ||
      typeof (parsed as { type?: unknown }).type !== "number"
    )
      return send(res, 400, { error: "not an interaction" });
    send(res, 200, await handle(parsed as { type: number } & Record<string, unknown>));
  }

  return createServer(
    { requestTimeout: 10_000, headersTimeout: 5_000, keepAliveTimeout: 65_000 },
    (req, res) => {
      const path = (req.url ?? "/").split("?")[0];
      const route =
        path === "/interactions"
          ? req.method === "POST"
            ? interactions(req, res)
            : Promise.resolve(refuse(res, 405, "use POST"))
          : path === "/healthz"
            ? req.method === "GET" || req.method === "HEAD"
              ? health().then((h) => send(res, 200, h))
              : Promise.resolve(refuse(res, 405, "use GET"))
            : Promise.resolve(refuse(res, 404, "not found"));
      route.catch((error: unknown) => {
        logger.error("http_request_failed", { path, error });
        if (!res.headersSent) send(res, 500, { error: "internal error" });
        else res.destroy();
      });
    },
  );
}
