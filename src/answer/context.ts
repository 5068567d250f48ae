import type { Search } from "../search/index.ts";
import type { Scoreboard } from "./scoreboard.ts";

/** What every command and action may use: built once at start-up by the entry and handed to a front end. */
export interface AnswerContext {
  search: Search;
  /** The quiz scoreboard; null when a front end runs without one (answers are then judged, not saved). */
  scoreboard: Scoreboard | null;
  /** Random source for quiz questions (fixed in tests). */
  random: () => number;
}

/**
 * Who asked, as far as the core cares: the scoreboard scope (a server, `dm:<user>`, or `console`) and the
 * member. Front ends fill it in from what they know.
 */
export interface Caller {
  scope: string;
  userId: string;
}
