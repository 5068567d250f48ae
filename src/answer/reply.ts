import { STRINGS, type Translate } from "../i18n/index.ts";
import type { KnowledgeBase } from "../knowledge/load.ts";
import type { Fact, SectorId, SectorStatus, Source } from "../knowledge/schema.ts";

/**
 * A piece of running text that a renderer may set apart. The model says what a piece *is* (the answer,
 * a command to type, a member); each renderer decides how it looks (Discord: bold, code, a mention).
 */
export type Span = string | { strong: string } | { command: string } | { member: string };

/** Text as the reply model holds it: plain, or spans when some words are set apart. */
export type RichText = string | readonly Span[];

/** Who sees a reply: the member who asked or clicked alone, or everyone in the channel. */
export type Audience = "asker" | "channel";

/**
 * The platform-neutral reply: what an answer says, built by pure functions and drawn by a renderer
 * (terminal text, or a Discord embed with buttons). It never holds markup of either platform: emphasis,
 * commands and members are spans, examples and quiz choices are fields of their own.
 */
export interface Reply {
  title: string;
  /** True when the title echoes what the user typed: renderers must escape it. */
  titleIsUserText?: boolean;
  /** Colours the reply by a sector's status. */
  status?: SectorStatus;
  /** A line above the body, e.g. the status and its basis. */
  subtitle?: string;
  /** The four answers of a quiz question, shown above the summary. */
  choices?: QuizChoice[];
  summary?: RichText;
  fields: ReplyField[];
  facts: ReplyFact[];
  /** Numbered source notes; facts refer to them by `n`. */
  citations: Citation[];
  footer?: string;
  actions: ReplyAction[];
  /**
   * Who the answer is for: "asker" for a miss, a notice or a page of more facts. The Discord adapter's
   * `deliveryOf` combines it with the `private` and `for` options and where a click came from.
   */
  audience: Audience;
  /** Set when the look-up found nothing: adapters log these so authors see what to write next. */
  miss?: boolean;
  /** A picture that goes with the reply; front ends that can draw it attach it as a PNG. */
  chart?: ChartRequest;
}

/** Which chart a reply asks for: the sectors' status overview, or a sector's sourced figures. */
export type ChartRequest = { type: "status" } | { type: "sector"; sectorId: SectorId };

export interface ReplyField {
  name: string;
  value: string;
  /** A command to type, shown after the value (help lists one per command). */
  example?: string;
  inline?: boolean;
}

export interface QuizChoice {
  letter: string;
  text: string;
}

export interface ReplyFact {
  id: string;
  text: string;
  confidence: "H" | "M";
  /** Numbers of the citations this fact rests on. */
  citations: number[];
  /** The sector context shown next to a fact in answers to questions. */
  sector?: { id: SectorId; name: string; status: SectorStatus };
  asOf?: number;
}

export interface Citation {
  n: number;
  source: Source;
}

/** What a button does. Renderers encode it (the Discord one into a stateless custom id). */
export type Action =
  | { type: "sector"; sectorId: SectorId }
  | { type: "sector-facts"; sectorId: SectorId; page: number }
  | { type: "sector-sources"; sectorId: SectorId }
  | { type: "facts"; factIds: string[] }
  | { type: "timeline"; page: number }
  | { type: "lesson"; index: number }
  | { type: "quiz"; sectorId?: SectorId; lesson?: number }
  | { type: "quiz-answer"; questionId: string; choice: number };

export interface ReplyAction {
  label: string;
  action: Action;
  primary?: boolean;
}

/** How a sector's status reads in English (the console, the CLI); other locales: `statusLabel`. */
export const STATUS_LABEL: Record<SectorStatus, string> = {
  leading: STRINGS.en["status.leading"],
  strong: STRINGS.en["status.strong"],
  mixed: STRINGS.en["status.mixed"],
  dependent: STRINGS.en["status.dependent"],
  "not-rated": STRINGS.en["status.not-rated"],
};

/** A status as a locale reads it. */
export function statusLabel(status: SectorStatus, t: Translate): string {
  return t(`status.${status}`);
}

/** Numbers the sources of `facts` in order of first use and returns the facts with their citation numbers. */
export function citeFacts(
  kb: KnowledgeBase,
  facts: readonly Fact[],
  withSector = false,
): { facts: ReplyFact[]; citations: Citation[] } {
  const numbers = new Map<string, number>();
  const citations: Citation[] = [];
  const cited = facts.map((fact): ReplyFact => {
    const refs = fact.sourceIds.map((id) => {
      let n = numbers.get(id);
      const source = kb.sourceById.get(id);
      if (n === undefined && source) {
        n = citations.length + 1;
        numbers.set(id, n);
        citations.push({ n, source });
      }
      return n;
    });
    // A sector's status says something about a fact only when the fact is about that sector alone: a fact
    // shared by several sectors (an official sector's two sub-sectors) or by none (policy-wide) gets no label.
    const only = fact.sectors.length === 1 ? fact.sectors[0] : undefined;
    const sector = withSector && only ? kb.sectorById.get(only) : undefined;
    return {
      id: fact.id,
      text: fact.text,
      confidence: fact.confidence,
      citations: refs.filter((n): n is number => n !== undefined),
      ...(sector ? { sector: { id: sector.id, name: sector.name, status: sector.status } } : {}),
      ...(fact.asOf !== undefined ? { asOf: fact.asOf } : {}),
    };
  });
  return { facts: cited, citations };
}

/** The facts with these ids, in this order; ids the knowledge base does not hold are skipped. */
export function factsWithIds(kb: KnowledgeBase, ids: readonly string[]): Fact[] {
  return ids.map((id) => kb.factById.get(id)).filter((f): f is Fact => f !== undefined);
}

/** "2015, 2024, 2025": the years the facts describe, for a footer. */
export function asOfYears(facts: readonly Fact[]): string {
  return [...new Set(facts.map((f) => f.asOf).filter((y): y is number => y !== undefined))].sort().join(", ");
}

/** How a renderer writes each kind of span that is set apart (plain strings are written as they are). */
export interface SpanWriter {
  strong(text: string): string;
  command(name: string): string;
  member(id: string): string;
}

/** Rich text as one string, each set-apart span written by `write` (Discord markdown, plain text, ...). */
export function writeRichText(text: RichText, write: SpanWriter): string {
  if (typeof text === "string") return text;
  return text
    .map((span) =>
      typeof span === "string"
        ? span
        : "strong" in span
          ? write.strong(span.strong)
          : "command" in span
            ? write.command(span.command)
            : write.member(span.member),
    )
    .join("");
}

const PLAIN: SpanWriter = { strong: (text) => text, command: (name) => name, member: (id) => `@${id}` };

/** The words of a rich text without any emphasis: for logs, tests and anything that only reads it. */
export function plainText(text: RichText | undefined): string {
  return text === undefined ? "" : writeRichText(text, PLAIN);
}
