import { describe, expect, it } from "vitest";
import { explainMessage, MAX_EXPLAIN_LENGTH, messageWords } from "../../src/answer/explain.ts";
import { plainText } from "../../src/answer/reply.ts";
import { translator } from "../../src/i18n/index.ts";
import { loadKnowledgeOrThrow } from "../../src/knowledge/load.ts";
import { createSearch } from "../../src/search/index.ts";

const search = createSearch(loadKnowledgeOrThrow());
const input = (content: string, embedTexts: string[] = [], attachments = 0) => ({
  content,
  embedTexts,
  attachments,
});

describe("Explain this message", () => {
  it.each([
    ["<@123456789012345678> who issued the plan?", "who issued the plan?"],
    ["<@!123456789012345678> <@&223456789012345678> <#323456789012345678> hi", "hi"],
    ["@everyone @here chips", "chips"],
    ["see https://example.com/x?y=1 and http://a.b chips", "see and chips"],
    ["<:chip:423456789012345678> <a:spin:523456789012345678>", "chip spin"],
    ["```\ncode\n``` **bold** > quote", "code bold quote"],
    ["</ask:623456789012345678> now", "now"],
  ])("reads %j as %j", (content, words) => {
    expect(messageWords(input(content))).toBe(words);
  });

  it("reads embed texts after the content", () => {
    expect(messageWords(input("", ["Title", "Description"]))).toBe("Title Description");
  });

  it("searches at most the question length, cut at a word", () => {
    const reply = explainMessage(search, input(`chips ${"semiconductor ".repeat(100)}`));
    expect(reply.footer).toMatch(/Read the first (\d+) characters/);
    const n = Number(/first (\d+)/.exec(reply.footer ?? "")?.[1]);
    expect(n).toBeLessThanOrEqual(MAX_EXPLAIN_LENGTH);
    expect(reply.audience).toBe("asker");
  });

  it("says when a message has only pictures, in the reader's language", () => {
    const reply = explainMessage(search, input("", [], 2), translator("zh-CN"));
    expect(reply.title).toBe("没有可解释的内容");
    expect(plainText(reply.summary)).toContain("/ask");
    expect(reply.miss).toBe(true);
  });
});
