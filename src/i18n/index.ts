import { LANGS, type Lang, STRINGS, type StringKey } from "./strings.ts";

export { LANGS, type Lang, STRINGS, type StringKey, type StringTable } from "./strings.ts";

/** A translator bound to one locale: `t("ask.more", { count: 3 })`; `t.lang` names the locale. */
export interface Translate {
  (key: StringKey, values?: Readonly<Record<string, string | number>>): string;
  readonly lang: Lang;
}

/** Discord's locale (`zh-CN`, `en-US`, ...) as one the interface speaks; anything else is English. */
export function langOf(locale: string | null | undefined): Lang {
  return (LANGS as readonly string[]).includes(locale ?? "") ? (locale as Lang) : "en";
}

/** The `{name}` placeholders of a string, sorted. */
export function placeholdersOf(text: string): string[] {
  return [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? "").sort();
}

/** The translator for `lang`, with English where a key is missing (the test keeps none missing). */
export function translator(lang: Lang = "en"): Translate {
  const table = STRINGS[lang];
  const t = (key: StringKey, values: Readonly<Record<string, string | number>> = {}) =>
    (table[key] ?? STRINGS.en[key]).replace(/\{(\w+)\}/g, (whole, name: string) =>
      name in values ? String(values[name]) : whole,
    );
  return Object.assign(t, { lang });
}

/** A sector's name as a locale reads it: its Chinese name in Chinese, else its English name. */
export function sectorName(sector: { name: string; chineseName: string }, t: Translate): string {
  return t.lang === "en" ? sector.name : sector.chineseName;
}

/** English, for front ends without a locale (the console, the CLI). */
export const EN: Translate = translator("en");
