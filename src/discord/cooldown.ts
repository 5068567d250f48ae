import { EN, type Translate } from "../i18n/index.ts";

/*
 * A per-member budget: each member has a small bucket of tokens per kind of interaction that refills
 * steadily. A member typing or clicking at a normal pace never notices; one flooding the bot is told to
 * wait a moment, and cannot take the bot's time from everyone else.
 */

export interface BudgetRule {
  /** How many in a quick row a member may send. */
  burst: number;
  /** Tokens regained per second. */
  perSecond: number;
}

/** Commands and buttons: 5 in a row, then one a second. Autocomplete: one per keystroke of fast typing. */
export const DEFAULT_BUDGETS = {
  command: { burst: 5, perSecond: 1 },
  autocomplete: { burst: 15, perSecond: 8 },
} as const satisfies Record<string, BudgetRule>;

export type BudgetKind = keyof typeof DEFAULT_BUDGETS;

export type BudgetDecision = { ok: true } | { ok: false; retryAfterMs: number };

/** Buckets kept at most; full buckets are dropped first when there are more. */
const MAX_MEMBERS = 10_000;

export interface Budget {
  take(kind: BudgetKind, memberId: string, now?: number): BudgetDecision;
}

/** Token buckets per member and kind. `now` is in milliseconds (tests pass it). */
export function createBudget(rules: Record<BudgetKind, BudgetRule> = DEFAULT_BUDGETS): Budget {
  const buckets = new Map<string, { tokens: number; at: number }>();
  const prune = (now: number) => {
    for (const [key, bucket] of buckets) {
      const rule = rules[key.split(":")[0] as BudgetKind];
      if (bucket.tokens + ((now - bucket.at) / 1000) * rule.perSecond >= rule.burst) buckets.delete(key);
    }
  };
  return {
    take(kind, memberId, now = performance.now()) {
      const rule = rules[kind];
      const key = `${kind}:${memberId}`;
      const bucket = buckets.get(key) ?? { tokens: rule.burst, at: now };
      const tokens = Math.min(rule.burst, bucket.tokens + ((now - bucket.at) / 1000) * rule.perSecond);
      if (tokens < 1) {
        buckets.set(key, { tokens, at: now });
        return { ok: false, retryAfterMs: Math.ceil(((1 - tokens) / rule.perSecond) * 1000) };
      }
      buckets.set(key, { tokens: tokens - 1, at: now });
      if (buckets.size > MAX_MEMBERS) prune(now);
      return { ok: true };
    },
  };
}

/** The notice a member gets when over budget: polite, says how long, in the language of `t`. */
export function cooldownMessage(retryAfterMs: number, t: Translate = EN): string {
  const seconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
  return t(seconds === 1 ? "notice.slowDown1" : "notice.slowDown", { seconds });
}
