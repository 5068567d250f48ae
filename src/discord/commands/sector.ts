import { SlashCommandBuilder } from "discord.js";
import { MAX_SECTOR_QUERY_LENGTH, respondToSector } from "../../answer/respond.ts";
import { type BotCommand, withShareOptions } from "./command.ts";

/** `/sector name:<sector>`: a sector's card, with autocomplete over names, aliases and Chinese names. */
export const sectorCommand: BotCommand = {
  data: withShareOptions(
    new SlashCommandBuilder()
      .setName("sector")
      .setDescription("A sector's summary, status and sourced facts")
      .addStringOption((o) =>
        o
          .setName("name")
          .setDescription(
            "Sector name, abbreviation, product or Chinese name (e.g. semiconductors, NEV, 芯片)",
          )
          .setRequired(true)
          .setMaxLength(MAX_SECTOR_QUERY_LENGTH)
          .setAutocomplete(true),
      ),
  ).toJSON(),
  shareable: true,
  execute: ({ search }, interaction) => respondToSector(search, interaction.options.getString("name", true)),
  autocomplete: ({ search }, interaction) => search.suggestSectors(String(interaction.options.getFocused())),
};
