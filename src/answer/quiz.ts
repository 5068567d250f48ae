import { EN, STRINGS, sectorName, type Translate, translator } from "../i18n/index.ts";
import type { KnowledgeBase } from "../knowledge/load.ts";
import type { QuizQuestion, SectorId } from "../knowledge/schema.ts";
import type { AnswerContext, Caller, Place } from "./context.ts";
import { citeFacts, factsWithIds, type Reply, type Span } from "./reply.ts";
import { noticeReply } from "./respond.ts";
import type { RankOf, RecordResult, ScoreRow } from "./scoreboard.ts";

/*
 * The quiz, once for every front end: which questions a filter draws from, "pick a question or say there
 * is none", the A–D message, the private feedback (the scoreboard port decides what counts) and the scores.
 */

/** Letters of the four choices. */
export const CHOICE_LETTERS = ["A", "B", "C", "D"] as const;

/** Which questions a quiz draws from: all, a sector's, or those a lesson's facts explain. */
export interface QuizFilter {
  sectorId?: SectorId;
  lesson?: number;
}

/** The questions matching a filter, in file order. */
export function quizQuestionsFor(kb: KnowledgeBase, filter: QuizFilter): QuizQuestion[] {
  const lessonFacts =
    filter.lesson === undefined ? undefined : new Set(kb.lessons[filter.lesson]?.factIds ?? []);
  return kb.questions.filter((q) => {
    if (filter.sectorId) {
      const bySector = q.sector === filter.sectorId;
      const byFacts = q.factIds.some((id) =>
        kb.factById.get(id)?.sectors.includes(filter.sectorId as SectorId),
      );
      if (!bySector && !byFacts) return false;
    }
    if (lessonFacts && !q.factIds.some((id) => lessonFacts.has(id))) return false;
    return true;
  });
}

/** Picks a question at random (the caller passes the random source, so tests can fix it). */
export function pickQuestion(
  kb: KnowledgeBase,
  filter: QuizFilter,
  random: () => number = Math.random,
): QuizQuestion | null {
  const pool = quizQuestionsFor(kb, filter);
  if (!pool.length) return null;
  return pool[Math.min(pool.length - 1, Math.floor(random() * pool.length))] ?? null;
}

/**
 * "Pick a question or say there is none": the one quiz path behind `/quiz question`, "Quiz me on this",
 * "Another question" and the console's `/quiz`.
 */
export function quizQuestionReply(
  kb: KnowledgeBase,
  filter: QuizFilter,
  random: () => number,
  t: Translate = EN,
): Reply {
  const question = pickQuestion(kb, filter, random);
  return question ? buildQuizQuestionReply(kb, question, filter, t) : buildNoQuestionReply(kb, filter, t);
}

/** A quiz question with A–D buttons. Anyone may answer; each gets a private reply. */
export function buildQuizQuestionReply(
  kb: KnowledgeBase,
  question: QuizQuestion,
  filter: QuizFilter = {},
  t: Translate = EN,
): Reply {
  const context = [
    question.sector ? sectorNameOf(kb, question.sector, t) : undefined,
    question.topic ? kb.topicById.get(question.topic)?.name : undefined,
  ].filter(Boolean);
  return {
    title: t("quiz.title", { question: question.question }),
    choices: question.choices.map((text, i) => ({ letter: CHOICE_LETTERS[i] ?? "?", text })),
    summary: t("quiz.summary"),
    fields: context.length ? [{ name: t("quiz.about"), value: context.join(" · "), inline: true }] : [],
    facts: [],
    citations: [],
    footer: t("quiz.footer"),
    actions: [
      ...question.choices.map((choice, i) => ({
        label: `${CHOICE_LETTERS[i]}. ${choice}`,
        action: { type: "quiz-answer" as const, questionId: question.id, choice: i },
      })),
      { label: t("quiz.another"), action: { type: "quiz" as const, ...filter } },
    ],
    audience: "channel",
  };
}

/** "No question for that": a private notice, marked as a miss so authors see what to write. */
export function buildNoQuestionReply(kb: KnowledgeBase, filter: QuizFilter, t: Translate = EN): Reply {
  let text: string;
  if (filter.lesson !== undefined && !kb.lessons[filter.lesson]) {
    text = t("quiz.noLesson", { n: filter.lesson + 1, count: kb.lessons.length });
  } else if (filter.sectorId && filter.lesson !== undefined) {
    text = t("quiz.noSectorAndLesson");
  } else if (filter.sectorId) {
    text = t("quiz.noSectorQuestion");
  } else {
    text = t("quiz.noLessonQuestion");
  }
  return { ...noticeReply(t("quiz.noQuestion"), text), miss: true };
}

