import {
  ButtonStyle,
  bold,
  ComponentType,
  embedLength,
  escapeMarkdown,
  inlineCode,
  italic,
  MessageFlags,
  userMention,
} from "discord.js";
import type {
  APIActionRowComponent,
  APIButtonComponent,
  APIEmbed,
  APIEmbedField,
} from "discord-api-types/v10";
import {
  type Reply,
  type ReplyFact,
  type RichText,
  type SpanWriter,
  statusLabel,
  writeRichText,
} from "../answer/reply.ts";
import { EN, type Translate } from "../i18n/index.ts";
import type { SectorStatus } from "../knowledge/schema.ts";
import type { CustomIdCodec } from "./custom-id.ts";
import { DISCORD_LIMITS, truncate } from "./limits.ts";

/** The message a reply becomes: plain JSON that discord.js sends as is. */
export interface DiscordMessage {
  content?: string;
  embeds: APIEmbed[];
  components: APIActionRowComponent<APIButtonComponent>[];
  flags?: MessageFlags.Ephemeral;
  allowedMentions: { parse: []; users?: string[] };
  /** The reply's chart as a PNG attachment, shown as the embed's image. */
  files?: { attachment: Buffer; name: string; description: string }[];
}

/** A drawn chart to attach (see src/charts). */
export interface ChartFile {
  name: string;
  png: Buffer;
  description: string;
}

/** The embed colour of each sector status, green (leads) to red (depends). */
export const STATUS_COLOUR: Record<SectorStatus, number> = {
  leading: 0x2e7d32,
  strong: 0x7cb342,
  mixed: 0xf9a825,
  dependent: 0xc62828,
  "not-rated": 0x9e9e9e,
};
const DEFAULT_COLOUR = 0x5865f2;
const STATUS_EMOJI: Record<SectorStatus, string> = {
  leading: "🟢",
  strong: "🟩",
  mixed: "🟡",
  dependent: "🔴",
  "not-rated": "⚪",
};

/**
 * Escapes what a user typed so it shows as typed: bold, links, headings, lists, code and mentions are all
 * neutralised (the embed never pings, but `@everyone` should still read as text).
 */
export function escapeUserText(text: string): string {
  return escapeMarkdown(text.replace(/\s+/g, " ").trim(), {
    heading: true,
    bulletedList: true,
    numberedList: true,
    maskedLink: true,
  })
    .replaceAll("@", "@\u200b")
    .replaceAll("<", "<\u200b");
}

const MARKDOWN: SpanWriter = { strong: bold, command: inlineCode, member: userMention };

/** Rich text as Discord markdown: the answer in bold, commands as code, members as mentions. */
export function markdownOf(text: RichText): string {
  return writeRichText(text, MARKDOWN);
}

function factLine(fact: ReplyFact, index: number, t: Translate): string {
  const refs = fact.citations.map((n) => `[${n}]`).join("");
  const context = fact.sector
    ? `\n  ↳ ${italic(`${fact.sector.name}: ${statusLabel(fact.sector.status, t)}`)}`
    : "";
  return `${bold(`${index + 1}.`)} ${fact.text} ${refs} ${inlineCode(fact.confidence)}${context}`;
}

/** Joins whole lines while they fit in `max`; the last line is cut only when even it alone is too long. */
function fitLines(lines: readonly string[], max: number, separator = "\n"): string {
  let out = "";
  for (const line of lines) {
    const next = out ? `${out}${separator}${line}` : line;
    if (next.length > max) return out || truncate(line, max);
    out = next;
  }
  return out;
}

function sourceFields(reply: Reply, t: Translate): APIEmbedField[] {
  const lines = reply.citations.map(({ n, source }) => {
    const title = escapeMarkdown(source.title).replace(/[[\]]/g, (c) => (c === "[" ? "(" : ")"));
    const linked = source.url ? `[${truncate(title, 180)}](${source.url})` : truncate(title, 180);
    return `[${n}] ${linked}, ${escapeMarkdown(source.publisher)}, ${source.date}`;
  });
  const fields: APIEmbedField[] = [];
  let chunk: string[] = [];
  const flush = () => {
    if (chunk.length)
      fields.push({
        name: fields.length ? t("render.sourcesContinued") : t("render.sources"),
        value: fitLines(chunk, DISCORD_LIMITS.fieldValue),
      });
    chunk = [];
  };
  for (const line of lines) {
    if ([...chunk, line].join("\n").length > DISCORD_LIMITS.fieldValue) flush();
    chunk.push(line);
  }
  flush();
  return fields;
}

