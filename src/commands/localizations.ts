import type { Lang } from "../i18n/index.ts";

/** A command's or option's name and description in one locale (Discord's `*_localizations`). */
export interface Localized {
  name: string;
  description: string;
}

/** The locales Discord shows command names in, besides English. */
export type CommandLang = Exclude<Lang, "en">;

/**
 * Command, subcommand and option names and descriptions in Chinese, keyed by path: `sector`,
 * `quiz question`, `sector name` (an option), `private` and `for` (the sharing options, same everywhere).
 * Names keep Discord's rule (lower case, no spaces, `^[-_\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$`), checked
 * with the rest in tests/commands/localizations.test.ts. Message commands are keyed by their English name.
 */
export const COMMAND_LOCALIZATIONS: Record<CommandLang, Record<string, Localized>> = {
  "zh-CN": {
    sector: { name: "领域", description: "某个领域的概要、状态和有出处的事实" },
    "sector name": {
      name: "名称",
      description: "领域名称、缩写、产品或中文名（如 semiconductors、NEV、芯片）",
    },
    ask: { name: "提问", description: "用平常的话提问，得到最能回答《中国制造2025》问题的事实" },
    "ask question": { name: "问题", description: "例如：中国在哪些产业仍依赖他国？" },
    sectors: { name: "领域列表", description: "所有领域，按中国领先或依赖他国分组" },
    overview: { name: "概览", description: "《中国制造2025》是什么：发布者、目标与步骤、重点领域、名称" },
    timeline: { name: "时间线", description: "2015年以来规划的重要节点" },
    sources: { name: "来源", description: "所有回答背后的来源，以及 H 和 M 可信度的含义" },
    learn: { name: "学习", description: "逐课学习《中国制造2025》，可前后翻页" },
    "learn lesson": { name: "课次", description: "按编号跳到某一课" },
    quiz: { name: "测验", description: "检验所学，并有本服务器的排行榜" },
    "quiz question": { name: "题目", description: "这里任何人都能回答的选择题；你的第一次回答计分" },
    "quiz question sector": { name: "领域", description: "只出这个领域的题目" },
    "quiz question lesson": { name: "课次", description: "只出这一课的题目（/learn 中的编号）" },
    "quiz scores": { name: "排行", description: "本处的前十名和你自己的排名" },
    help: { name: "帮助", description: "每个命令的作用及示例" },
    private: { name: "私密", description: "只有你能看到回答" },
    for: { name: "给", description: "把回答发给一位成员（只提及该成员）" },
    "Explain this message": {
      name: "解释这条消息",
      description: "右键或长按消息 › 应用 › 解释这条消息：只给你看的相关事实",
    },
  },
  "zh-TW": {
    sector: { name: "領域", description: "某個領域的概要、狀態和有出處的事實" },
    "sector name": {
      name: "名稱",
      description: "領域名稱、縮寫、產品或中文名（如 semiconductors、NEV、芯片）",
    },
    ask: { name: "提問", description: "用平常的話提問，得到最能回答《中國製造2025》問題的事實" },
    "ask question": { name: "問題", description: "例如：中國在哪些產業仍依賴他國？" },
    sectors: { name: "領域列表", description: "所有領域，按中國領先或依賴他國分組" },
    overview: { name: "概覽", description: "《中國製造2025》是什麼：發布者、目標與步驟、重點領域、名稱" },
    timeline: { name: "時間線", description: "2015年以來規劃的重要節點" },
    sources: { name: "來源", description: "所有回答背後的來源，以及 H 和 M 可信度的含義" },
    learn: { name: "學習", description: "逐課學習《中國製造2025》，可前後翻頁" },
    "learn lesson": { name: "課次", description: "按編號跳到某一課" },
    quiz: { name: "測驗", description: "檢驗所學，並有本伺服器的排行榜" },
    "quiz question": { name: "題目", description: "這裡任何人都能回答的選擇題；你的第一次回答計分" },
    "quiz question sector": { name: "領域", description: "只出這個領域的題目" },
    "quiz question lesson": { name: "課次", description: "只出這一課的題目（/learn 中的編號）" },
    "quiz scores": { name: "排行", description: "本處的前十名和你自己的排名" },
    help: { name: "幫助", description: "每個指令的作用及範例" },
    private: { name: "私密", description: "只有你能看到回答" },
    for: { name: "給", description: "把回答發給一位成員（只提及該成員）" },
    "Explain this message": {
      name: "解釋這則訊息",
      description: "右鍵或長按訊息 › 應用程式 › 解釋這則訊息：只給你看的相關事實",
    },
  },
};

/** `{ "zh-CN": ..., "zh-TW": ... }` for one path and field, as Discord's localization maps want it. */
export function localizationsOf(path: string, field: keyof Localized): Partial<Record<CommandLang, string>> {
  const out: Partial<Record<CommandLang, string>> = {};
  for (const [lang, table] of Object.entries(COMMAND_LOCALIZATIONS) as [
    CommandLang,
    Record<string, Localized>,
  ][]) {
    const value = table[path]?.[field];
    if (value) out[lang] = value;
  }
  return out;
}