/**
 * The private reply to an answer: right or wrong, the right answer, the facts that explain it with their
 * sources, and the member's score. A repeated click is told that the first answer counts.
 */
export function buildQuizFeedbackReply(
  kb: KnowledgeBase,
  question: QuizQuestion,
  choice: number,
  result: RecordResult | null,
  t: Translate = EN,
): Reply {
  const right = { strong: `${CHOICE_LETTERS[question.answer]}. ${question.choices[question.answer]}` };
  const { facts, citations } = citeFacts(kb, factsWithIds(kb, question.factIds));
  let title: string;
  let summary: Span[];
  if (result && !result.counted) {
    title = t("quiz.already");
    summary = [
      t(result.firstCorrect ? "quiz.firstCountsRight" : "quiz.firstCounts", {
        letter: CHOICE_LETTERS[result.firstChoice] ?? "?",
      }),
      right,
      ".",
    ];
  } else {
    const correct = choice === question.answer;
    title = correct ? t("quiz.right") : t("quiz.wrong");
    summary = correct
      ? [right, t("quiz.isRight")]
      : [t("quiz.youPicked", { letter: CHOICE_LETTERS[choice] ?? "?" }), right, "."];
    if (result?.counted) {
      const s = result.score;
      summary.push(
        `\n${t("quiz.yourScore", { correct: s.correct, answered: s.answered, streak: s.streak, best: s.bestStreak })}`,
      );
    }
  }
  summary.push(`\n\n${t("quiz.why")}`);
  return { title, summary, fields: [], facts, citations, actions: [], audience: "asker" };
}

/**
 * A click on A–D: records the member's first answer (the scoreboard decides what counts) and tells them
 * how it went and why. Null for a question the knowledge base no longer holds.
 */
export async function answerQuizQuestion(
  { search, scoreboard }: AnswerContext,
  caller: Caller,
  questionId: string,
  choice: number,
): Promise<Reply | null> {
  const question = search.kb.questions.find((q) => q.id === questionId);
  if (!question) return null;
  const result = scoreboard
    ? await scoreboard.recordAnswer({
        guildId: caller.scope,
        userId: caller.userId,
        questionId,
        choice,
        correct: choice === question.answer,
      })
    : null;
  return buildQuizFeedbackReply(search.kb, question, choice, result, translator(caller.lang));
}

/** Whose answers a scoreboard holds, by where `/quiz scores` was asked (English; other locales in src/i18n). */
export const SCORES_PLACE: Record<Place, string> = {
  server: STRINGS.en["scores.server"],
  dm: STRINGS.en["scores.dm"],
  "private-channel": STRINGS.en["scores.private-channel"],
  console: STRINGS.en["scores.console"],
};

/** A sector's name in the reader's language. */
function sectorNameOf(kb: KnowledgeBase, id: SectorId, t: Translate): string | undefined {
  const sector = kb.sectorById.get(id);
  return sector ? sectorName(sector, t) : undefined;
}

/** Members listed by `/quiz scores`. */
export const SCORES_TOP = 10;

/** `/quiz scores` for the caller's scope, or a notice when the front end runs without a scoreboard. */
export async function quizScoresReply({ scoreboard }: AnswerContext, caller: Caller): Promise<Reply> {
  const t = translator(caller.lang);
  if (!scoreboard) return noticeReply(t("quiz.noScoreboard"), t("quiz.noScoreboardText"));
  const [top, own] = await Promise.all([
    scoreboard.top(caller.scope, SCORES_TOP),
    scoreboard.rankOf(caller.scope, caller.userId),
  ]);
  return buildScoresReply(top, own, caller.place, t);
}

/** `/quiz scores`: the server's top 10 and the caller's own rank. */
export function buildScoresReply(
  top: readonly ScoreRow[],
  own: RankOf | null,
  place: Place = "server",
  t: Translate = EN,
): Reply {
  const line = (r: ScoreRow, i: number): Span[] => [
    { strong: `${i + 1}.` },
    " ",
    { member: r.userId },
    t("scores.line", { correct: r.correct, answered: r.answered, streak: r.streak, best: r.bestStreak }),
  ];
  return {
    title: t("scores.title"),
    summary: top.length
      ? top.flatMap((row, i) => (i ? ["\n", ...line(row, i)] : line(row, i)))
      : t("scores.nobody"),
    fields: [
      {
        name: t("scores.you"),
        value: own
          ? t("scores.own", {
              rank: own.rank,
              members: own.members,
              correct: own.row.correct,
              answered: own.row.answered,
              streak: own.row.streak,
              best: own.row.bestStreak,
            })
          : t("scores.noAnswers"),
      },
    ],
    facts: [],
    citations: [],
    footer: `${t("scores.ranked")} ${t(`scores.${place}`)}`,
    actions: [],
    audience: "channel",
  };
}
