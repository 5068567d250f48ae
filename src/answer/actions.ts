import { buildFactsReply } from "./ask.ts";
import { buildTimelineReply } from "./catalogue.ts";
import type { AnswerContext, Caller } from "./context.ts";
import { buildLessonReply } from "./lessons.ts";
import { answerQuizQuestion, quizQuestionReply } from "./quiz.ts";
import { type Action, factsWithIds, type Reply } from "./reply.ts";
import { buildSectorReply, buildSectorSourcesReply } from "./sector.ts";

/**
 * The reply a button (or a console follow-up) stands for, quiz answers included. Ids were validated when
 * the action was decoded; null when what it points at no longer exists.
 */
export async function replyForAction(
  context: AnswerContext,
  action: Action,
  caller: Caller,
): Promise<Reply | null> {
  const { kb } = context.search;
  switch (action.type) {
    case "sector":
    case "sector-facts":
    case "sector-sources": {
      const sector = kb.sectorById.get(action.sectorId);
      if (!sector) return null;
      if (action.type === "sector-sources") return buildSectorSourcesReply(kb, sector);
      return buildSectorReply(kb, sector, action.type === "sector" ? 0 : action.page);
    }
    case "facts": {
      const facts = factsWithIds(kb, action.factIds);
      return facts.length ? buildFactsReply(kb, "More facts", facts) : null;
    }
    case "timeline":
      return buildTimelineReply(kb, action.page);
    case "lesson":
      return action.index < kb.lessons.length ? buildLessonReply(kb, action.index) : null;
    case "quiz":
      return quizQuestionReply(
        kb,
        {
          ...(action.sectorId ? { sectorId: action.sectorId } : {}),
          ...(action.lesson !== undefined ? { lesson: action.lesson } : {}),
        },
        context.random,
      );
    case "quiz-answer":
      return answerQuizQuestion(context, caller, action.questionId, action.choice);
  }
}
