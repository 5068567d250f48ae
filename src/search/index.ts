import type { KnowledgeBase } from "../knowledge/load.ts";
import { type Answer, type AnswerOptions, createQuestionAnswerer } from "./question.ts";
import { createSectorResolver, type SectorChoice, type SectorResolution } from "./sector-resolver.ts";

export type { Answer, RankedFact } from "./question.ts";
export { EXAMPLE_QUESTIONS } from "./question.ts";
export type { SectorChoice, SectorResolution } from "./sector-resolver.ts";

/** Every look-up the bot, the console and the CLI use, built once over one knowledge base. */
export interface Search {
  kb: KnowledgeBase;
  resolveSector(query: string): SectorResolution;
  suggestSectors(partial: string): SectorChoice[];
  answer(question: string, options?: AnswerOptions): Answer;
}

/** Builds the sector and question indexes (a few milliseconds) once, at start-up. */
export function createSearch(kb: KnowledgeBase): Search {
  const sectors = createSectorResolver(kb);
  const questions = createQuestionAnswerer(kb, sectors);
  return {
    kb,
    resolveSector: sectors.resolveSector,
    suggestSectors: sectors.suggestSectors,
    answer: questions.answer,
  };
}
