import type { Action, Audience, Reply } from "../answer/reply.ts";

/** What made the bot answer: a slash command with its sharing options, or a click on a button. */
export type Trigger =
  | { kind: "command"; private: boolean; for: string | null }
  | { kind: "click"; action: Action; onPrivateMessage: boolean };

/** How an answer goes out: a new message or an edit of the clicked one, who sees it, and who is pinged. */
export interface Delivery {
  how: "reply" | "update";
  ephemeral: boolean;
  /** The member addressed with `for`, pinged alone; only on a message the channel sees. */
  mention?: string;
}

/**
 * The one place that decides who sees a reply. Commands: the reply's audience, unless the member asked for
 * `private`; `for` addresses a public answer to a member. Clicks: a private message is paged in place; on a
 * channel message the clicker gets their own private view, so one member's clicks never change what others
 * see, except a new quiz question, which goes to the channel so the group plays together. A quiz answer is
 * always a new private reply: it never replaces the question.
 */
export function deliveryOf(reply: Reply, trigger: Trigger): Delivery {
  return deliveryFor(reply.audience, trigger);
}

/**
 * Who will see an answer not made yet, from what is known before it is: the trigger alone (the `private`
 * option, `for`, where a click came from). The same rule as `deliveryOf` with the reply's audience unknown,
 * which counts as the channel: an answer is private up front only when it is sure to be. An HTTP answer
 * that misses the deadline is deferred with this visibility, which a later edit cannot change.
 */
export function deferralOf(trigger: Trigger): Delivery {
  return deliveryFor(undefined, trigger);
}

function deliveryFor(audience: Audience | undefined, trigger: Trigger): Delivery {
  if (trigger.kind === "command") {
    const ephemeral = trigger.private || audience === "asker";
    return trigger.for && !ephemeral
      ? { how: "reply", ephemeral, mention: trigger.for }
      : { how: "reply", ephemeral };
  }
  if (trigger.action.type === "quiz-answer") return { how: "reply", ephemeral: true };
  if (trigger.onPrivateMessage) return { how: "update", ephemeral: false };
  const toChannel = trigger.action.type === "quiz" && audience !== "asker";
  return { how: "reply", ephemeral: !toChannel };
}
