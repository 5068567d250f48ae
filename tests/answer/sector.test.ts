import { describe, expect, it } from "vitest";
import { respondToSector } from "../../src/answer/respond.ts";
import {
  buildSectorNotFoundReply,
  buildSectorReply,
  SECTOR_FACTS_PER_PAGE,
  sectorPageCount,
} from "../../src/answer/sector.ts";
import { loadKnowledgeOrThrow } from "../../src/knowledge/load.ts";
import { createSearch } from "../../src/search/index.ts";

const kb = loadKnowledgeOrThrow();

describe("buildSectorReply", () => {
  it.each(kb.sectors.map((s) => [s.id, s] as const))(
    "%s: card with status basis, summary, cited facts",
    (_id, sector) => {
      const reply = buildSectorReply(kb, sector);
      expect(reply.title).toContain(sector.name);
      expect(reply.title).toContain(sector.chineseName);
      expect(reply.subtitle).toContain(sector.statusBasis);
      expect(reply.summary).toBe(sector.summary);
      expect(reply.facts.length).toBeGreaterThanOrEqual(2);
      expect(reply.facts.length).toBeLessThanOrEqual(SECTOR_FACTS_PER_PAGE);
      for (const fact of reply.facts) {
        expect(fact.citations.length).toBeGreaterThan(0);
        for (const n of fact.citations) expect(reply.citations.some((c) => c.n === n)).toBe(true);
      }
      expect(reply.actions.some((a) => a.action.type === "sector-sources")).toBe(true);
    },
  );

  it("pages through more facts with previous and next buttons", () => {
    const sector = kb.sectorById.get("electric-vehicles");
    if (!sector) throw new Error("no EV sector");
    const pages = sectorPageCount(kb, sector);
    expect(pages).toBeGreaterThan(1);
    const last = buildSectorReply(kb, sector, pages - 1);
    expect(last.actions.map((a) => a.label)).toContain("Previous facts");
    expect(last.actions.map((a) => a.label)).not.toContain("More facts");
    expect(last.audience).toBe("asker");
    // A page number past the end shows the last page rather than nothing.
    expect(buildSectorReply(kb, sector, 99).facts).toEqual(last.facts);
  });

  it("leads with facts about the sector alone, broad shared facts last", () => {
    const sector = kb.sectorById.get("semiconductors");
    if (!sector) throw new Error("no semiconductors");
    const facts = kb.factsBySector.get("semiconductors") ?? [];
    const widths = facts.map((f) => f.sectors.length);
    expect(widths).toEqual([...widths].sort((a, b) => a - b));
    // What the status rests on comes before trade news: the EV card opens with achievements.
    expect(kb.factsBySector.get("electric-vehicles")?.[0]?.topics).toContain("achievements");
  });
});

describe("buildSectorNotFoundReply", () => {
  it("offers the suggestions as buttons, privately, and marks the miss", () => {
    const sector = kb.sectorById.get("power-equipment");
    if (!sector) throw new Error("no power equipment");
    const reply = buildSectorNotFoundReply("power", { sector: null, suggestions: [sector] });
    expect(reply.audience).toBe("asker");
    expect(reply.miss).toBe(true);
    expect(reply.summary).toContain("Did you mean Power equipment");
    expect(reply.actions).toEqual([
      { label: sector.name, action: { type: "sector", sectorId: "power-equipment" } },
    ]);
  });
});

describe("/sector replies that land nowhere", () => {
  const search = createSearch(kb);
  it.each(["", "   ", "🚀🤖", "qzxvjk", "x".repeat(101), "今天天气怎么样", "?!"])(
    "%j still offers sector buttons",
    (query) => {
      const reply = respondToSector(search, query);
      const sectors = reply.actions.filter((a) => a.action.type === "sector");
      expect(sectors.length).toBeGreaterThanOrEqual(1);
      if (!search.resolveSector(query).sector) expect(sectors.length).toBeGreaterThanOrEqual(2);
    },
  );
});
