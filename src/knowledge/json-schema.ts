import { z } from "zod";
import { KNOWLEDGE_FILE_KINDS } from "./files.ts";

/**
 * The JSON Schemas editors use to check knowledge files as they are typed, generated from the zod schemas
 * (the single source of truth). Keyed by file name inside `knowledge/schema/`.
 */
export function buildJsonSchemas(): Map<string, unknown> {
  return new Map(
    KNOWLEDGE_FILE_KINDS.map((kind) => [
      kind.schemaFile,
      {
        // Input shape: fields with defaults are optional for authors.
        ...z.toJSONSchema(kind.schema, { io: "input", unrepresentable: "any" }),
        title: `mic2025-bot knowledge file: ${kind.kind}`,
      },
    ]),
  );
}

/** The text written to disk for a schema: stable, two-space indented, ending in a newline. */
export function serializeJsonSchema(schema: unknown): string {
  return `${JSON.stringify(schema, null, 2)}\n`;
}
