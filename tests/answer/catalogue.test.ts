import { describe, expect, it } from "vitest";
import {
  buildOverviewReply,
  buildSectorsReply,
  buildSourcesReply,
  OVERVIEW_FACT_IDS,
  timelineFacts,
} from "../../src/answer/catalogue.ts";
import { loadKnowledgeOrThrow } from "../../src/knowledge/load.ts";

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

  it("/sources lists every source, and explains H and M", () => {
    const reply = buildSourcesReply(kb);
    expect(reply.citations).toHaveLength(kb.sources.length);
    expect(reply.summary).toMatch(/H = high confidence/);
    expect(reply.summary).toMatch(/M = medium confidence/);
  });
});
