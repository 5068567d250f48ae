import { DefaultRestOptions, type ResponseLike } from "discord.js";

/*
 * discord.js retries a 429 after its Retry-After header, without counting the retry. A 429 with no usable
 * Retry-After (missing, not a number, zero) made it retry at once, about 1,500 times in 4 s. This wraps the
 * REST client's `makeRequest`: such a 429 gets a Retry-After of its own that doubles each time (so
 * discord.js waits), and after `maxAttempts` in a row on one route the request fails instead of spinning.
 */

type MakeRequest = (url: string, init: RequestInit) => Promise<ResponseLike>;

export interface BackoffOptions {
  /** 429s without a usable Retry-After, in a row on one route, before the request fails. */
  maxAttempts: number;
  /** The first wait; each further 429 doubles it, up to `maxDelayMs`. */
  baseDelayMs: number;
  maxDelayMs: number;
  /** Told about each wait (for the log). */
  onBackoff?: (info: { route: string; attempt: number; waitMs: number }) => void;
}

/** 250 ms, 500 ms, 1 s, then give up: an interaction's 3 s are gone by then anyway. */
export const DEFAULT_BACKOFF: BackoffOptions = { maxAttempts: 3, baseDelayMs: 250, maxDelayMs: 2000 };

/** Thrown when a route keeps answering 429 without saying how long to wait. */
export class RateLimitedWithoutRetryAfter extends Error {
  override name = "RateLimitedWithoutRetryAfter";
}

/** A Retry-After Discord gave that discord.js can wait on: a positive number of seconds. */
export function usableRetryAfter(value: string | null): boolean {
  if (value === null || value.trim() === "") return false;
  const seconds = Number(value);
  return Number.isFinite(seconds) && seconds > 0;
}

/** The wait before attempt `attempt` (1-based): base, 2×base, 4×base, … capped. */
export function backoffDelay(attempt: number, { baseDelayMs, maxDelayMs }: BackoffOptions): number {
  return Math.min(maxDelayMs, baseDelayMs * 2 ** Math.max(0, attempt - 1));
}

/**
 * The method and path of a request with interaction and webhook tokens replaced by `:token`, for logs and
 * error messages: a token lets whoever reads it answer or edit as the bot for 15 minutes.
 */
export function redactedRoute(method: string, url: string): string {
  const path = url.split("?")[0] ?? "";
  return `${method} ${path.replace(/\/(interactions|webhooks)\/([^/]+)\/[^/]+/, "/$1/$2/:token")}`;
}

/** `makeRequest` for discord.js's `rest` options, bounding 429s that carry no Retry-After. */
export function boundedMakeRequest(
  options: BackoffOptions = DEFAULT_BACKOFF,
  inner: MakeRequest = DefaultRestOptions.makeRequest as MakeRequest,
): MakeRequest {
  /** Consecutive unusable 429s per method and path (tokens redacted); forgotten on any other answer. */
  const streaks = new Map<string, number>();
  return async (url, init) => {
    const route = redactedRoute(init.method ?? "GET", url);
    const res = await inner(url, init);
    if (res.status !== 429 || usableRetryAfter(res.headers.get("Retry-After"))) {
      streaks.delete(route);
      return res;
    }
    const attempt = (streaks.get(route) ?? 0) + 1;
    if (attempt > options.maxAttempts) {
      streaks.delete(route);
      throw new RateLimitedWithoutRetryAfter(
        `Discord answered 429 without Retry-After ${options.maxAttempts + 1} times in a row on ${route}; gave up`,
      );
    }
    streaks.set(route, attempt);
    const waitMs = backoffDelay(attempt, options);
    options.onBackoff?.({ route, attempt, waitMs });
    const headers = new Headers(res.headers);
    headers.set("Retry-After", String(waitMs / 1000));
    return {
      body: res.body,
      arrayBuffer: () => res.arrayBuffer(),
      json: () => res.json(),
      text: () => res.text(),
      get bodyUsed() {
        return res.bodyUsed;
      },
      headers,
      status: res.status,
      statusText: res.statusText,
      ok: res.ok,
    };
  };
}
