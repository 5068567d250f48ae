import { describe, expect, it } from "vitest";
import { buildLessonReply } from "../../src/answer/lessons.ts";
import {
  buildNoQuestionReply,
  buildQuizFeedbackReply,
  buildQuizQuestionReply,
  buildScoresReply,
  pickQuestion,
  quizQuestionsFor,
} from "../../src/answer/quiz.ts";
import { plainText } from "../../src/answer/reply.ts";
import { createCustomIdCodec } from "../../src/discord/custom-id.ts";
import { renderDiscord } from "../../src/discord/render.ts";
import { containsPhrase, sourceNames } from "../../src/knowledge/editorial-checks.ts";
import { loadKnowledgeOrThrow } from "../../src/knowledge/load.ts";

const kb = loadKnowledgeOrThrow();
const codec = createCustomIdCodec(kb);

describe("the learning path", () => {
  it.each(kb.lessons.map((lesson, i) => [i + 1, lesson.title, i] as const))(
    "lesson %i (%s) reads 'Lesson n of N' with its facts and buttons",
    (_n, _title, i) => {
      const reply = buildLessonReply(kb, i);
      expect(reply.title).toBe(`Lesson ${i + 1} of ${kb.lessons.length}: ${kb.lessons[i]?.title}`);
      expect(reply.facts.map((f) => f.id)).toEqual(kb.lessons[i]?.factIds);
      for (const fact of reply.facts) expect(fact.citations.length).toBeGreaterThan(0);
      const labels = reply.actions.map((a) => a.label);
      expect(labels.includes("Back")).toBe(i > 0);
      expect(labels.includes("Next")).toBe(i < kb.lessons.length - 1);
      expect(labels).toContain("Quiz me on this");
    },
  );

  it.each([-1, 99])("asks for a valid number when lesson index %i does not exist", (index) => {
    expect(buildLessonReply(kb, index).title).toBe("No such lesson");
  });
});

describe("the quiz", () => {
  it("has at least 40 questions, each posted with four different A–D choices", () => {
    expect(kb.questions.length).toBeGreaterThanOrEqual(40);
    for (const q of kb.questions) {
      const reply = buildQuizQuestionReply(kb, q);
      expect(
        reply.choices?.map((c) => c.letter),
        q.id,
      ).toEqual(["A", "B", "C", "D"]);
      expect(new Set(reply.choices?.map((c) => c.text)).size, q.id).toBe(4);
    }
  });

  it("attributes a question explained by medium-confidence facts to their source", () => {
    // As the loader does for an M fact: the question names a source that one of its facts cites.
    const namesASource = (q: (typeof kb.questions)[number]) =>
      q.factIds
        .flatMap((id) => kb.factById.get(id)?.sourceIds ?? [])
        .map((id) => kb.sourceById.get(id))
        .some(
          (source) => source !== undefined && sourceNames(source).some((n) => containsPhrase(q.question, n)),
        );
    const unattributed = kb.questions.filter(
      (q) => q.factIds.every((id) => kb.factById.get(id)?.confidence === "M") && !namesASource(q),
    );
    expect(unattributed.map((q) => q.id)).toEqual([]);
  });

  it("draws from a sector or a lesson when asked, and from all otherwise", () => {
    expect(quizQuestionsFor(kb, {})).toHaveLength(kb.questions.length);
    const chips = quizQuestionsFor(kb, { sectorId: "semiconductors" });
    expect(chips.length).toBeGreaterThan(0);
    for (const q of chips) {
      const about =
        q.sector === "semiconductors" ||
        q.factIds.some((id) => kb.factById.get(id)?.sectors.includes("semiconductors"));
      expect(about).toBe(true);
    }
    for (let lesson = 0; lesson < kb.lessons.length; lesson++)
      expect(quizQuestionsFor(kb, { lesson }).length, `lesson ${lesson + 1}`).toBeGreaterThan(0);
  });

  it.each([
    [{ lesson: 98 }, "There is no lesson 99"],
    [{ sectorId: "agricultural-machinery" as const, lesson: 0 }, "both this sector and this lesson"],
  ])("explains why no question matches %j", (filter, text) => {
    expect(pickQuestion(kb, filter)).toBeNull();
    expect(buildNoQuestionReply(kb, filter).summary).toContain(text);
  });

  it("picks with the random source it is given", () => {
    expect(pickQuestion(kb, {}, () => 0)?.id).toBe(kb.questions[0]?.id);
    expect(pickQuestion(kb, {}, () => 0.9999)?.id).toBe(kb.questions.at(-1)?.id);
  });

  it("posts A to D buttons that carry the question and the choice", () => {
    const question = kb.questions[0];
    if (!question) throw new Error("no questions");
    const reply = buildQuizQuestionReply(kb, question);
    expect(reply.actions.slice(0, 4).map((a) => a.action)).toEqual(
      [0, 1, 2, 3].map((choice) => ({ type: "quiz-answer", questionId: question.id, choice })),
    );
    expect(reply.actions.slice(0, 4).map((a) => a.label[0])).toEqual(["A", "B", "C", "D"]);
  });

  it("tells a member privately whether they were right, the answer, and why, with sources", () => {
    const question = kb.questions[0];
    if (!question) throw new Error("no questions");
    const wrong = (question.answer + 1) % 4;
    const right = buildQuizFeedbackReply(kb, question, question.answer, {
      counted: true,
      correct: true,
      score: { userId: "u", answered: 3, correct: 2, streak: 1, bestStreak: 2 },
    });
    expect(right.title).toContain("Right");
    expect(plainText(right.summary)).toContain("2 right of 3");
    expect(right.audience).toBe("asker");
    expect(right.facts.map((f) => f.id)).toEqual(question.factIds);
    expect(buildQuizFeedbackReply(kb, question, wrong, null).title).toContain("Not quite");
    const again = buildQuizFeedbackReply(kb, question, wrong, {
      counted: false,
      firstChoice: question.answer,
      firstCorrect: true,
    });
    expect(again.title).toBe("You already answered this one");
  });

  it("shows the top members and the caller's own rank", () => {
    const row = { userId: "42", answered: 5, correct: 4, streak: 2, bestStreak: 3 };
    const reply = buildScoresReply([row], { rank: 1, row, members: 1 });
    expect(renderDiscord(reply, codec).embeds[0]?.description).toContain("<@42>: 4 right of 5");
    expect(reply.fields[0]?.value).toContain("#1 of 1");
    expect(buildScoresReply([], null).fields[0]?.value).toContain("No answers yet");
  });
});
