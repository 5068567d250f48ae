import { describe, expect, it } from "vitest";
import type { Action, Audience, Reply } from "../../src/answer/reply.ts";
import { deferralOf, deliveryOf, type Trigger } from "../../src/discord/visibility.ts";

const reply = (audience: Audience): Reply => ({
  title: "t",
  fields: [],
  facts: [],
  citations: [],
  actions: [],
  audience,
});
const command = (options: { private?: boolean; for?: string } = {}): Trigger => ({
  kind: "command",
  private: options.private === true,
  for: options.for ?? null,
});
const click = (action: Action, onPrivateMessage = false): Trigger => ({
  kind: "click",
  action,
  onPrivateMessage,
});
const MEMBER = "100000000000000042";

describe("deliveryOf: who sees a reply, decided in one place", () => {
  it.each([
    ["a channel answer to a command", reply("channel"), command(), { how: "reply", ephemeral: false }],
    ["private:true", reply("channel"), command({ private: true }), { how: "reply", ephemeral: true }],
    ["an asker-only reply (a miss)", reply("asker"), command(), { how: "reply", ephemeral: true }],
    [
      "for:@member on a channel answer",
      reply("channel"),
      command({ for: MEMBER }),
      { how: "reply", ephemeral: false, mention: MEMBER },
    ],
    [
      "for:@member with private:true pings nobody",
      reply("channel"),
      command({ private: true, for: MEMBER }),
      { how: "reply", ephemeral: true },
    ],
    [
      "for:@member on a miss pings nobody",
      reply("asker"),
      command({ for: MEMBER }),
      { how: "reply", ephemeral: true },
    ],
    [
      "a click on a channel message",
      reply("channel"),
      click({ type: "lesson", index: 1 }),
      { how: "reply", ephemeral: true },
    ],
    [
      "a click on a private message",
      reply("channel"),
      click({ type: "lesson", index: 1 }, true),
      { how: "update", ephemeral: false },
    ],
    [
      "a new quiz question from the channel",
      reply("channel"),
      click({ type: "quiz" }),
      { how: "reply", ephemeral: false },
    ],
    ["no quiz question for that", reply("asker"), click({ type: "quiz" }), { how: "reply", ephemeral: true }],
    [
      "a quiz answer, even on a private question",
      reply("asker"),
      click({ type: "quiz-answer", questionId: "q", choice: 0 }, true),
      { how: "reply", ephemeral: true },
    ],
  ])("%s", (_name, given, trigger, expected) => {
    expect(deliveryOf(given, trigger)).toEqual(expected);
  });
});

describe("deferralOf: the visibility an answer not made yet is deferred with", () => {
  it.each([
    ["a command", command(), { how: "reply", ephemeral: false }],
    ["private:true", command({ private: true }), { how: "reply", ephemeral: true }],
    ["for:@member", command({ for: MEMBER }), { how: "reply", ephemeral: false, mention: MEMBER }],
    ["a click on a channel message", click({ type: "lesson", index: 1 }), { how: "reply", ephemeral: true }],
    [
      "a click on a private message",
      click({ type: "lesson", index: 1 }, true),
      { how: "update", ephemeral: false },
    ],
    ["a new quiz question", click({ type: "quiz" }), { how: "reply", ephemeral: false }],
    [
      "a quiz answer",
      click({ type: "quiz-answer", questionId: "q", choice: 0 }),
      { how: "reply", ephemeral: true },
    ],
  ])("%s", (_name, trigger, expected) => {
    expect(deferralOf(trigger)).toEqual(expected);
  });

  it("is deliveryOf's rule: an answer deferred privately is private once made, whatever its audience", () => {
    for (const trigger of [command({ private: true }), click({ type: "lesson", index: 1 })])
      for (const audience of ["asker", "channel"] as const)
        expect(deliveryOf(reply(audience), trigger).ephemeral).toBe(true);
  });
});
