/**
 * End to end for the study tools (/learn, /quiz, their buttons and the scoreboard): the production bot
 * (createBot over the real config, knowledge, search, logger and a SQLite scoreboard on a real file) logs
 * in to the Discord double on 127.0.0.1. Assertions are on what members would see: callback type,
 * ephemeral flag, embed title/description/fields and buttons, as the double recorded them.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type {
  APIApplicationCommandInteractionDataBasicOption,
  APIApplicationCommandInteractionDataOption,
} from "discord-api-types/v10";
import { Locale, ApplicationCommandOptionType as Opt } from "discord-api-types/v10";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CHOICE_LETTERS, quizQuestionsFor } from "../../src/answer/quiz.ts";
import type { Bot } from "../../src/discord/bot.ts";
import { factCode } from "../../src/discord/custom-id.ts";
import { truncate } from "../../src/discord/limits.ts";
import type { DiscordMessage } from "../../src/discord/render.ts";
import { type KnowledgeBase, loadKnowledgeOrThrow } from "../../src/knowledge/load.ts";
import type { QuizQuestion } from "../../src/knowledge/schema.ts";
import { createLogger } from "../../src/logger.ts";
import { createSearch, type Search } from "../../src/search/index.ts";
import { openScoreboard, type Scoreboard } from "../../src/storage/scoreboard.ts";
import {
  type DiscordDouble,
  type InteractionExtras,
  type RecordedCallback,
  startDiscordDouble,
} from "./double.ts";
import { startBotOnDouble } from "./harness.ts";
import { limitViolations } from "./limits.ts";
import { buttonsOf, EPHEMERAL, embedOf, isEphemeral, sent } from "./wire.ts";

const MEMBER_1 = "100000000000000001";
const MEMBER_2 = "100000000000000002";
const MEMBER_3 = "100000000000000003";
const GUILD_B = "300000000000000002";
const GUILD_C = "300000000000000003";

const titleOf = (callback: RecordedCallback) => embedOf(callback).title ?? "";
const descriptionOf = (callback: RecordedCallback) => embedOf(callback).description ?? "";
const labelsOf = (callback: RecordedCallback) => buttonsOf(callback).map((b) => b.label);
/** The custom id of the button labelled exactly `label`, or undefined when there is none. */
const buttonId = (callback: RecordedCallback, label: string) =>
  buttonsOf(callback).find((b) => b.label === label)?.custom_id;

/** Every Discord limit, checked on the wire shape by adapting it to tests/discord/limits.ts. */
function violations(callback: RecordedCallback): string[] {
  const data = sent(callback);
  const parse = data.allowed_mentions?.parse ?? ["(allowed_mentions missing)"];
  return limitViolations({
    ...(data.content !== undefined ? { content: data.content } : {}),
    embeds: data.embeds ?? [],
    components: (data.components ?? []) as DiscordMessage["components"],
    allowedMentions: { parse: parse as [] },
  });
}

