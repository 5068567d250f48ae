import type { Lang } from "../i18n/index.ts";
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
  /** Opaque scoreboard key: the adapter chooses it, the scoreboard port only compares it. */
  scope: string;
  userId: string;
  /** Where the scope is, so `/quiz scores` can say whose answers count (default "server"). */
  place?: Place;
  /** The language of the interface text (default English); fact texts stay English. */
  lang?: Lang;
}

/** Where an interaction came from: a server, a direct message with the bot, a group or private chat, the console. */
export type Place = "server" | "dm" | "private-channel" | "console";
