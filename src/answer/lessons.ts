import type { KnowledgeBase } from "../knowledge/load.ts";
import { quizQuestionsFor } from "./quiz.ts";
import { citeFacts, factsWithIds, type Reply, type ReplyAction } from "./reply.ts";
import { noticeReply } from "./respond.ts";

/**
 * One lesson of the guided path: "Lesson 3 of 10", its intro, its facts with sources, and Back, Next and
 * "Quiz me on this" buttons. `index` is 0-based; out-of-range asks for a valid number.
 */
export function buildLessonReply(kb: KnowledgeBase, index: number): Reply {
  const count = kb.lessons.length;
  const lesson = kb.lessons[index];
  if (!lesson)
    return noticeReply("No such lesson", [
      `The path has lessons 1 to ${count}. Try `,
      { command: "/learn lesson:1" },
      ".",
    ]);
  const { facts, citations } = citeFacts(kb, factsWithIds(kb, lesson.factIds));
  const actions: ReplyAction[] = [];
  if (index > 0) actions.push({ label: "Back", action: { type: "lesson", index: index - 1 } });
  if (index + 1 < count)
    actions.push({ label: "Next", action: { type: "lesson", index: index + 1 }, primary: true });
  if (quizQuestionsFor(kb, { lesson: index }).length) {
    actions.push({ label: "Quiz me on this", action: { type: "quiz", lesson: index } });
  }
  return {
    title: `Lesson ${index + 1} of ${count}: ${lesson.title}`,
    summary: lesson.intro,
    fields: [],
    facts,
    citations,
    footer: `Lesson ${index + 1} of ${count} · jump with /learn lesson:<number> · H = high confidence, M = medium`,
    actions,
    audience: "channel",
  };
}
