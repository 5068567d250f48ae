import type { Action } from "../answer/reply.ts";
import type { KnowledgeBase } from "../knowledge/load.ts";
import { SECTOR_IDS, type SectorId } from "../knowledge/schema.ts";
import { DISCORD_LIMITS } from "./limits.ts";

/**
 * Button ids are stateless: everything a click needs is in the id, so buttons keep working after a
 * restart and no session store is needed. Layout: `v1:<kind>:<args>`, at most 100 characters.
 *   v1:s:<sector>            open a sector card
 *   v1:sf:<sector>:<page>    a page of a sector's facts
 *   v1:ss:<sector>           a sector's sources
 *   v1:f:<code>.<code>...    a list of facts (the "More" of /ask), by short stable fact codes
 *   v1:t:<page>              a page of the timeline
 *   v1:l:<index>             a lesson of the guided path
 *   v1:q[:s:<sector>|:l:<n>] a new quiz question, optionally from a sector or a lesson
 *   v1:qa:<code>:<choice>    an answer (0-3) to the quiz question with that short code
 */
const VERSION = "v1";
const MAX_PAGE = 99;

/** A short, stable code for a fact or question id (FNV-1a, base 36): ids are never reused, so neither are codes. */
export function factCode(factId: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < factId.length; i++) {
    hash ^= factId.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(36).padStart(7, "0");
}

export interface CustomIdCodec {
  encode(action: Action): string;
  /** The action a button id stands for, or null for a forged, garbled or outdated id. */
  decode(customId: string): Action | null;
}

const isSector = (value: string | undefined): value is SectorId => SECTOR_IDS.includes(value as SectorId);

function parsePage(value: string | undefined): number | null {
  if (!value || !/^\d{1,2}$/.test(value)) return null;
  const page = Number(value);
  return page <= MAX_PAGE ? page : null;
}

/** Builds the codec for one knowledge base (fact codes are looked up in it). */
export function createCustomIdCodec(kb: KnowledgeBase): CustomIdCodec {
  const factByCode = new Map(kb.facts.map((f) => [factCode(f.id), f.id]));
  const questionByCode = new Map(kb.questions.map((q) => [factCode(q.id), q.id]));

  function encode(action: Action): string {
    let id: string;
    switch (action.type) {
      case "sector":
        id = `${VERSION}:s:${action.sectorId}`;
        break;
      case "sector-facts":
        id = `${VERSION}:sf:${action.sectorId}:${action.page}`;
        break;
      case "sector-sources":
        id = `${VERSION}:ss:${action.sectorId}`;
        break;
      case "facts": {
        // Keep whole codes only: as many facts as fit in the id.
        const prefix = `${VERSION}:f:`;
        const codes: string[] = [];
        for (const factId of action.factIds) {
          const next = [...codes, factCode(factId)];
          if (prefix.length + next.join(".").length > DISCORD_LIMITS.customId) break;
          codes.push(factCode(factId));
        }
        id = prefix + codes.join(".");
        break;
      }
      case "timeline":
        id = `${VERSION}:t:${action.page}`;
        break;
      case "lesson":
        id = `${VERSION}:l:${action.index}`;
        break;
      case "quiz":
        id = action.sectorId
          ? `${VERSION}:q:s:${action.sectorId}`
          : action.lesson !== undefined
            ? `${VERSION}:q:l:${action.lesson}`
            : `${VERSION}:q`;
        break;
      case "quiz-answer":
        id = `${VERSION}:qa:${factCode(action.questionId)}:${action.choice}`;
        break;
    }
    if (id.length > DISCORD_LIMITS.customId)
      throw new Error(`custom id over ${DISCORD_LIMITS.customId} characters: ${id}`);
    return id;
  }

  function decode(customId: string): Action | null {
    if (typeof customId !== "string" || customId.length > DISCORD_LIMITS.customId) return null;
    const [version, kind, first, second, ...rest] = customId.split(":");
    if (version !== VERSION || rest.length) return null;
    switch (kind) {
      case "s":
        return isSector(first) && second === undefined ? { type: "sector", sectorId: first } : null;
      case "ss":
        return isSector(first) && second === undefined ? { type: "sector-sources", sectorId: first } : null;
      case "sf": {
        const page = parsePage(second);
        return isSector(first) && page !== null ? { type: "sector-facts", sectorId: first, page } : null;
      }
      case "t": {
        const page = parsePage(first);
        return page !== null && second === undefined ? { type: "timeline", page } : null;
      }
      case "l": {
        const index = parsePage(first);
        return index !== null && second === undefined && index < kb.lessons.length
          ? { type: "lesson", index }
          : null;
      }
      case "q": {
        if (first === undefined) return { type: "quiz" };
        if (first === "s" && isSector(second)) return { type: "quiz", sectorId: second };
        const lesson = first === "l" ? parsePage(second) : null;
        return lesson !== null && lesson < kb.lessons.length ? { type: "quiz", lesson } : null;
      }
      case "qa": {
        const questionId = first ? questionByCode.get(first) : undefined;
        const choice = second !== undefined && /^[0-3]$/.test(second) ? Number(second) : null;
        return questionId !== undefined && choice !== null
          ? { type: "quiz-answer", questionId, choice }
          : null;
      }
      case "f": {
        if (!first || second !== undefined) return null;
        const factIds = first.split(".").map((code) => factByCode.get(code));
        if (!factIds.length || factIds.some((id) => id === undefined)) return null;
        return { type: "facts", factIds: factIds as string[] };
      }
      default:
        return null;
    }
  }

  return { encode, decode };
}
