import { describe, expect, it } from "vitest";
import { createLogger } from "../src/logger.ts";

describe("createLogger", () => {
  it("writes one JSON line per event, at or above its level", () => {
    const lines: string[] = [];
    const logger = createLogger("info", (line) => lines.push(line));
    logger.debug("hidden");
    logger.info("interaction", { kind: "command", ms: 1.2 });
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0] ?? "")).toMatchObject({
      level: "info",
      event: "interaction",
      kind: "command",
      ms: 1.2,
    });
    expect(lines[0]?.endsWith("\n")).toBe(true);
  });

  it("redacts anything that looks like a secret, whatever the caller passed", () => {
    const lines: string[] = [];
    createLogger("debug", (line) => lines.push(line)).error("oops", {
      token: "abc.def.ghi",
      authorization: "Bot x",
    });
    expect(lines.join("")).not.toContain("abc.def.ghi");
    expect(lines.join("")).not.toContain("Bot x");
  });
});
