import { describe, expect, it } from "vitest";
import {
  buildOverviewReply,
  buildSectorsReply,
  buildSourcesReply,
  OVERVIEW_FACT_IDS,
  timelineFacts,
  timelineKey,
} from "../../src/answer/catalogue.ts";
import { loadKnowledgeOrThrow } from "../../src/knowledge/load.ts";
import type { Fact } from "../../src/knowledge/schema.ts";

const kb = loadKnowledgeOrThrow();

describe("catalogue replies", () => {
  it("/sectors lists every sector once, grouped by status", () => {
    const reply = buildSectorsReply(kb);
    const listed = reply.fields.flatMap((f) => f.value.split(", "));
    expect(listed).toHaveLength(kb.sectors.length);
    expect(reply.fields[0]?.name).toBe("China leads");
  });

  it("/overview tells who issued the plan, its steps, its sectors and its name, each fact sourced", () => {
    for (const id of OVERVIEW_FACT_IDS) expect(kb.factById.has(id), id).toBe(true);
    const reply = buildOverviewReply(kb);
    expect(reply.facts).toHaveLength(OVERVIEW_FACT_IDS.length);
    expect(reply.citations.length).toBeGreaterThan(1);
  });

  it("/timeline holds dated milestones from 2015 on, oldest first", () => {
    const facts = timelineFacts(kb);
    expect(facts.length).toBeGreaterThan(10);
    const years = facts.map((f) => f.asOf ?? 0);
    expect(years[0]).toBeGreaterThanOrEqual(2015);
    expect(years).toEqual([...years].sort((a, b) => a - b));
    expect(facts.some((f) => f.id === "plan-made-public-2015-05-19")).toBe(true);
  });

  it.each([
    ["plan-roadmap-update-2018", "section-301-findings-2018"],
    ["section-301-findings-2018", "section-301-first-tariffs-2018"],
    ["european-chamber-2017-criticism", "section-301-investigation-opened-2017"],
    ["hualong-one-fuqing-5-2021", "fyp-14-frontier-fields"],
    ["c919-first-commercial-flight-2023", "new-quality-productive-forces-2023"],
    ["big-fund-iii-2024", "eu-bev-countervailing-duties-2024"],
  ])("/timeline orders by exact date: %s comes before %s", (earlier, later) => {
    const ids = timelineFacts(kb).map((f) => f.id);
    expect(ids).toContain(earlier);
    expect(ids).toContain(later);
    expect(ids.indexOf(earlier)).toBeLessThan(ids.indexOf(later));
  });

  it("/timeline keys are in order, so months within a year come in order", () => {
    const keys = timelineFacts(kb).map(timelineKey);
    expect(keys).toEqual([...keys].sort());
  });

  it("/timeline reaches into 2026 and no further", () => {
    const base = kb.factById.get("section-301-findings-2018");
    if (!base) throw new Error("fixture fact missing");
    const later = (id: string, asOf: number, date: string): Fact => ({ ...base, id, asOf, date });
    const widened = {
      ...kb,
      facts: [later("late-2026-event", 2026, "2026-12"), ...kb.facts, later("too-late", 2027, "2027-01")],
    };
    const ids = timelineFacts(widened).map((f) => f.id);
    expect(ids.at(-1)).toBe("late-2026-event");
    expect(ids).not.toContain("too-late");
  });

  it("/sources lists every source, and explains H and M", () => {
    const reply = buildSourcesReply(kb);
    expect(reply.citations).toHaveLength(kb.sources.length);
    expect(reply.summary).toMatch(/H = high confidence/);
    expect(reply.summary).toMatch(/M = medium confidence/);
  });
});
