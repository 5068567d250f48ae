import { z } from "zod";

/** A stable, lowercase, hyphenated identifier: part of the interface, never reused. */
export const Slug = z
  .string()
  .regex(
    /^[a-z0-9]+(?:-[a-z0-9]+)*$/,
    "use lowercase letters, digits and single hyphens, e.g. 'big-fund-iii'",
  );

/** The 17 sector ids; they are part of the bot's interface (command values, button ids). */
export const SECTOR_IDS = [
  "semiconductors",
  "telecom",
  "machine-tools",
  "robotics",
  "commercial-aircraft",
  "drones",
  "shipbuilding",
  "high-speed-rail",
  "electric-vehicles",
  "power-equipment",
  "agricultural-machinery",
  "new-materials",
  "biopharma",
  "solar",
  "clean-tech",
  "ai",
  "quantum",
] as const;
export type SectorId = (typeof SECTOR_IDS)[number];

/** A sector id, with the message an author needs when it is misspelt. */
const SectorIdSchema = z.enum(SECTOR_IDS, {
  error: (issue) => `unknown sector ${JSON.stringify(issue.input)}; use one of: ${SECTOR_IDS.join(", ")}`,
});

/** The ten official key sectors of the 2015 plan, plus the two non-official placements. */
export const OFFICIAL_SECTORS = [
  "next-generation information technology",
  "high-end CNC machine tools and robotics",
  "aerospace and aviation equipment",
  "ocean engineering equipment and high-tech ships",
  "advanced rail transit equipment",
  "energy-saving and new-energy vehicles",
  "power equipment",
  "agricultural machinery and equipment",
  "new materials",
  "biomedicine and medical devices",
  "not an official sector (closest: power equipment)",
  "cross-cutting",
] as const;

export const SECTOR_STATUSES = ["leading", "strong", "mixed", "dependent", "not-rated"] as const;
export type SectorStatus = (typeof SECTOR_STATUSES)[number];

/** What kind of answer a fact gives, so a question's type can prefer facts that carry that kind. */
export const ANSWER_KINDS = [
  "actor",
  "date",
  "figure",
  "reason",
  "definition",
  "verdict",
  "list",
  "event",
] as const;
export type AnswerKind = (typeof ANSWER_KINDS)[number];

/**
 * "compilation" is our own record of checked background (reference-facts.md): it tells an author where to
 * look, but it is nobody's independent report, so it never counts toward an H rating.
 */
export const SOURCE_KINDS = ["assessment", "official", "research", "press", "compilation"] as const;

const TRACKING_PARAMS = /[?&](?:__cft__|__tn__|utm_[a-z]+|fbclid|gclid|mc_[a-z]+|ref|igshid)\b/i;

const sentenceCount = (text: string) => (text.match(/[.!?](?=\s|$)/g) ?? []).length;

export const SourceSchema = z.strictObject({
  id: Slug,
  title: z.string().min(3).max(200),
  publisher: z.string().min(2).max(150),
  date: z
    .string()
    .regex(/^\d{4}(?:-\d{2}(?:-\d{2})?)?$/, "use YYYY, YYYY-MM or YYYY-MM-DD")
    .describe("Publication date, as precise as the source allows."),
  url: z
    .url({ protocol: /^https$/ })
    .refine((url) => !TRACKING_PARAMS.test(url), "remove tracking parameters (utm_*, __cft__, fbclid, ...)")
    .optional()
    .describe("A clean https link. Leave it out rather than guess: a wrong link is worse than none."),
  kind: z.enum(SOURCE_KINDS),
  primary: z
    .boolean()
    .optional()
    .describe(
      "For research: true when this publication is where its own findings first appear (the IEA's report, IFR's World Robotics, a teardown), so it is the primary text of a fact that attributes a finding to its publisher.",
    ),
  note: z.string().max(300).optional().describe("How to read this source, e.g. what its date means."),
});
export type Source = z.infer<typeof SourceSchema>;

export const TopicSchema = z.strictObject({
  id: Slug,
  name: z.string().min(2).max(60),
  description: z.string().min(10).max(300),
  aliases: z.array(z.string().min(2).max(60)).default([]).describe("Words a reader may use for this topic."),
});
export type Topic = z.infer<typeof TopicSchema>;

