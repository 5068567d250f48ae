/**
 * The layers the README describes, checked on the real import graph of src/: every file belongs to a layer,
 * imports only from its own layer or those below, front ends do not import one another, the core does no
 * I/O, and no import (type-only ones included) closes a cycle.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import { describe, expect, it } from "vitest";

const SRC = resolve("src");

/** Lowest first. A file may import from its own layer and every layer before it. */
const LAYERS: { name: string; holds: (path: string) => boolean }[] = [
  { name: "text", holds: (p) => p.startsWith("text/") },
  { name: "i18n", holds: (p) => p.startsWith("i18n/") },
  { name: "knowledge", holds: (p) => p.startsWith("knowledge/") },
  { name: "search", holds: (p) => p.startsWith("search/") },
  { name: "answer", holds: (p) => p.startsWith("answer/") },
  { name: "commands", holds: (p) => p.startsWith("commands/") },
  { name: "charts", holds: (p) => p.startsWith("charts/") },
  { name: "runtime", holds: (p) => p === "config.ts" || p === "logger.ts" },
  { name: "adapters", holds: (p) => ADAPTERS.some((a) => p.startsWith(`${a}/`)) },
  { name: "entry", holds: (p) => p === "main.ts" || p.startsWith("process/") },
];
/** Front ends and storage: each talks to the core, never to another adapter (the entry wires them). */
const ADAPTERS = ["discord", "console", "storage", "http"];
/** Layers that are pure: no file system, network, terminal or database. */
const PURE = new Set(["text", "i18n", "search", "answer", "commands"]);
const IO_MODULES =
  /^(node:|discord\.js$|discord-api-types|better-sqlite3$|pg$|dotenv$|ws$|@napi-rs\/canvas$)/;

/**
 * Backward imports another branch removes. Each is allowed while it exists, never required; delete the
 * entries once that work is merged. (The search rewrite removed search → answer/limits and
 * knowledge → search/normalize; answer/limits.ts, its re-export of discord/limits.ts, is gone.)
 */
const PENDING_ELSEWHERE = new Set<string>();

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return name.endsWith(".ts") ? [path] : [];
  });
}

const rel = (path: string) => relative(SRC, path).split(sep).join("/");

/** Every module specifier a file names: static imports and re-exports (type-only too) and dynamic imports. */
function specifiersOf(text: string): string[] {
  const found: string[] = [];
  for (const match of text.matchAll(/^\s*(?:import|export)\s[^;]*?\sfrom\s+"([^"]+)"/gms))
    found.push(match[1] ?? "");
  for (const match of text.matchAll(/^\s*import\s+"([^"]+)"/gm)) found.push(match[1] ?? "");
  for (const match of text.matchAll(/\bimport\(\s*"([^"]+)"\s*\)/g)) found.push(match[1] ?? "");
  return found;
}

const graph = new Map<string, { local: string[]; packages: string[] }>();
for (const file of sourceFiles(SRC)) {
  const specifiers = specifiersOf(readFileSync(file, "utf8"));
  graph.set(rel(file), {
    local: specifiers.filter((s) => s.startsWith(".")).map((s) => rel(resolve(dirname(file), s))),
    packages: specifiers.filter((s) => !s.startsWith(".")),
  });
}

const layerOf = (path: string) => LAYERS.findIndex((layer) => layer.holds(path));
const adapterOf = (path: string) => ADAPTERS.find((a) => path.startsWith(`${a}/`));

/** The imports that break the layering: backward, between adapters, or to a file that does not exist. */
function wrongImports(of: ReadonlyMap<string, { local: string[] }>): string[] {
  const wrong: string[] = [];
  for (const [from, { local }] of of) {
    for (const to of local) {
      const edge = `${from} -> ${to}`;
      if (PENDING_ELSEWHERE.has(edge)) continue;
      if (!of.has(to)) wrong.push(`${edge}: no such file`);
      else if (layerOf(to) > layerOf(from))
        wrong.push(`${edge}: ${LAYERS[layerOf(from)]?.name} imports ${LAYERS[layerOf(to)]?.name}`);
      else if (adapterOf(from) && adapterOf(to) && adapterOf(from) !== adapterOf(to))
        wrong.push(`${edge}: one adapter imports another`);
    }
  }
  return wrong;
}

describe("architecture: the import graph of src/", () => {
  it("reads a plausible graph", () => {
    expect(graph.size).toBeGreaterThan(30);
    expect(graph.get("discord/dispatcher.ts")?.local).toContain("answer/actions.ts");
  });

  it("places every file in a layer", () => {
    expect([...graph.keys()].filter((path) => layerOf(path) < 0)).toEqual([]);
  });

  it("has no backward import and no import between adapters", () => {
    expect(PENDING_ELSEWHERE.size).toBe(0);
    expect(wrongImports(graph)).toEqual([]);
  });

  it.each([
    ["answer/limits.ts -> discord/limits.ts", "answer imports adapters"],
    ["search/index.ts -> answer/reply.ts", "search imports answer"],
    ["console/cli.ts -> process/kit.ts", "adapters imports entry"],
    ["console/cli.ts -> discord/limits.ts", "one adapter imports another"],
  ])("would catch %s", (edge, why) => {
    const [from = "", to = ""] = edge.split(" -> ");
    const withIt = new Map(graph);
    withIt.set(from, { local: [...(graph.get(from)?.local ?? []), to], packages: [] });
    if (!withIt.has(to)) withIt.set(to, { local: [], packages: [] });
    expect(wrongImports(withIt)).toEqual([`${edge}: ${why}`]);
  });

  it("keeps the core free of I/O: no node:, discord.js, SQLite or dotenv below the adapters", () => {
    const wrong = [...graph].flatMap(([from, { packages }]) =>
      PURE.has(LAYERS[layerOf(from)]?.name ?? "")
        ? packages.filter((p) => IO_MODULES.test(p)).map((p) => `${from} -> ${p}`)
        : [],
    );
    expect(wrong).toEqual([]);
  });

  it("keeps discord.js in the Discord adapter, better-sqlite3 and pg in storage", () => {
    const wrong = [...graph].flatMap(([from, { packages }]) =>
      packages
        .filter(
          (p) =>
            (p === "discord.js" && !from.startsWith("discord/")) ||
            ((p === "better-sqlite3" || p === "pg") && !from.startsWith("storage/")),
        )
        .map((p) => `${from} -> ${p}`),
    );
    expect(wrong).toEqual([]);
  });

  it("has no import cycle", () => {
    const cycles: string[] = [];
    const state = new Map<string, "open" | "done">();
    const visit = (file: string, path: string[]) => {
      if (state.get(file) === "done") return;
      if (state.get(file) === "open") {
        cycles.push([...path.slice(path.indexOf(file)), file].join(" -> "));
        return;
      }
      state.set(file, "open");
      for (const next of graph.get(file)?.local ?? []) visit(next, [...path, file]);
      state.set(file, "done");
    };
    for (const file of graph.keys()) visit(file, []);
    expect(cycles).toEqual([]);
  });
});
