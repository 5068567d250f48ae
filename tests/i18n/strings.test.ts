import { describe, expect, it } from "vitest";
import { LANGS, langOf, placeholdersOf, STRINGS, translator } from "../../src/i18n/index.ts";

const keys = Object.keys(STRINGS.en).sort();

describe("the interface strings", () => {
  it.each(LANGS)("%s has every key and no other", (lang) => {
    expect(Object.keys(STRINGS[lang]).sort()).toEqual(keys);
  });

  it.each(LANGS.filter((l) => l !== "en"))(
    "%s has the same placeholders as English in every string",
    (lang) => {
      for (const key of keys) {
        const k = key as keyof typeof STRINGS.en;
        expect(placeholdersOf(STRINGS[lang][k]), `${lang} ${key}`).toEqual(placeholdersOf(STRINGS.en[k]));
        expect(STRINGS[lang][k].trim(), `${lang} ${key}`).not.toBe("");
      }
    },
  );

  it("reads Discord's locales, with English for the rest", () => {
    expect(langOf("zh-CN")).toBe("zh-CN");
    expect(langOf("zh-TW")).toBe("zh-TW");
    expect(langOf("en-US")).toBe("en");
    expect(langOf("fr")).toBe("en");
    expect(langOf(undefined)).toBe("en");
  });

  it("fills placeholders", () => {
    expect(translator("zh-CN")("ask.more", { count: 3 })).toBe("更多（3）");
    expect(translator("en")("ask.more", { count: 3 })).toBe("More (3)");
  });
});