export const SectorSchema = z.strictObject({
  id: SectorIdSchema,
  name: z.string().min(2).max(60),
  chineseName: z.string().min(1).max(30),
  officialSector: z.enum(OFFICIAL_SECTORS),
  status: z.enum(SECTOR_STATUSES),
  statusBasis: z.string().min(10).max(200).describe("One line: why this status, naming the source."),
  summary: z
    .string()
    .min(40)
    .max(700)
    .refine((s) => {
      const n = sentenceCount(s);
      return n >= 2 && n <= 4;
    }, "a summary has 2 to 4 sentences"),
  aliases: z.array(z.string().min(1).max(60)).min(1),
  related: z.array(SectorIdSchema).default([]),
});
export type Sector = z.infer<typeof SectorSchema>;

export const FactSchema = z.strictObject({
  id: Slug,
  text: z
    .string()
    .min(20)
    .max(350)
    .refine((t) => {
      const n = sentenceCount(t);
      return n >= 1 && n <= 3;
    }, "a fact has 1 to 3 sentences, each ending with a full stop"),
  sectors: z.array(SectorIdSchema).default([]).describe("Empty for policy-wide facts."),
  topics: z.array(Slug).min(1),
  sourceIds: z.array(Slug).min(1),
  confidence: z
    .enum(["H", "M"])
    .describe(
      "H: an official text, the primary publication of a finding the text attributes to it, or two independent sources that agree (our own compilation never counts). M: one source or a summary.",
    ),
  asOf: z
    .number()
    .int()
    .min(2000)
    .max(2100)
    .optional()
    .describe("The year the figure was true, or the year a target was set (not the target year)."),
  date: z
    .string()
    .regex(/^\d{4}-\d{2}(?:-\d{2})?$/, "use YYYY-MM or YYYY-MM-DD")
    .optional()
    .describe("The exact date of a dated event, as precise as the sources give it; /timeline orders by it."),
  keywords: z
    .array(z.string().min(2).max(40))
    .default([])
    .describe("Words a reader may use that the text lacks."),
  answerKind: z
    .enum(ANSWER_KINDS)
    .optional()
    .describe(
      "What kind of answer the fact gives: who, when, how much, why, what is, a verdict, a list or an event.",
    ),
  questions: z
    .array(z.string().min(8).max(140))
    .max(12)
    .default([])
    .describe(
      "Up to ten questions this fact answers, written in readers' words (phrasings vary on purpose).",
    ),
});
export type Fact = z.infer<typeof FactSchema>;

export const SynonymGroupSchema = z.strictObject({
  words: z
    .array(z.string().min(2).max(40))
    .min(2)
    .describe("Words or short phrases a reader may use for the same thing; each one finds the others."),
  note: z.string().max(200).optional(),
});
export type SynonymGroup = z.infer<typeof SynonymGroupSchema>;

/** The kinds of question a reader asks, told apart by cue words ("who", "how many", "why"). */
export const QUESTION_TYPES = [
  "who",
  "when",
  "how-much",
  "why",
  "what-is",
  "yes-no",
  "compare",
  "which",
] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

/**
 * The search engine's domain rules, as data: the plan's names, the words every fact shares, literal
 * rewrites, question-type cues and the example questions offered after a miss. One entry per rule.
 */
export const LexiconEntrySchema = z.discriminatedUnion("role", [
  z.strictObject({
    role: z.literal("plan-name"),
    words: z
      .array(z.string().min(2).max(40))
      .min(1)
      .describe(
        "Names of the plan. A question naming it is about the plan; the name alone says nothing more.",
      ),
    note: z.string().max(200).optional(),
  }),
  z.strictObject({
    role: z.literal("stop-word"),
    words: z
      .array(z.string().min(1).max(40))
      .min(1)
      .describe('Words nearly every fact shares ("china"): they never decide which fact answers.'),
    note: z.string().max(200).optional(),
  }),
  z.strictObject({
    role: z.literal("rewrite"),
    match: z.string().min(1).max(40).describe("A whole word, matched case-sensitively before normalising."),
    to: z.string().min(1).max(60),
    note: z.string().max(200).optional(),
  }),
  z.strictObject({
    role: z.literal("question-type"),
    type: z.enum(QUESTION_TYPES),
    cues: z
      .array(z.string().min(1).max(40))
      .min(1)
      .describe("Phrases that mark this type of question; the longest cue found in a question wins."),
    kinds: z.array(z.enum(ANSWER_KINDS)).min(1).describe("The answer kinds that answer this type."),
    note: z.string().max(200).optional(),
  }),
  z.strictObject({
    role: z.literal("plan-overview"),
    factIds: z
      .array(Slug)
      .min(1)
      .describe(
        'Facts that answer a question whose only subject is the plan ("what is Made in China 2025?").',
      ),
    note: z.string().max(200).optional(),
  }),
  z.strictObject({
    role: z.literal("example-question"),
    words: z
      .array(z.string().min(8).max(140))
      .min(1)
      .describe("Questions offered after a miss; each must be answerable from the facts."),
    note: z.string().max(200).optional(),
  }),
]);
export type LexiconEntry = z.infer<typeof LexiconEntrySchema>;

