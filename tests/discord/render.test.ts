import { describe, expect, it } from "vitest";
import { querySet } from "../../eval/query-set.ts";
import { replyForAction } from "../../src/answer/actions.ts";
import {
  buildOverviewReply,
  buildSectorsReply,
  buildSourcesReply,
  buildTimelineReply,
  TIMELINE_PAGE_SIZE,
  timelineFacts,
} from "../../src/answer/catalogue.ts";
import { buildLessonReply } from "../../src/answer/lessons.ts";
import { buildQuizFeedbackReply, buildQuizQuestionReply, buildScoresReply } from "../../src/answer/quiz.ts";
import type { Reply } from "../../src/answer/reply.ts";
import { respondToQuestion, respondToSector } from "../../src/answer/respond.ts";
import { buildSectorReply, buildSectorSourcesReply, sectorPageCount } from "../../src/answer/sector.ts";
import { buildHelpReply } from "../../src/commands/help.ts";
import { COMMANDS } from "../../src/commands/table.ts";
import { createCustomIdCodec } from "../../src/discord/custom-id.ts";
import { escapeUserText, renderDiscord } from "../../src/discord/render.ts";
import { loadKnowledgeOrThrow } from "../../src/knowledge/load.ts";
import { createSearch } from "../../src/search/index.ts";
import { limitViolations } from "./limits.ts";

const kb = loadKnowledgeOrThrow();
const search = createSearch(kb);
const codec = createCustomIdCodec(kb);
const context = { search, scoreboard: null, random: Math.random };

/** Every reply a user can reach: every sector page and its sources, every timeline page, the catalogue, and
 * the answer (and its "More" page) to every query of the search query set. */
async function everyReply(): Promise<[string, Reply][]> {
  const replies: [string, Reply][] = [];
  for (const sector of kb.sectors) {
    for (let page = 0; page < sectorPageCount(kb, sector); page++)
      replies.push([`${sector.id} page ${page}`, buildSectorReply(kb, sector, page)]);
    replies.push([`${sector.id} sources`, buildSectorSourcesReply(kb, sector)]);
  }
  const timelinePages = Math.ceil(timelineFacts(kb).length / TIMELINE_PAGE_SIZE);
  for (let page = 0; page < timelinePages; page++)
    replies.push([`timeline ${page}`, buildTimelineReply(kb, page)]);
  replies.push(
    ["sectors", buildSectorsReply(kb)],
    ["overview", buildOverviewReply(kb)],
    ["sources", buildSourcesReply(kb)],
    ["help", buildHelpReply(COMMANDS)],
  );
  for (let i = 0; i < kb.lessons.length; i++) replies.push([`lesson ${i + 1}`, buildLessonReply(kb, i)]);
  for (const question of kb.questions) {
    replies.push([
      `quiz ${question.id}`,
      buildQuizQuestionReply(kb, question, { sectorId: "agricultural-machinery" }),
    ]);
    for (let choice = 0; choice < 4; choice++) {
      replies.push([
        `quiz ${question.id} answer ${choice}`,
        buildQuizFeedbackReply(kb, question, choice, null),
      ]);
    }
    replies.push([
      `quiz ${question.id} repeat`,
      buildQuizFeedbackReply(kb, question, 0, { counted: false, firstChoice: 3, firstCorrect: false }),
    ]);
  }
  const rows = Array.from({ length: 10 }, (_, i) => ({
    userId: `${10 ** 17 + i}`,
    answered: 9999,
    correct: 9999,
    streak: 999,
    bestStreak: 999,
  }));
  replies.push([
    "scores",
    buildScoresReply(rows, { rank: 12345, row: rows[0] as (typeof rows)[number], members: 99999 }),
  ]);
  for (const { query } of [...querySet.sectors, ...querySet.misses])
    replies.push([`/sector ${query}`, respondToSector(search, query)]);
  for (const { query } of [...querySet.questions, ...querySet.misses]) {
    const reply = respondToQuestion(search, query);
    replies.push([`/ask ${query}`, reply]);
    for (const action of reply.actions) {
      const next = await replyForAction(context, action.action, { scope: "test", userId: "test" });
      if (next) replies.push([`/ask ${query} › ${action.label}`, next]);
    }
  }
  return replies;
}

/** Every text a reply model holds, spans unwrapped; the echo of what a user typed aside. */
function textsOf(reply: Reply): string[] {
  const spans =
    typeof reply.summary === "string" || reply.summary === undefined ? [reply.summary] : reply.summary;
  return [
    reply.titleIsUserText ? undefined : reply.title,
    reply.subtitle,
    ...spans.map((span) => (typeof span === "object" ? Object.values(span)[0] : span)),
    ...reply.fields.flatMap((f) => [f.name, f.value, f.example]),
    ...(reply.choices ?? []).map((c) => c.text),
    ...reply.facts.map((f) => f.text),
    reply.footer,
    ...reply.actions.map((a) => a.label),
  ].filter((text): text is string => typeof text === "string");
}

