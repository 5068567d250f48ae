import { DISCORD_LIMITS as L } from "../../src/discord/limits.ts";
import type { DiscordMessage } from "../../src/discord/render.ts";

/** Every way `message` breaks one of Discord's limits, checked independently of the renderer. */
export function limitViolations(message: DiscordMessage): string[] {
  const problems: string[] = [];
  const check = (ok: boolean, what: string) => {
    if (!ok) problems.push(what);
  };
  check((message.content ?? "").length <= L.content, "content over 2000");
  check(message.embeds.length <= L.embedsPerMessage, "more than 10 embeds");
  let total = 0;
  for (const embed of message.embeds) {
    check((embed.title ?? "").length <= L.embedTitle, `title over 256: ${embed.title}`);
    check((embed.description ?? "").length <= L.embedDescription, "description over 4096");
    check((embed.fields ?? []).length <= L.embedFields, "more than 25 fields");
    check((embed.footer?.text ?? "").length <= L.footer, "footer over 2048");
    for (const field of embed.fields ?? []) {
      check(
        field.name.length > 0 && field.name.length <= L.fieldName,
        `field name length ${field.name.length}`,
      );
      check(
        field.value.length > 0 && field.value.length <= L.fieldValue,
        `field value length ${field.value.length}`,
      );
    }
    total +=
      (embed.title ?? "").length +
      (embed.description ?? "").length +
      (embed.footer?.text ?? "").length +
      (embed.fields ?? []).reduce((sum, f) => sum + f.name.length + f.value.length, 0);
  }
  check(total <= L.embedTotal, `embeds total ${total} over 6000`);
  check(message.components.length <= L.actionRows, "more than 5 action rows");
  const ids = new Set<string>();
  for (const row of message.components) {
    check(row.components.length <= L.buttonsPerRow, "more than 5 buttons in a row");
    for (const button of row.components) {
      if (!("custom_id" in button)) continue;
      check(
        button.custom_id.length > 0 && button.custom_id.length <= L.customId,
        `custom_id length ${button.custom_id.length}`,
      );
      check(!ids.has(button.custom_id), `duplicate custom_id ${button.custom_id}`);
      ids.add(button.custom_id);
      check(
        (button.label ?? "").length > 0 && (button.label ?? "").length <= L.buttonLabel,
        `label length ${button.label?.length}`,
      );
    }
  }
  check(message.allowedMentions.parse.length === 0, "allowed_mentions parses something");
  return problems;
}
