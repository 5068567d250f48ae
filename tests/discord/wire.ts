import {
  type APIEmbed,
  ApplicationCommandOptionType,
  type APIApplicationCommandInteractionDataBasicOption as BasicOption,
} from "discord-api-types/v10";
import { expect } from "vitest";
import type { RecordedCallback } from "./double.ts";

/** A token-shaped fake for the bot under test; no real token ever appears in the tests. */
export const TEST_TOKEN = "MTAxMDEwMTAxMDEwMTAxMDEw.GabcDE.abcdefghijklmnopqrstuvwxyz0123456789AB";
export const EPHEMERAL = 64;

/** What the bot sent in a callback (snake_case, as on the wire), as far as the tests look at it. */
export interface Sent {
  content?: string;
  flags?: number;
  embeds?: APIEmbed[];
  components?: { type: number; components: { type: number; label?: string; custom_id?: string }[] }[];
  allowed_mentions?: { parse?: string[]; users?: string[]; roles?: string[] };
  choices?: { name: string; value: string }[];
}

export const sent = (callback: RecordedCallback) => callback.data as Sent;

/** The one embed of a reply (fails the test when there is not exactly one). */
export const embedOf = (callback: RecordedCallback): APIEmbed => {
  const embeds = sent(callback).embeds ?? [];
  expect(embeds).toHaveLength(1);
  return embeds[0] as APIEmbed;
};

export const isEphemeral = (callback: RecordedCallback) => ((sent(callback).flags ?? 0) & EPHEMERAL) !== 0;

export const buttonsOf = (callback: RecordedCallback) =>
  (sent(callback).components ?? []).flatMap((row) => row.components);

/** Option values as a member's client sends them. */
export const str = (name: string, value: string, focused = false): BasicOption => ({
  name,
  type: ApplicationCommandOptionType.String,
  value,
  ...(focused ? { focused } : {}),
});
export const bool = (name: string, value: boolean): BasicOption => ({
  name,
  type: ApplicationCommandOptionType.Boolean,
  value,
});
export const userOption = (name: string, id: string): BasicOption => ({
  name,
  type: ApplicationCommandOptionType.User,
  value: id,
});
