import { EN, sectorName, type Translate } from "../i18n/index.ts";
import { MAX_LOOKUP_LENGTH, MAX_QUESTION_LENGTH, type Search } from "../search/index.ts";
import { ASK_FACTS_SHOWN, ASK_MORE_FACTS, buildAskReply } from "./ask.ts";
import type { Reply, RichText } from "./reply.ts";
import { buildSectorNotFoundReply, buildSectorReply } from "./sector.ts";

// One constant per limit: search defines what it reads; the commands' options take the same numbers.
export { MAX_QUESTION_LENGTH };
/** Sector names are short; anything much longer is not a name. */
export const MAX_SECTOR_QUERY_LENGTH = MAX_LOOKUP_LENGTH;

/** A reply that only tells the user what to do instead. */
export function noticeReply(title: string, text: RichText): Reply {
  return { title, summary: text, fields: [], facts: [], citations: [], actions: [], audience: "asker" };
}

/** `/sector name`: the card, or "did you mean". Shared by the bot and the console. */
export function respondToSector(search: Search, query: string, t: Translate = EN): Reply {
  // Every reply that lands on no sector carries sector buttons: a look-up never ends empty-handed.
  const resolution = search.resolveSector(query);
  const buttons = (reply: Reply): Reply => ({
    ...reply,
    actions: (resolution.sector ? [resolution.sector] : resolution.suggestions).map((s) => ({
      label: sectorName(s, t),
      action: { type: "sector" as const, sectorId: s.id },
    })),
  });
  if (!query.trim())
    return buttons(
      noticeReply(t("sector.which"), [
        t("sector.typeName"),
        { command: "/sector semiconductors" },
        t("sector.orList"),
      ]),
    );
  if (query.length > MAX_SECTOR_QUERY_LENGTH) {
    return buttons(
      noticeReply(t("sector.tooLong"), t("sector.tooLongText", { max: MAX_SECTOR_QUERY_LENGTH })),
    );
  }
  return resolution.sector
    ? buildSectorReply(search.kb, resolution.sector, 0, t)
    : buildSectorNotFoundReply(query, resolution, t);
}

/** `/ask question`: the best facts, or a "no good match" with suggestions. */
export function respondToQuestion(search: Search, question: string, t: Translate = EN): Reply {
  if (!question.trim())
    return noticeReply(t("ask.empty"), [
      t("ask.emptyText"),
      { command: "/ask Where does China lead the world?" },
    ]);
  if (question.length > MAX_QUESTION_LENGTH) {
    return noticeReply(t("ask.tooLong"), t("ask.tooLongText", { max: MAX_QUESTION_LENGTH }));
  }
  return buildAskReply(search.kb, search.answer(question, { limit: ASK_FACTS_SHOWN + ASK_MORE_FACTS }), t);
}