describe("study tools end to end: /learn, /quiz and the scoreboard through the Discord double", () => {
  let double: DiscordDouble;
  let bot: Bot;
  let scoreboard: Scoreboard;
  let folder: string;
  let file: string;
  let kb: KnowledgeBase;
  let search: Search;
  const logs: string[] = [];
  /** The bot's random source: tests set it to pick a given question. */
  let next = 0;

  const startBot = async () => {
    scoreboard = openScoreboard(file);
    bot = await startBotOnDouble(double, {
      search,
      logger: createLogger("info", (line) => logs.push(line)),
      scoreboard,
      random: () => next,
    });
  };

  const member = (id: string): InteractionExtras => ({ user: { id } });
  /** The `guild` of a payload moved to another server (guild_id is set next to it). */
  const otherGuild = (id: string) => ({ id, features: [], locale: Locale.EnglishUS });
  const learn = (options: APIApplicationCommandInteractionDataOption[] = [], extras?: InteractionExtras) =>
    double.dispatch(double.chatInput("learn", options, extras));
  const quiz = (
    sub: "question" | "scores",
    options: APIApplicationCommandInteractionDataBasicOption[] = [],
    extras?: InteractionExtras,
    guildId?: string,
  ) => {
    const payload = double.chatInput("quiz", [{ type: Opt.Subcommand, name: sub, options }], extras);
    if (!guildId) return double.dispatch(payload);
    const data = { ...payload.data, guild_id: guildId };
    return double.dispatch({ ...payload, guild_id: guildId, guild: otherGuild(guildId), data });
  };
  const click = (customId: string, extras: InteractionExtras = {}, guildId?: string) => {
    const payload = double.button(customId, extras);
    if (!guildId) return double.dispatch(payload);
    return double.dispatch({ ...payload, guild_id: guildId, guild: otherGuild(guildId) });
  };
  /** The question a question message is about, from the code in its A button. */
  const questionOf = (callback: RecordedCallback): QuizQuestion => {
    const code = /^v1:qa:([0-9a-z]+):0$/.exec(buttonsOf(callback)[0]?.custom_id ?? "")?.[1];
    const question = kb.questions.find((q) => factCode(q.id) === code);
    if (!question) throw new Error(`not a question message: ${JSON.stringify(sent(callback))}`);
    return question;
  };
  /** `random` that makes pickQuestion choose index `i` of a pool of `n`. */
  const pick = (i: number, n: number) => {
    next = (i + 0.5) / n;
  };
  const answerId = (question: QuizQuestion, choice: number) => `v1:qa:${factCode(question.id)}:${choice}`;
  const rightAnswer = (q: QuizQuestion) => `${CHOICE_LETTERS[q.answer]}. ${q.choices[q.answer]}`;

  /** Checks a question message: title, the four answers in order, then "Another question". */
  const expectQuestionMessage = (callback: RecordedCallback, question: QuizQuestion, another: string) => {
    expect(titleOf(callback)).toBe(truncate(`Quiz: ${question.question}`, 256));
    const buttons = buttonsOf(callback);
    expect(buttons.map((b) => b.custom_id)).toEqual([
      ...question.choices.map((_, i) => answerId(question, i)),
      another,
    ]);
    expect(buttons.map((b) => b.label)).toEqual([
      ...question.choices.map((c, i) => truncate(`${CHOICE_LETTERS[i]}. ${c}`, 80)),
      "Another question",
    ]);
    for (const [i, choice] of question.choices.entries())
      expect(descriptionOf(callback)).toContain(`**${CHOICE_LETTERS[i]}.** ${choice}`);
  };

  beforeAll(async () => {
    kb = loadKnowledgeOrThrow();
    search = createSearch(kb);
    folder = mkdtempSync(join(tmpdir(), "mic2025-study-e2e-"));
    file = join(folder, "scoreboard.sqlite");
    double = await startDiscordDouble();
    await startBot();
  });

  afterAll(async () => {
    await bot?.stop();
    scoreboard?.close();
    await double?.close();
    if (folder) rmSync(folder, { recursive: true, force: true });
  });

  describe("/learn", () => {
    it("walks every lesson forward with Next and back with Back, in place once private", async () => {
      const count = kb.lessons.length;
      expect(count).toBeGreaterThan(2);
      const first = await learn();
      expect(first.type).toBe(4);
      expect(isEphemeral(first)).toBe(false);
      expect(titleOf(first)).toBe(`Lesson 1 of ${count}: ${kb.lessons[0]?.title}`);
      expect(descriptionOf(first)).toContain(kb.lessons[0]?.intro ?? "(no intro)");
      expect(labelsOf(first)).not.toContain("Back");
      expect(buttonId(first, "Next")).toBe("v1:l:1");

      // A click on the public lesson: the clicker gets a private copy, the channel's message stays.
      const publicNext = buttonId(first, "Next") ?? "";
      let current = await click(publicNext);
      expect(current.type).toBe(4);
      expect(isEphemeral(current)).toBe(true);
      expect(titleOf(current)).toBe(`Lesson 2 of ${count}: ${kb.lessons[1]?.title}`);
      expect(violations(current)).toEqual([]);

      // From there on the clicks are on that private message: it is paged in place.
      for (let index = 2; index < count; index++) {
        const nextId = buttonId(current, "Next");
        expect(nextId, `Next on lesson ${index}`).toBe(`v1:l:${index}`);
        current = await click(nextId ?? "", { messageFlags: EPHEMERAL });
        expect(current.type).toBe(7);
        expect(titleOf(current)).toBe(`Lesson ${index + 1} of ${count}: ${kb.lessons[index]?.title}`);
        expect(embedOf(current).footer?.text).toContain(`Lesson ${index + 1} of ${count}`);
        expect(buttonId(current, "Back")).toBe(`v1:l:${index - 1}`);
        expect(violations(current)).toEqual([]);
      }
      expect(labelsOf(current)).not.toContain("Next");

      for (let index = count - 2; index >= 0; index--) {
        const backId = buttonId(current, "Back");
        expect(backId, `Back on lesson ${index + 2}`).toBe(`v1:l:${index}`);
        current = await click(backId ?? "", { messageFlags: EPHEMERAL });
        expect(current.type).toBe(7);
        expect(titleOf(current)).toBe(`Lesson ${index + 1} of ${count}: ${kb.lessons[index]?.title}`);
        expect(buttonId(current, "Next")).toBe(`v1:l:${index + 1}`);
        expect(violations(current)).toEqual([]);
      }
      expect(labelsOf(current)).not.toContain("Back");
      // Clicks on the public lesson never edited it.
      expect(double.webhookCalls.filter((c) => c.token === first.token)).toEqual([]);
    });

    it("every lesson, opened by a public click, is private and within Discord's limits", async () => {
      for (let index = 0; index < kb.lessons.length; index++) {
        const reply = await click(`v1:l:${index}`);
        expect(reply.type).toBe(4);
        expect(isEphemeral(reply)).toBe(true);
        expect(titleOf(reply)).toMatch(new RegExp(`^Lesson ${index + 1} of ${kb.lessons.length}: `));
        expect(violations(reply), `lesson ${index + 1}`).toEqual([]);
      }
    });

    it('"Quiz me on this" posts a question drawn from that lesson', async () => {
      next = 0;
      let lessonsWithQuestions = 0;
      for (let index = 0; index < kb.lessons.length; index++) {
        const pool = quizQuestionsFor(kb, { lesson: index });
        const lesson = await click(`v1:l:${index}`);
        const quizId = buttonId(lesson, "Quiz me on this");
        if (!pool.length) {
          expect(quizId).toBeUndefined();
          continue;
        }
        lessonsWithQuestions++;
        expect(quizId).toBe(`v1:q:l:${index}`);
        const lessonFacts = new Set(kb.lessons[index]?.factIds);
        for (const [flags, type] of [
          [undefined, 4],
          [EPHEMERAL, 7],
        ] as const) {
          pick(pool.length - 1, pool.length);
          const reply = await click(quizId ?? "", { messageFlags: flags });
          expect(reply.type).toBe(type);
          // From a channel message, the new question goes to the channel, so the group plays together.
          if (type === 4) expect(isEphemeral(reply)).toBe(false);
          const question = questionOf(reply);
          expect(question.id).toBe(pool[pool.length - 1]?.id);
          expect(question.factIds.some((id) => lessonFacts.has(id))).toBe(true);
          expectQuestionMessage(reply, question, `v1:q:l:${index}`);
          expect(violations(reply)).toEqual([]);
        }
      }
      expect(lessonsWithQuestions).toBeGreaterThan(0);
      next = 0;
    });

    it("/learn lesson:3 jumps to lesson 3; private:true answers privately", async () => {
      const count = kb.lessons.length;
      const third = await learn([{ type: Opt.Integer, name: "lesson", value: 3 }]);
      expect(third.type).toBe(4);
      expect(isEphemeral(third)).toBe(false);
      expect(titleOf(third)).toBe(`Lesson 3 of ${count}: ${kb.lessons[2]?.title}`);
      expect(buttonId(third, "Back")).toBe("v1:l:1");
      expect(buttonId(third, "Next")).toBe("v1:l:3");

      const hidden = await learn([
        { type: Opt.Integer, name: "lesson", value: count },
        { type: Opt.Boolean, name: "private", value: true },
      ]);
      expect(hidden.type).toBe(4);
      expect(isEphemeral(hidden)).toBe(true);
      expect(titleOf(hidden)).toBe(`Lesson ${count} of ${count}: ${kb.lessons[count - 1]?.title}`);
      expect(labelsOf(hidden)).not.toContain("Next");
    });

    it("a lesson number past the end gets a private notice (the option allows up to 12)", async () => {
      const reply = await learn([{ type: Opt.Integer, name: "lesson", value: kb.lessons.length + 1 }]);
      expect(reply.type).toBe(4);
      expect(isEphemeral(reply)).toBe(true);
      expect(titleOf(reply)).toBe("No such lesson");
      expect(descriptionOf(reply)).toContain(`lessons 1 to ${kb.lessons.length}`);
    });
  });

  describe("/quiz", () => {
    let question: QuizQuestion;
    let questionToken: string;

    it("/quiz question posts a public question with A–D and Another question", async () => {
      next = 0;
      const posted = await quiz("question");
      expect(posted.type).toBe(4);
      expect(isEphemeral(posted)).toBe(false);
      question = questionOf(posted);
      expect(question.id).toBe(kb.questions[0]?.id);
      expectQuestionMessage(posted, question, "v1:q");
      expect(descriptionOf(posted)).toContain("Your first answer counts");
      expect(embedOf(posted).footer?.text).toBe("Scores: /quiz scores");
      expect(violations(posted)).toEqual([]);
      questionToken = posted.token;
    });

    it("answers are private: right, wrong, then a second click that does not count", async () => {
      const wrong = (question.answer + 1) % 4;
      const right = await click(answerId(question, question.answer), member(MEMBER_1));
      expect(right.type).toBe(4);
      expect(isEphemeral(right)).toBe(true);
      expect(titleOf(right)).toBe("✅ Right!");
      expect(descriptionOf(right)).toContain(`**${rightAnswer(question)}** is right.`);
      expect(descriptionOf(right)).toContain("Your score here: 1 right of 1, streak 1 (best 1).");
      expect(descriptionOf(right)).toContain("Why:");
      // The explanation: the facts behind the answer, with their sources.
      const fact = kb.factById.get(question.factIds[0] ?? "");
      expect(fact).toBeDefined();
      expect(descriptionOf(right)).toContain(fact?.text.slice(0, 40));
      expect(embedOf(right).fields?.map((f) => f.name)).toContain("Sources");
      expect(buttonsOf(right)).toEqual([]);

      const notQuite = await click(answerId(question, wrong), member(MEMBER_2));
      expect(notQuite.type).toBe(4);
      expect(isEphemeral(notQuite)).toBe(true);
      expect(titleOf(notQuite)).toBe("❌ Not quite");
      expect(descriptionOf(notQuite)).toContain(
        `You picked ${CHOICE_LETTERS[wrong]}. The answer is **${rightAnswer(question)}**.`,
      );
      expect(descriptionOf(notQuite)).toContain("Your score here: 0 right of 1, streak 0 (best 0).");

      const before = (await scoreboard.rankOf(double.guildId, MEMBER_2))?.row;
      const again = await click(answerId(question, question.answer), member(MEMBER_2));
      expect(again.type).toBe(4);
      expect(isEphemeral(again)).toBe(true);
      expect(titleOf(again)).toBe("You already answered this one");
      expect(descriptionOf(again)).toContain(`Your first answer (${CHOICE_LETTERS[wrong]}) counts.`);
      expect(descriptionOf(again)).not.toContain("and it was right");
      expect((await scoreboard.rankOf(double.guildId, MEMBER_2))?.row).toEqual(before);
      expect(before).toMatchObject({ answered: 1, correct: 0 });

      // "Another question" on the channel's question posts a new one in the channel, not an edit.
      const another = await click("v1:q", member(MEMBER_2));
      expect(another.type).toBe(4);
      expect(isEphemeral(another)).toBe(false);
      expectQuestionMessage(another, questionOf(another), "v1:q");

      // The shared question was never edited: no update callbacks, no webhook edit of its message.
      for (const c of [right, notQuite, again, another]) expect(c.type).not.toBe(7);
      expect(double.webhookCalls.filter((c) => c.token === questionToken)).toEqual([]);
      expect(double.webhookCalls.filter((c) => c.method === "PATCH")).toEqual([]);
    });

    it("/quiz scores ranks member 1 above member 2 and shows the caller's own rank", async () => {
      const scores = await quiz("scores", [], member(MEMBER_2));
      expect(scores.type).toBe(4);
      expect(titleOf(scores)).toBe("Quiz scores");
      const lines = descriptionOf(scores).split("\n");
      expect(lines[0]).toBe(`**1.** <@${MEMBER_1}>: 1 right of 1 · streak 1 (best 1)`);
      expect(lines[1]).toBe(`**2.** <@${MEMBER_2}>: 0 right of 1 · streak 0 (best 0)`);
      expect(lines).toHaveLength(2);
      expect(embedOf(scores).fields).toEqual([
        { name: "You", value: "#2 of 2: 0 right of 1 · streak 0 (best 0)" },
      ]);
      // The list names members but pings nobody.
      expect(sent(scores).allowed_mentions?.parse).toEqual([]);
      expect(sent(scores).allowed_mentions?.users ?? []).toEqual([]);
      expect(violations(scores)).toEqual([]);

      const own = await quiz("scores", [], member(MEMBER_1));
      expect(embedOf(own).fields?.[0]?.value).toBe("#1 of 2: 1 right of 1 · streak 1 (best 1)");
    });

    it("a question posted before a restart still takes answers after it, and scores survive", async () => {
      pick(1, kb.questions.length);
      const posted = await quiz("question");
      const before = questionOf(posted);
      expect(before.id).toBe(kb.questions[1]?.id);

      await bot.stop();
      scoreboard.close();
      await startBot();

      const right = await click(answerId(before, before.answer), member(MEMBER_3));
      expect(right.type).toBe(4);
      expect(isEphemeral(right)).toBe(true);
      expect(titleOf(right)).toBe("✅ Right!");
      expect(descriptionOf(right)).toContain("Your score here: 1 right of 1");
      const wrong = await click(answerId(before, (before.answer + 1) % 4), member(MEMBER_2));
      expect(titleOf(wrong)).toBe("❌ Not quite");
      expect(descriptionOf(wrong)).toContain("Your score here: 0 right of 2");
      // The first question's answers were kept: member 1 already answered it.
      const repeat = await click(answerId(question, 0), member(MEMBER_1));
      expect(titleOf(repeat)).toBe("You already answered this one");
      expect(descriptionOf(repeat)).toContain("counts, and it was right.");

      const scores = await quiz("scores", [], member(MEMBER_1));
      expect(descriptionOf(scores).split("\n")).toEqual([
        `**1.** <@${MEMBER_1}>: 1 right of 1 · streak 1 (best 1)`,
        `**2.** <@${MEMBER_3}>: 1 right of 1 · streak 1 (best 1)`,
        `**3.** <@${MEMBER_2}>: 0 right of 2 · streak 0 (best 0)`,
      ]);
    });

    it("one server's answers are never shown in another", async () => {
      const elsewhere = await quiz("scores", [], member(MEMBER_1), GUILD_B);
      expect(elsewhere.type).toBe(4);
      expect(titleOf(elsewhere)).toBe("Quiz scores");
      expect(descriptionOf(elsewhere)).toBe(
        "Nobody has answered a question here yet. Start with /quiz question.",
      );
      expect(embedOf(elsewhere).fields).toEqual([
        { name: "You", value: "No answers yet: try /quiz question." },
      ]);

      // Member 1 answered this question in the first server; here it is a first answer.
      const fresh = await click(answerId(question, question.answer), member(MEMBER_1), GUILD_B);
      expect(titleOf(fresh)).toBe("✅ Right!");
      expect(descriptionOf(fresh)).toContain("Your score here: 1 right of 1");
      const board = await quiz("scores", [], member(MEMBER_2), GUILD_B);
      expect(descriptionOf(board).split("\n")).toEqual([
        `**1.** <@${MEMBER_1}>: 1 right of 1 · streak 1 (best 1)`,
      ]);
      expect(embedOf(board).fields?.[0]?.value).toBe("No answers yet: try /quiz question.");
      // And the first server's board did not move.
      const home = await quiz("scores", [], member(MEMBER_1));
      expect(embedOf(home).fields?.[0]?.value).toBe("#1 of 3: 1 right of 1 · streak 1 (best 1)");
    });

    it("/quiz question sector:semiconductors asks about chips; an unknown sector gets a notice", async () => {
      const pool = quizQuestionsFor(kb, { sectorId: "semiconductors" });
      expect(pool.length).toBeGreaterThan(0);
      for (const typed of ["semiconductors", "chips"]) {
        for (let i = 0; i < pool.length; i++) {
          pick(i, pool.length);
          const reply = await quiz("question", [{ type: Opt.String, name: "sector", value: typed }]);
          expect(reply.type).toBe(4);
          expect(isEphemeral(reply)).toBe(false);
          const question = questionOf(reply);
          expect(question.id).toBe(pool[i]?.id);
          const aboutChips =
            question.sector === "semiconductors" ||
            question.factIds.some((id) => kb.factById.get(id)?.sectors.includes("semiconductors"));
          expect(aboutChips).toBe(true);
          expectQuestionMessage(reply, question, "v1:q:s:semiconductors");
        }
      }

      const unknown = await quiz("question", [
        { type: Opt.String, name: "sector", value: "zzqx underwater basket" },
      ]);
      expect(unknown.type).toBe(4);
      expect(isEphemeral(unknown)).toBe(true);
      expect(titleOf(unknown)).toBe("zzqx underwater basket");
      expect(descriptionOf(unknown)).toContain("No sector matches this name");
      expect(buttonsOf(unknown)).toEqual([]);
      // What was typed is escaped: it reads as typed and pings nobody.
      const mention = await quiz("question", [
        { type: Opt.String, name: "sector", value: "@everyone **x**" },
      ]);
      expect(titleOf(mention)).not.toContain("@everyone");
      expect(titleOf(mention)).not.toContain("**");
      expect(sent(mention).allowed_mentions?.parse).toEqual([]);
      const miss = logs
        .map((line) => JSON.parse(line) as { event: string; outcome?: string; query?: string })
        .filter((l) => l.event === "interaction" && l.outcome === "no-match");
      expect(miss.map((l) => l.query)).toContain("zzqx underwater basket");

      const privately = await quiz("question", [{ type: Opt.Boolean, name: "private", value: true }]);
      expect(isEphemeral(privately)).toBe(true);
      questionOf(privately);
      next = 0;
    });

    it("/quiz question lesson:<n> draws from that lesson; past the last lesson gets a private notice", async () => {
      next = 0;
      const pool = quizQuestionsFor(kb, { lesson: 0 });
      const fromLesson = await quiz("question", [{ type: Opt.Integer, name: "lesson", value: 1 }]);
      expect(isEphemeral(fromLesson)).toBe(false);
      expectQuestionMessage(fromLesson, pool[0] as QuizQuestion, "v1:q:l:0");

      const past = await quiz("question", [
        { type: Opt.Integer, name: "lesson", value: kb.lessons.length + 1 },
      ]);
      expect(past.type).toBe(4);
      expect(isEphemeral(past)).toBe(true);
      expect(buttonsOf(past)).toEqual([]);
      expect(titleOf(past)).toBe("No quiz question for that yet");
    });

    it("autocompletes the sector option inside the question subcommand", async () => {
      const typed = (value: string) =>
        double.dispatch(
          double.autocomplete("quiz", [
            {
              type: Opt.Subcommand,
              name: "question",
              options: [{ type: Opt.String, name: "sector", value, focused: true }],
            },
          ]),
        );
      const semi = await typed("semi");
      expect(semi.type).toBe(8);
      const choices = sent(semi).choices ?? [];
      expect(choices[0]?.value).toBe("semiconductors");
      expect(choices[0]?.name).toContain("Semiconductors");

      const empty = await typed("");
      const all = sent(empty).choices ?? [];
      expect(all.length).toBeGreaterThan(5);
      expect(all.length).toBeLessThanOrEqual(25);
      for (const c of all) {
        expect(c.name.length).toBeGreaterThan(0);
        expect(c.name.length).toBeLessThanOrEqual(100);
        expect(c.value.length).toBeLessThanOrEqual(100);
        expect(kb.sectorById.has(c.value as never)).toBe(true);
      }
    });

    it("every question, posted through the bot, is within Discord's limits", async () => {
      const total = kb.questions.length;
      for (const [i, expected] of kb.questions.entries()) {
        pick(i, total);
        const reply = await quiz("question");
        expect(reply.type).toBe(4);
        const question = questionOf(reply);
        expect(question.id, `question ${i}`).toBe(expected.id);
        expectQuestionMessage(reply, question, "v1:q");
        expect(violations(reply), question.id).toEqual([]);
      }
      next = 0;
    });

    it("every answer of a few questions gives the right private feedback within limits", async () => {
      const sample = [0, 1, Math.floor(kb.questions.length / 2), kb.questions.length - 1];
      for (const index of sample) {
        const question = kb.questions[index] as QuizQuestion;
        for (const choice of question.choices.keys()) {
          // A different member per choice, in a server of its own, so each answer is a first answer.
          const id = `1000000000000001${String(index).padStart(2, "0")}${choice}`;
          const feedback = await click(answerId(question, choice), member(id), GUILD_C);
          expect(feedback.type).toBe(4);
          expect(isEphemeral(feedback)).toBe(true);
          const correct = choice === question.answer;
          expect(titleOf(feedback)).toBe(correct ? "✅ Right!" : "❌ Not quite");
          expect(descriptionOf(feedback)).toContain(`**${rightAnswer(question)}**`);
          expect(descriptionOf(feedback)).toContain(
            correct ? "Your score here: 1 right of 1" : "Your score here: 0 right of 1",
          );
          expect(violations(feedback), `${question.id} choice ${choice}`).toEqual([]);
        }
      }
    });
  });

  it("every message the bot sent is within limits; no unknown route, no error logged", () => {
    const messages = double.callbacks.filter((c) => c.type === 4 || c.type === 7);
    expect(messages.length).toBeGreaterThan(100);
    for (const c of messages) expect(violations(c), JSON.stringify(sent(c)).slice(0, 200)).toEqual([]);
    // Updates of a private message keep it as it is: they carry no flags.
    for (const c of double.callbacks.filter((c) => c.type === 7)) expect(sent(c).flags ?? 0).toBe(0);
    expect(double.unknownRoutes).toEqual([]);
    const lines = logs.map((line) => JSON.parse(line) as { level: string; event: string; outcome?: string });
    expect(lines.filter((l) => l.level === "error")).toEqual([]);
    expect(lines.filter((l) => l.event === "interaction" && l.outcome === "error")).toEqual([]);
    expect(lines.filter((l) => l.event === "ready")).toHaveLength(2);
  });
});
