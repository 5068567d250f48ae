import { describe, expect, it } from "vitest";
import { loadKnowledgeOrThrow } from "../../src/knowledge/load.ts";
import { PLAN_TERM } from "../../src/search/fact-index.ts";
import { createSearch } from "../../src/search/index.ts";
import { analyseQuestion } from "../../src/search/query.ts";

const { index } = createSearch(loadKnowledgeOrThrow());
const analyse = (q: string) => analyseQuestion(q, index);
const term = (id: number) => index.terms[id];

describe("analyseQuestion", () => {
  it.each([
    ["Who wrote that assessment?", "who", ["assessment"]],
    ["When did Made in China 2025 come out?", "when", ["come out", PLAN_TERM]],
    ["How many robots did China install in 2024?", "how-much", ["robot", "install", "2024"]],
    ["Why did the US object to the plan?", "why", ["unit state", "object", PLAN_TERM]],
    ["What is Made in China 2025?", "what-is", [PLAN_TERM]],
    ["Is China ahead in chips?", "yes-no", ["ahead", "chip"]],
    ["subsidies and overcapacity", null, ["subsidy", "overcapacity"]],
    ["芯片 dependence", null, ["芯片", "dependenc"]],
  ])("%j: type %s, subject %j", (question, type, subject) => {
    const analysis = analyse(question);
    expect(analysis.type).toBe(type);
    expect(analysis.slots.map((s) => s.word).sort()).toEqual([...subject].sort());
  });

  it("weighs the plan's name at a small share beside the words saying what is asked", () => {
    const { slots } = analyse("When did Made in China 2025 come out?");
    const plan = slots.find((s) => s.plan);
    const other = slots.find((s) => !s.plan);
    expect(plan && other && plan.weight < other.weight / 4).toBe(true);
  });

  it("keeps the member's own question, cut to the longest question read", () => {
    expect(analyse("what is made in china 2025").question).toBe("what is made in china 2025");
    expect(analyse("x".repeat(5000)).question.length).toBe(300);
  });

  it.each([
    ["semiconducter", "semiconductor"],
    ["subsdies", "subsidy"],
  ])("reads the typo %j as %j", (question, expected) => {
    const [slot] = analyse(question).slots;
    expect(slot?.variants.map((v) => term(v.term))).toContain(expected);
  });

  it.each([
    ["last", "past"],
    ["last", "wast"],
    // Common English words are words, not slips: "city" is not "cite", "rain" not "rail", "letter" not "better".
    ["which city", "cite"],
    ["rain tomorrow", "rail"],
    ["cover letter", "better"],
  ])("does not read the real word in %j as a typo of %j", (question, other) => {
    const variants = analyse(question).slots.flatMap((s) => s.variants.map((v) => term(v.term)));
    expect(variants).not.toContain(other);
  });

  it.each<[string, string, { specific: boolean; name: boolean }]>([
    ["How many engineers work at COMAC?", "comac", { specific: true, name: true }],
    ["What about the C929 widebody?", "c929", { specific: true, name: true }],
    ["bitcoin price", "bitcoin", { specific: true, name: false }],
    ["robots installed in 2024", "2024", { specific: true, name: true }],
    ["Industrie 4.0 vs the plan", "4d0", { specific: true, name: true }],
    ["subsidies for chips", "chip", { specific: false, name: false }],
  ])("in %j, %j is specific: %j", (question, word, flags) => {
    const slot = analyse(question).slots.find((s) => s.word === word);
    expect({ specific: slot?.specific, name: slot?.name }).toEqual(flags);
  });

  it.each([
    ["planes", "aircraft"],
    ["jets", "aircraft"],
    ["taxpayers", "subsidy"],
    ["copy tech", "technology transfer"],
    ["come out", "publish"],
  ])("widens the everyday word %j to %j through the synonym table", (question, expected) => {
    const variants = analyse(question).slots.flatMap((s) => s.variants.map((v) => term(v.term)));
    expect(variants).toContain(expected);
  });

  it("counts a word the facts never use as unknown weight", () => {
    const analysis = analyse("recipe for bananas");
    expect(analysis.unknownWeight).toBe(analysis.totalWeight);
  });

  it.each([
    ["who won the world cup", ["cup"]],
    ["write me a poem about pizza", ["poem", "pizza"]],
  ])("in %j, the unknown words %j are common English words: a sign of another subject", (q, words) => {
    const analysis = analyse(q);
    const unknown = analysis.slots.filter((s) => !s.variants.length && !s.plan);
    expect(unknown.map((s) => s.word).sort()).toEqual([...words].sort());
    expect(analysis.commonUnknownWeight).toBe(analysis.unknownWeight);
  });

  it("does not count slang or a garbled word as a common word", () => {
    const analysis = analyse("sus xqzv dept");
    expect(analysis.unknownWeight).toBeGreaterThan(0);
    expect(analysis.commonUnknownWeight).toBe(0);
  });

  it.each([
    // "交付" (delivered) is no term of the facts: the question is about deliveries, not about the plan.
    ["C919现在一共交付了多少架？", ["交付"]],
    ["中国制造2025是不是在模仿德国工业4.0", ["模仿德国工业4d0"]],
    // Particles, question words and the glossary's terms ("发布", published) are not unknown words.
    ["中国制造2025是什么时候发布的？", []],
    ["新能源汽车渗透率现在多少？", []],
  ])("counts the Chinese of %j that the facts do not know as unknown words: %j", (question, unknown) => {
    const slots = analyse(question).slots.filter((s) => !s.variants.length && !s.plan);
    expect(slots.map((s) => s.word)).toEqual(unknown);
  });

  it("does not read a Chinese question with unknown words as a question about the plan alone", () => {
    const { slots } = analyse("日本和韩国怎么看中国制造2025");
    expect(slots.some((s) => !s.plan && !s.variants.length)).toBe(true);
    expect(slots.find((s) => s.plan)?.weight).toBeLessThan(1);
  });
});
