import { describe, expect, it } from "vitest";
import { loadKnowledgeOrThrow } from "../../src/knowledge/load.ts";
import { createSearch } from "../../src/search/index.ts";

const search = createSearch(loadKnowledgeOrThrow());

describe("resolveSector", () => {
  it.each([
    ["semiconductors", "semiconductors", "exact"],
    ["Semiconductors!", "semiconductors", "exact"],
    ["semiconducters", "semiconductors", "fuzzy"],
    ["robtics", "robotics", "fuzzy"],
    ["NEV", "electric-vehicles", "exact"],
    ["COMAC", "commercial-aircraft", "exact"],
    ["芯片", "semiconductors", "exact"],
    ["高铁", "high-speed-rail", "exact"],
    ["chinese chip industry", "semiconductors", "contains"],
    ["中国的芯片", "semiconductors", "contains"],
    ["machien tools", "machine-tools", "fuzzy"],
    ["planes", "commercial-aircraft", "exact"],
    ["aircraft", "commercial-aircraft", "synonym"],
    ["jets", "commercial-aircraft", "synonym"],
    ["cars", "electric-vehicles", "synonym"],
    ["aircarft", "commercial-aircraft", "fuzzy"],
    ["IT", "telecom", "synonym"],
  ])("%j → %s (%s)", (query, sectorId, how) => {
    const result = search.resolveSector(query);
    expect(result.sector?.id).toBe(sectorId);
    expect(result.sector ? result.how : null).toBe(how);
  });

  it.each(["bananas", "asdfghjkl", "the weather"])("%j resolves to no sector", (query) => {
    expect(search.resolveSector(query).sector).toBeNull();
  });

  it("answers a vague word with suggestions instead of a guess", () => {
    const result = search.resolveSector("power");
    expect(result.sector).toBeNull();
    expect(result.suggestions.map((s) => s.id)).toContain("power-equipment");
    expect(result.suggestions.length).toBeLessThanOrEqual(3);
  });

  it.each([
    ["tsmc", "semiconductors"],
    ["power", "power-equipment"],
  ])("a look-up no label names, %j, still offers %s", (query, sectorId) => {
    const result = search.resolveSector(query);
    const offered = result.sector ? [result.sector.id] : result.suggestions.map((s) => s.id);
    expect(offered).toContain(sectorId);
  });

  it.each(["", "   ", "***", "<@123456789012345678>", "x".repeat(5000)])("survives odd input %#", (query) => {
    const result = search.resolveSector(query);
    expect(result.suggestions.length).toBeLessThanOrEqual(3);
  });

  // A look-up that lands nowhere offers two or three sectors, whatever was typed.
  const seeded = (seed: number, length: number, alphabet: string) => {
    let state = seed;
    return Array.from({ length }, () => {
      state = (state * 1103515245 + 12345) % 2 ** 31;
      return alphabet[state % alphabet.length];
    }).join("");
  };
  it.each([
    ["random letters", seeded(1, 12, "abcdefghijklmnopqrstuvwxyz")],
    ["random words", seeded(2, 40, "qwxzjkv ")],
    ["empty", ""],
    ["spaces", "    "],
    ["punctuation only", "?!.,;:-—…"],
    ["emoji", "🚀🤖💡"],
    ["emoji with joiners", "👩‍🔬🏳️‍🌈"],
    ["a mention", "<@123456789012345678>"],
    ["100 characters", "z".repeat(100)],
    ["100 characters of words", "lorem ipsum dolor sit amet ".repeat(4).slice(0, 100)],
    ["unknown Chinese", "今天天气怎么样"],
    ["Chinese sharing a character", "半导"],
    ["digits", "1234567890"],
    ["combining marks only", "\u0301\u0302"],
    ["zero-width", "\u200b\u200c"],
    ["a long number", "31415926535"],
  ])("never ends empty: %s", (_, query) => {
    const result = search.resolveSector(query);
    if (result.sector) return;
    expect(result.suggestions.length).toBeGreaterThanOrEqual(2);
    expect(result.suggestions.length).toBeLessThanOrEqual(3);
    expect(new Set(result.suggestions.map((s) => s.id)).size).toBe(result.suggestions.length);
  });

  it.each([
    ["半导", "semiconductors"],
    ["semicnoductrs", "semiconductors"],
    ["shipbuldng", "shipbuilding"],
  ])("with no strategy landing, the likeliest look-alike comes first: %j → %s", (query, sectorId) => {
    const result = search.resolveSector(query);
    const offered = result.sector ? [result.sector.id] : result.suggestions.map((s) => s.id);
    expect(offered[0]).toBe(sectorId);
  });
});

describe("suggestSectors", () => {
  it("lists every sector, alphabetically, for an empty input", () => {
    const choices = search.suggestSectors("");
    expect(choices).toHaveLength(17);
    const names = choices.map((c) => c.name);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
  });

  it.each([
    ["sem", "semiconductors"],
    ["rob", "robotics"],
    ["nev", "electric-vehicles"],
    ["芯", "semiconductors"],
    ["shipbulding", "shipbuilding"],
  ])("%j offers %s first", (partial, sectorId) => {
    expect(search.suggestSectors(partial)[0]?.value).toBe(sectorId);
  });

  it("puts name prefixes before alias prefixes", () => {
    const values = search.suggestSectors("s").map((c) => c.value);
    const firstAliasOnly = values.findIndex(
      (id) =>
        !search.kb.sectorById
          .get(id as never)
          ?.name.toLowerCase()
          .startsWith("s"),
    );
    const lastNamePrefix = values.findLastIndex((id) =>
      search.kb.sectorById
        .get(id as never)
        ?.name.toLowerCase()
        .startsWith("s"),
    );
    expect(firstAliasOnly === -1 || lastNamePrefix < firstAliasOnly).toBe(true);
  });

  it.each(["", "a", "e", "c", "x".repeat(200), "**"])(
    "offers each sector at most once, with a name, for %j (the caller caps count and length)",
    (partial) => {
      const choices = search.suggestSectors(partial);
      expect(choices.length).toBeLessThanOrEqual(search.kb.sectors.length);
      for (const choice of choices) {
        expect(choice.name.length).toBeGreaterThan(0);
        expect(search.kb.sectorById.has(choice.value)).toBe(true);
      }
      expect(new Set(choices.map((c) => c.value)).size).toBe(choices.length);
    },
  );
});
