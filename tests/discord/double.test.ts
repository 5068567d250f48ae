import {
  ApplicationCommandOptionType,
  Client,
  Events,
  GatewayIntentBits,
  MessageFlags,
  REST,
  Routes,
} from "discord.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DiscordDouble, resolvedUsers, startDiscordDouble, user } from "./double.ts";

const TOKEN = "MTAwMDAwMDAwMDAwMDAwMDAx.GabcDE.fake-token-for-tests-only-0123456789";

describe("Discord double drives a real discord.js Client", () => {
  let double: DiscordDouble;
  let client: Client;
  const seen: string[] = [];

  beforeAll(async () => {
    double = await startDiscordDouble();
    client = new Client({
      intents: [GatewayIntentBits.Guilds],
      rest: { api: double.apiUrl, retries: 0, timeout: 5000 },
      allowedMentions: { parse: [] },
    });
    client.on(Events.Error, (error) => seen.push(`error: ${error.message}`));
    client.on(Events.InteractionCreate, async (interaction) => {
      if (interaction.isChatInputCommand()) {
        seen.push(`command ${interaction.commandName} by ${interaction.user.id}`);
        if (interaction.commandName === "ping") {
          const target = interaction.options.getUser("target");
          await interaction.reply({
            content: `pong ${target?.username ?? ""}`.trim(),
            flags: MessageFlags.Ephemeral,
          });
        } else if (interaction.commandName === "kb") {
          const sub = interaction.options.getSubcommand();
          await interaction.reply(
            `${sub} ${interaction.options.getString("id")} for ${interaction.user.username}`,
          );
        } else if (interaction.commandName === "slow") {
          await interaction.deferReply();
          await interaction.editReply("done");
          await interaction.followUp({ content: "and one more" });
        } else if (interaction.commandName === "rich") {
          const response = await interaction.reply({ content: "with response", withResponse: true });
          seen.push(`response message ${response.resource?.message?.content}`);
          await interaction.followUp({
            content: "a file",
            files: [{ attachment: Buffer.from("hi"), name: "a.txt" }],
          });
        }
      } else if (interaction.isAutocomplete()) {
        const typed = String(interaction.options.getFocused());
        await interaction.respond([{ name: `${typed} 2025`, value: `${typed}-2025` }]);
      } else if (interaction.isButton()) {
        await interaction.update({ content: `clicked ${interaction.customId}`, components: [] });
      }
    });
    const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
    await client.login(TOKEN);
    await ready;
  });

  afterAll(async () => {
    await client?.destroy();
    await double?.close();
  });

  it("logs in and caches the guild and its channel", () => {
    expect(client.user?.id).toBe(double.applicationId);
    expect(client.guilds.cache.get(double.guildId)?.channels.cache.has(double.channelId)).toBe(true);
  });

  it("records an ephemeral reply (type 4) with resolved user options", async () => {
    const target = user("100000000000000099", "alice");
    const payload = double.chatInput(
      "ping",
      [{ name: "target", type: ApplicationCommandOptionType.User, value: target.id }],
      { user: { id: "100000000000000002", username: "bob" }, resolved: resolvedUsers(target) },
    );
    const callback = await double.dispatch(payload);
    expect(callback).toMatchObject({ interactionId: payload.id, type: 4, data: { content: "pong alice" } });
    expect((callback.data as { flags: number }).flags & 64).toBe(64);
    expect(seen).toContain("command ping by 100000000000000002");
  });

  it("builds subcommands and lets tests act as different members", async () => {
    const options = [
      {
        name: "fact",
        type: ApplicationCommandOptionType.Subcommand as const,
        options: [{ name: "id", type: ApplicationCommandOptionType.String as const, value: "f-1" }],
      },
    ];
    const first = await double.dispatch(
      double.chatInput("kb", options, { user: { id: "100000000000000003" } }),
    );
    const second = await double.dispatch(
      double.chatInput("kb", options, { user: user("100000000000000004", "eve") }),
    );
    expect(first).toMatchObject({ type: 4, data: { content: "fact f-1 for user0003" } });
    expect(second).toMatchObject({ type: 4, data: { content: "fact f-1 for eve" } });
  });

  it("records autocomplete choices (type 8)", async () => {
    const payload = double.autocomplete("topic", [
      { name: "query", type: ApplicationCommandOptionType.String, value: "robot", focused: true },
    ]);
    const callback = await double.dispatch(payload);
    expect(callback).toMatchObject({
      type: 8,
      data: { choices: [{ name: "robot 2025", value: "robot-2025" }] },
    });
  });

  it("records a button update (type 7)", async () => {
    const callback = await double.dispatch(double.button("more:1"));
    expect(callback).toMatchObject({ type: 7, data: { content: "clicked more:1", components: [] } });
  });

  it("records a defer (type 5), the edit of @original and a follow-up", async () => {
    const payload = double.chatInput("slow");
    const callback = await double.dispatch(payload);
    expect(callback.type).toBe(5);
    const edit = await double.waitForWebhook(payload.token);
    expect(edit).toMatchObject({ method: "PATCH", messageId: "@original", body: { content: "done" } });
    const followUp = await double.waitForWebhook(payload.token);
    expect(followUp).toMatchObject({
      method: "POST",
      messageId: undefined,
      body: { content: "and one more" },
    });
  });

  it("answers with_response callbacks and records multipart follow-ups", async () => {
    const payload = double.chatInput("rich");
    const callback = await double.dispatch(payload);
    expect(callback).toMatchObject({ type: 4, withResponse: true, data: { content: "with response" } });
    const followUp = await double.waitForWebhook(payload.token);
    expect(followUp).toMatchObject({
      method: "POST",
      body: { content: "a file", attachments: [{ id: "0" }] },
    });
    expect(seen).toContain("response message with response");
  });

  it("rejects dispatch with a clear message when nothing answers", async () => {
    await expect(double.dispatch(double.chatInput("ignored"), 50)).rejects.toThrow(/timed out after 50 ms/);
  });

  it("records guild command registration", async () => {
    const rest = new REST({ api: double.apiUrl, retries: 0, timeout: 5000 }).setToken(TOKEN);
    const body = [{ name: "ping", description: "Ping", type: 1 }];
    const answer = await rest.put(Routes.applicationGuildCommands(double.applicationId, double.guildId), {
      body,
    });
    expect(answer).toMatchObject([{ name: "ping", application_id: double.applicationId }]);
    expect(double.commandPuts).toMatchObject([{ guildId: double.guildId, body }]);
  });

  it("saw no unknown routes and no client errors", () => {
    expect(double.unknownRoutes).toEqual([]);
    expect(seen.filter((s) => s.startsWith("error"))).toEqual([]);
  });
});
