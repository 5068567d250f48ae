import type { z } from "zod";
import {
  FactsFileSchema,
  FiguresFileSchema,
  LessonsFileSchema,
  LexiconFileSchema,
  QuizFileSchema,
  SectorsFileSchema,
  SourcesFileSchema,
  SynonymsFileSchema,
  TopicsFileSchema,
} from "./schema.ts";

/**
 * The kinds of knowledge file, each with its zod schema and the JSON Schema file editors check it against.
 * `pattern` says which files under `knowledge/` hold that kind; The array inside is named after the kind.
 */
export const KNOWLEDGE_FILE_KINDS = [
  {
    kind: "sources",
    pattern: /^sources\.json$/,
    schema: SourcesFileSchema,
    schemaFile: "sources.schema.json",
  },
  { kind: "topics", pattern: /^topics\.json$/, schema: TopicsFileSchema, schemaFile: "topics.schema.json" },
  {
    kind: "sectors",
    pattern: /^sectors\.json$/,
    schema: SectorsFileSchema,
    schemaFile: "sectors.schema.json",
  },
  {
    kind: "synonyms",
    pattern: /^synonyms\.json$/,
    schema: SynonymsFileSchema,
    schemaFile: "synonyms.schema.json",
  },
  {
    kind: "lexicon",
    pattern: /^lexicon\.json$/,
    schema: LexiconFileSchema,
    schemaFile: "lexicon.schema.json",
  },
  {
    kind: "lessons",
    pattern: /^lessons\.json$/,
    schema: LessonsFileSchema,
    schemaFile: "lessons.schema.json",
  },
  {
    kind: "questions",
    pattern: /^quiz\.json$/,
    schema: QuizFileSchema,
    schemaFile: "quiz.schema.json",
  },
  {
    kind: "figures",
    pattern: /^figures\.json$/,
    schema: FiguresFileSchema,
    schemaFile: "figures.schema.json",
  },
  {
    kind: "facts",
    pattern: /^facts\/[^/]+\.json$/,
    schema: FactsFileSchema,
    schemaFile: "facts.schema.json",
  },
] as const satisfies readonly {
  kind: string;
  pattern: RegExp;
  schema: z.ZodType;
  schemaFile: string;
}[];
