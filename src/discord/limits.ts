/**
 * Discord's limits, in one place (https://discord.com/developers/docs/resources/message and
 * .../interactions/application-commands). Everything that builds text for Discord measures against these.
 */
export const DISCORD_LIMITS = {
  content: 2000,
  embedsPerMessage: 10,
  embedTitle: 256,
  embedDescription: 4096,
  embedFields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footer: 2048,
  author: 256,
  /** Sum of title, description, field names and values, footer and author over all embeds of a message. */
  embedTotal: 6000,
  autocompleteChoices: 25,
  choiceName: 100,
  choiceValue: 100,
  customId: 100,
  buttonLabel: 80,
  buttonsPerRow: 5,
  actionRows: 5,
  commandDescription: 100,
  optionDescription: 100,
} as const;

/**
 * Cuts `text` to at most `max` characters (counted as UTF-16 code units, as Discord counts), ending with
 * an ellipsis when cut, without splitting a surrogate pair. The one truncation helper of the project.
 */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max <= 1) return text.slice(0, Math.max(0, max));
  let end = max - 1;
  const code = text.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end--;
  return `${text.slice(0, end).trimEnd()}…`;
}