/** Each knowledge file wraps its records in one named array, plus the `$schema` pointer for editors. */
export const SourcesFileSchema = z.strictObject({
  $schema: z.string().optional(),
  sources: z.array(SourceSchema),
});
export const TopicsFileSchema = z.strictObject({
  $schema: z.string().optional(),
  topics: z.array(TopicSchema),
});
export const SectorsFileSchema = z.strictObject({
  $schema: z.string().optional(),
  sectors: z.array(SectorSchema),
});
export const FactsFileSchema = z.strictObject({ $schema: z.string().optional(), facts: z.array(FactSchema) });
export const LexiconFileSchema = z.strictObject({
  $schema: z.string().optional(),
  lexicon: z.array(LexiconEntrySchema),
});
export const SynonymsFileSchema = z.strictObject({
  $schema: z.string().optional(),
  synonyms: z.array(SynonymGroupSchema),
});

export const LessonSchema = z.strictObject({
  id: Slug,
  title: z.string().min(3).max(80),
  intro: z
    .string()
    .min(40)
    .max(600)
    .describe("A short introduction in our own words; the facts carry the sources."),
  factIds: z.array(Slug).min(1).max(6).describe("The facts this lesson presents, in order."),
});
export type Lesson = z.infer<typeof LessonSchema>;

/** Four choices fit on four buttons: a label is at most 80 characters, of which the "A. " prefix takes 3. */
export const QUIZ_CHOICE_MAX = 77;

export const QuizQuestionSchema = z
  .strictObject({
    id: Slug,
    question: z.string().min(10).max(250),
    choices: z
      .array(z.string().min(1).max(QUIZ_CHOICE_MAX))
      .length(4)
      .refine(
        (c) => new Set(c.map((x) => x.trim().toLowerCase())).size === 4,
        "the four choices must differ",
      ),
    answer: z.number().int().min(0).max(3).describe("Index (0-3) of the right choice."),
    factIds: z.array(Slug).min(1).max(3).describe("Facts that explain the right answer."),
    sector: SectorIdSchema.optional(),
    topic: Slug.optional(),
  })
  .refine((q) => q.sector !== undefined || q.topic !== undefined, {
    message: "give the question a sector or a topic",
    path: ["topic"],
  });
export type QuizQuestion = z.infer<typeof QuizQuestionSchema>;

/**
 * A figure a chart may draw: one number a fact states, with its unit, year and source. `quote` is the
 * figure exactly as the fact's text writes it ("74.1%", "exceeds 80%"); the checks require the fact's text
 * to hold the quote and the quote to hold the value, and the figure check reads the quote against the
 * source texts, so a chart can only show what a source says.
 */
export const FigureSchema = z.strictObject({
  id: Slug,
  sector: SectorIdSchema,
  factId: Slug.describe("The fact that states this figure; it must cite `sourceId` and be about `sector`."),
  measure: z
    .string()
    .min(5)
    .max(80)
    .describe("What is measured, the same words for every figure drawn on one axis (a chart panel)."),
  label: z.string().min(2).max(40).describe("The bar's label: what this figure is, within its measure."),
  value: z.number().describe("The number shown; for a range, its upper end."),
  low: z.number().optional().describe('For a range ("from 7.8% to 35.3%"), its lower end.'),
  unit: z.enum(["%"]).describe("Charts put only one unit, and one measure, on an axis."),
  bound: z
    .enum(["exact", "more-than", "about", "up-to"])
    .default("exact")
    .describe('Whether the value is exact or a bound such as ">80%"; charts label bounds as such.'),
  kind: z.enum(["actual", "forecast", "target"]).default("actual"),
  year: z.number().int().min(2000).max(2100).describe("The year the figure was true or is expected."),
  sourceId: Slug,
  quote: z.string().min(1).max(40).describe("The figure as the fact's text writes it."),
});
export type Figure = z.infer<typeof FigureSchema>;

export const FiguresFileSchema = z.strictObject({
  $schema: z.string().optional(),
  figures: z.array(FigureSchema),
});

export const LessonsFileSchema = z.strictObject({
  $schema: z.string().optional(),
  lessons: z.array(LessonSchema),
});
export const QuizFileSchema = z.strictObject({
  $schema: z.string().optional(),
  questions: z.array(QuizQuestionSchema),
});