describe("the reply model", () => {
  it("holds content, not markup: no bold, code or mention syntax in any reply a user can reach", async () => {
    const markup = (await everyReply()).flatMap(([name, reply]) =>
      textsOf(reply)
        .filter((text) => /\*\*|`|<@/.test(text))
        .map((text) => `${name}: ${text}`),
    );
    expect(markup).toEqual([]);
  });
});

const allReplies = await everyReply();
describe("every reply fits Discord's limits", () => {
  const replies = allReplies;

  it("covers every sector page, timeline page and query of the query set", () => {
    expect(replies.length).toBeGreaterThan(400);
  });

  it("breaks no limit, with or without a member addressed", () => {
    const problems = replies.flatMap(([name, reply]) =>
      [
        ...limitViolations(renderDiscord(reply, codec)),
        ...limitViolations(renderDiscord(reply, codec, { mention: "123456789012345678" })),
      ].map((p) => `${name}: ${p}`),
    );
    expect(problems).toEqual([]);
  });

  it("keeps every button working: each custom id decodes back to its action", () => {
    for (const [, reply] of replies) {
      for (const action of reply.actions)
        expect(codec.decode(codec.encode(action.action))).toEqual(action.action);
    }
  });

  it("shows every fact of a sector across its pages", () => {
    for (const sector of kb.sectors) {
      const shown = new Set<string>();
      for (let page = 0; page < sectorPageCount(kb, sector); page++) {
        const description =
          renderDiscord(buildSectorReply(kb, sector, page), codec).embeds[0]?.description ?? "";
        for (const fact of kb.factsBySector.get(sector.id) ?? [])
          if (description.includes(fact.text)) shown.add(fact.id);
      }
      expect(shown.size, sector.id).toBe(kb.factsBySector.get(sector.id)?.length);
    }
  });
});

describe("renderDiscord", () => {
  it("draws the sector card: names, coloured status, official sector, summary, facts, sources, buttons", () => {
    const sector = kb.sectorById.get("semiconductors");
    if (!sector) throw new Error("no semiconductors");
    const message = renderDiscord(buildSectorReply(kb, sector), codec);
    const embed = message.embeds[0];
    expect(embed?.title).toBe("Semiconductors · 半导体");
    expect(embed?.color).toBe(0xc62828);
    expect(embed?.description).toContain(sector.summary);
    expect(embed?.description).toMatch(/`[HM]`/);
    expect(embed?.fields?.map((f) => f.name)).toEqual(
      expect.arrayContaining(["Official key sector", "Sources"]),
    );
    expect(embed?.footer?.text).toMatch(/as of/);
    const labels = message.components.flatMap((row) =>
      row.components.map((b) => ("label" in b ? b.label : "")),
    );
    expect(labels).toEqual(expect.arrayContaining(["More facts", "Sources"]));
    expect(message.flags).toBeUndefined();
    expect(message.allowedMentions).toEqual({ parse: [] });
  });

  it("addresses a member by pinging only them, and never in a private reply's flags", () => {
    const message = renderDiscord(buildSectorsReply(kb), codec, { mention: "123456789012345678" });
    expect(message.content).toBe("<@123456789012345678>");
    expect(message.allowedMentions).toEqual({ parse: [], users: ["123456789012345678"] });
    expect(renderDiscord(buildSectorsReply(kb), codec, { ephemeral: true }).flags).toBe(64);
  });

  it.each([
    ["@everyone look", "@\u200beveryone look"],
    ["<@123456789012345678>", "<\u200b@\u200b123456789012345678>"],
    ["**bold** _it_", "\\*\\*bold\\*\\* \\_it\\_"],
    ["[click](https://evil.example)", "\\[click](https://evil.example)"],
    ["# Heading", "\\# Heading"],
    ["- item", "\\- item"],
  ])("escapes what the user typed: %j", (input, expected) => {
    expect(escapeUserText(input)).toBe(expected);
  });

  it("echoes an escaped question as the title, cut to 256 characters", () => {
    const message = renderDiscord(respondToQuestion(search, `**${"chips ".repeat(45)}**`), codec);
    expect(message.embeds[0]?.title?.length).toBeLessThanOrEqual(256);
    expect(message.embeds[0]?.title?.startsWith("\\*\\*")).toBe(true);
  });
});