/**
 * Draws a reply as a Discord message: one embed within every limit (title, description, fields, footer,
 * 6000 in total), buttons in rows of five with stateless ids, nothing that pings but the member `mention`
 * names. Who sees it is decided before (`deliveryOf`); the renderer draws what it is told.
 */
export function renderDiscord(
  reply: Reply,
  codec: CustomIdCodec,
  delivery: { ephemeral?: boolean; mention?: string } = {},
  t: Translate = EN,
  chart: ChartFile | null = null,
): DiscordMessage {
  const title = reply.titleIsUserText ? escapeUserText(reply.title) || "(empty)" : reply.title;
  const choices = reply.choices?.map((c) => `${bold(`${c.letter}.`)} ${c.text}`).join("\n");
  const head = [
    reply.subtitle && reply.status ? `${STATUS_EMOJI[reply.status]} ${bold(reply.subtitle)}` : reply.subtitle,
    choices,
    reply.summary === undefined ? undefined : markdownOf(reply.summary),
  ].filter((part): part is string => Boolean(part));
  const fields: APIEmbedField[] = reply.fields.map((f) => ({
    name: truncate(f.name, DISCORD_LIMITS.fieldName),
    value:
      truncate(
        f.example ? `${f.value}\n${t("render.example", { command: inlineCode(f.example) })}` : f.value,
        DISCORD_LIMITS.fieldValue,
      ) || "—",
    ...(f.inline ? { inline: true } : {}),
  }));
  fields.push(...sourceFields(reply, t));

  const embed: APIEmbed = {
    title: truncate(title, DISCORD_LIMITS.embedTitle),
    color: reply.status ? STATUS_COLOUR[reply.status] : DEFAULT_COLOUR,
    fields: fields.slice(0, DISCORD_LIMITS.embedFields),
  };
  // Facts stay English until a checked translation exists: a Chinese reader is told so under every fact.
  const footer = [reply.footer, t.lang !== "en" && reply.facts.length ? t("render.englishFacts") : undefined]
    .filter(Boolean)
    .join("\n");
  if (footer) embed.footer = { text: truncate(footer, DISCORD_LIMITS.footer) };
  // The description gets what the other parts leave of the 6000 total, and whole facts only.
  const budget = Math.min(DISCORD_LIMITS.embedDescription, DISCORD_LIMITS.embedTotal - embedLength(embed));
  const description = fitLines(
    [...head, ...reply.facts.map((fact, i) => factLine(fact, i, t))],
    budget,
    "\n\n",
  );
  if (description) embed.description = description;
  while (embedLength(embed) > DISCORD_LIMITS.embedTotal && embed.fields?.length) embed.fields.pop();

  const seen = new Set<string>();
  const buttons: APIButtonComponent[] = [];
  for (const action of reply.actions) {
    const customId = codec.encode(action.action);
    if (seen.has(customId)) continue;
    seen.add(customId);
    buttons.push({
      type: ComponentType.Button,
      style: action.primary ? ButtonStyle.Primary : ButtonStyle.Secondary,
      label: truncate(action.label, DISCORD_LIMITS.buttonLabel),
      custom_id: customId,
    });
  }
  const components: APIActionRowComponent<APIButtonComponent>[] = [];
  for (
    let i = 0;
    i < buttons.length && components.length < DISCORD_LIMITS.actionRows;
    i += DISCORD_LIMITS.buttonsPerRow
  ) {
    components.push({
      type: ComponentType.ActionRow,
      components: buttons.slice(i, i + DISCORD_LIMITS.buttonsPerRow),
    });
  }

  const message: DiscordMessage = { embeds: [embed], components, allowedMentions: { parse: [] } };
  if (chart) {
    embed.image = { url: `attachment://${chart.name}` };
    message.files = [{ attachment: chart.png, name: chart.name, description: chart.description }];
  }
  if (delivery.mention) {
    message.content = userMention(delivery.mention);
    message.allowedMentions = { parse: [], users: [delivery.mention] };
  }
  if (delivery.ephemeral) message.flags = MessageFlags.Ephemeral;
  return message;
}
