import type { KnowledgeBase } from "../knowledge/load.ts";
import type { Fact } from "../knowledge/schema.ts";
import { buildFactsReply } from "./ask.ts";
import { buildTimelineReply } from "./catalogue.ts";
import type { Action, Reply } from "./reply.ts";
import { buildSectorReply, buildSectorSourcesReply } from "./sector.ts";
import { buildLessonReply, buildNoQuestionReply, buildQuizQuestionReply, pickQuestion } from "./study.ts";

/**
 * The reply a button (or a console follow-up) stands for. Ids were validated when the action was decoded.
 * A quiz answer needs the scoreboard, so its adapter answers it; here it is null.
 */
export function replyForAction(
  kb: KnowledgeBase,
  action: Action,
  random: () => number = Math.random,
): Reply | null {
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
      const facts = action.factIds.map((id) => kb.factById.get(id)).filter((f): f is Fact => f !== undefined);
      return facts.length ? buildFactsReply(kb, "More facts", facts) : null;
    }
    case "timeline":
      return buildTimelineReply(kb, action.page);
    case "lesson":
      return action.index < kb.lessons.length ? buildLessonReply(kb, action.index) : null;
    case "quiz": {
      const filter = {
        ...(action.sectorId ? { sectorId: action.sectorId } : {}),
        ...(action.lesson !== undefined ? { lesson: action.lesson } : {}),
      };
      const question = pickQuestion(kb, filter, random);
      return question ? buildQuizQuestionReply(kb, question, filter) : buildNoQuestionReply(kb, filter);
    }
    case "quiz-answer":
      return null;
  }
}
