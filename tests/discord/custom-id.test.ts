import { describe, expect, it } from "vitest";
import type { Action } from "../../src/answer/reply.ts";
import { createCustomIdCodec, factCode } from "../../src/discord/custom-id.ts";
import { loadKnowledgeOrThrow } from "../../src/knowledge/load.ts";

const kb = loadKnowledgeOrThrow();
const codec = createCustomIdCodec(kb);
const factIds = kb.facts.map((f) => f.id);

describe("button custom ids", () => {
  it.each<Action>([
    { type: "sector", sectorId: "semiconductors" },
    { type: "sector-facts", sectorId: "agricultural-machinery", page: 2 },
    { type: "sector-sources", sectorId: "commercial-aircraft" },
    { type: "facts", factIds: factIds.slice(0, 6) },
    { type: "timeline", page: 3 },
    { type: "lesson", index: 0 },
    { type: "quiz" },
    { type: "quiz", sectorId: "semiconductors" },
    { type: "quiz", lesson: 2 },
    { type: "quiz-answer", questionId: kb.questions[0]?.id ?? "", choice: 3 },
  ])("round-trips %j within 100 characters", (action) => {
    const id = codec.encode(action);
    expect(id.length).toBeLessThanOrEqual(100);
    expect(codec.decode(id)).toEqual(action);
  });

  it("keeps as many facts as fit when asked to carry too many", () => {
    const id = codec.encode({ type: "facts", factIds });
    expect(id.length).toBeLessThanOrEqual(100);
    const decoded = codec.decode(id);
    expect(decoded?.type).toBe("facts");
    if (decoded?.type === "facts") expect(decoded.factIds).toEqual(factIds.slice(0, decoded.factIds.length));
  });

  it("gives every fact and every quiz question its own code", () => {
    expect(new Set(factIds.map(factCode)).size).toBe(factIds.length);
    expect(new Set(kb.questions.map((q) => factCode(q.id))).size).toBe(kb.questions.length);
  });

  it.each([
    "",
    "garbage",
    "v1",
    "v1:s",
    "v1:s:nope",
    "v1:s:semiconductors:extra",
    "v2:s:semiconductors",
    "v1:sf:semiconductors:-1",
    "v1:sf:semiconductors:100",
    "v1:sf:semiconductors:1e3",
    "v1:f:zzzzzzz",
    `v1:f:${factCode(factIds[0] ?? "")}.`,
    "v1:t:x",
    "v1:x:semiconductors",
    "v1:l:99",
    "v1:q:s:spaceships",
    "v1:q:l:99",
    `v1:qa:${factCode(kb.questions[0]?.id ?? "")}:4`,
    "v1:qa:zzzzzzz:1",
    `v1:s:${"a".repeat(120)}`,
  ])("rejects the forged or garbled id %j", (id) => {
    expect(codec.decode(id)).toBeNull();
  });
});
