import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { KNOWLEDGE_FILE_KINDS } from "../../src/knowledge/files.ts";
import { buildJsonSchemas } from "../../src/knowledge/json-schema.ts";
import { DEFAULT_KNOWLEDGE_DIR, readKnowledgeTexts } from "../../src/knowledge/load.ts";

describe("the JSON Schemas editors check knowledge files against", () => {
  it.each([...buildJsonSchemas()])(
    "knowledge/schema/%s matches the zod schemas (run `npm run kb:schema` if not)",
    (file, schema) => {
      const onDisk = JSON.parse(readFileSync(join(DEFAULT_KNOWLEDGE_DIR, "schema", file), "utf8"));
      expect(onDisk).toEqual(schema);
    },
  );

  it.each([...readKnowledgeTexts()])("%s points its $schema at the schema of its kind", (name, text) => {
    const kind = KNOWLEDGE_FILE_KINDS.find((k) => k.pattern.test(name));
    expect(kind, `${name} is not a known kind of knowledge file`).toBeDefined();
    const depth = name.split("/").length - 1;
    expect(JSON.parse(text).$schema).toBe(`${"../".repeat(depth) || "./"}schema/${kind?.schemaFile}`);
  });
});
