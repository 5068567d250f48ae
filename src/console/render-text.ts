import { plainText, type Reply, STATUS_LABEL } from "../answer/reply.ts";

const STATUS_MARK = { leading: "●", strong: "◐", mixed: "◑", dependent: "○", "not-rated": "·" } as const;

/** Draws a reply as plain terminal text: the same content the bot posts, set apart by nothing but words. */
export function renderText(reply: Reply): string {
  const lines: string[] = [];
  const mark = reply.status ? `${STATUS_MARK[reply.status]} ` : "";
  lines.push(`${mark}${reply.title}`, "=".repeat(Math.min(60, reply.title.length + mark.length)));
  if (reply.subtitle) lines.push(reply.subtitle);
  if (reply.choices?.length) lines.push("", ...reply.choices.map((c) => `${c.letter}. ${c.text}`));
  if (reply.summary) lines.push("", plainText(reply.summary));
  for (const field of reply.fields) {
    const value = field.example ? `${field.value}\nExample: ${field.example}` : field.value;
    lines.push("", `${field.name}:`, indent(value));
  }
  if (reply.facts.length) {
    lines.push("");
    reply.facts.forEach((fact, i) => {
      const refs = fact.citations.map((n) => `[${n}]`).join("");
      const context = fact.sector ? ` (${fact.sector.name}: ${STATUS_LABEL[fact.sector.status]})` : "";
      lines.push(`${i + 1}. ${fact.text} ${refs} ${fact.confidence}${context}`);
    });
  }
  if (reply.citations.length) {
    lines.push("", "Sources:");
    for (const { n, source } of reply.citations) {
      lines.push(
        `  [${n}] ${source.title}. ${source.publisher}, ${source.date}.${source.url ? ` ${source.url}` : ""}`,
      );
    }
  }
  if (reply.footer) lines.push("", reply.footer);
  if (reply.actions.length) lines.push("", `Next: ${reply.actions.map((a) => a.label).join(" | ")}`);
  return `${lines.join("\n")}\n`;
}

function indent(text: string): string {
  return text
    .split("\n")
    .map((line) => `  ${line}`)
    .join("\n");
}
