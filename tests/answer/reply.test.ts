import { describe, expect, it } from "vitest";
import { citeFacts } from "../../src/answer/reply.ts";
import { loadKnowledgeOrThrow } from "../../src/knowledge/load.ts";
import type { Fact } from "../../src/knowledge/schema.ts";

const kb = loadKnowledgeOrThrow();

function facts(...ids: string[]): Fact[] {
  return ids.map((id) => {
    const fact = kb.factById.get(id);
    if (!fact) throw new Error(`no fact ${id}`);
    return fact;
  });
}

describe("citeFacts: the sector label next to a fact in answers", () => {
  it.each([
    ["policy-wide fact (the ten-sector list)", "plan-ten-key-sectors-list", undefined],
    [
      "official sector shared by two sectors (aerospace: aircraft and drones)",
      "sector-official-aerospace",
      undefined,
    ],
    [
      "official sector shared by two sectors (next-gen IT: chips and telecom)",
      "sector-official-next-gen-it",
      undefined,
    ],
    ["fact about one sector", "hsr-network-length-2024", "high-speed-rail"],
  ])("%s", (_name, id, sectorId) => {
    const [cited] = citeFacts(kb, facts(id), true).facts;
    expect(cited?.sector?.id).toBe(sectorId);
  });

  it("shows no sector at all unless asked", () => {
    const [cited] = citeFacts(kb, facts("hsr-network-length-2024")).facts;
    expect(cited?.sector).toBeUndefined();
  });
});
