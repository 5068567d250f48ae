import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { buildJsonSchemas, serializeJsonSchema } from "./json-schema.ts";
import { DEFAULT_KNOWLEDGE_DIR } from "./load.ts";

// Regenerates knowledge/schema/*.schema.json after a change to src/knowledge/schema.ts.
const dir = join(DEFAULT_KNOWLEDGE_DIR, "schema");
mkdirSync(dir, { recursive: true });
for (const [file, schema] of buildJsonSchemas()) {
  writeFileSync(join(dir, file), serializeJsonSchema(schema));
  console.log(`wrote knowledge/schema/${file}`);
}
