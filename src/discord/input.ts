import { EN, type StringKey, type Translate } from "../i18n/index.ts";

/*
 * What a member typed, bounded before it reaches search. Discord enforces an option's max length in
 * characters, but NFKC normalisation (which search does first) can expand one character into up to 18
 * (U+FDFA), so 100 characters could become 1,800. Every text is cut to its option's max length, then its
 * NFKC form is bounded to that same length: a legal input never costs more than an ordinary one.
 */

/**
 * A request whose options do not fit the command: the member gets `text(t)` in their language (`message`
 * is the English), the log gets `reason`.
 */
export class InputError extends Error {
  override name = "InputError";
  constructor(
    readonly reason: "wrong-type" | "missing-option" | "unknown-subcommand",
    readonly key: StringKey,
    readonly values: Readonly<Record<string, string | number>> = {},
  ) {
    super(EN(key, values));
  }

  /** What the member reads, in the language of `t`. */
  text(t: Translate): string {
    return t(this.key, this.values);
  }
}

/** Cuts `text` to `maxLength` code points and keeps only as many as fit in `maxLength` after NFKC. */
export function boundInput(text: string, maxLength: number): string {
  const points = Array.from(text).slice(0, maxLength);
  let cut = points.join("");
  if (cut.normalize("NFKC").length <= maxLength) return cut;
  let expanded = 0;
  let kept = 0;
  for (const point of points) {
    expanded += point.normalize("NFKC").length;
    if (expanded > maxLength) break;
    kept++;
  }
  cut = points.slice(0, kept).join("");
  return cut;
}
