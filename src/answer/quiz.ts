import type { KnowledgeBase } from "../knowledge/load.ts";
import type { QuizQuestion, SectorId } from "../knowledge/schema.ts";
import type { AnswerContext, Caller } from "./context.ts";
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
export function quizQuestionReply(kb: KnowledgeBase, filter: QuizFilter, random: () => number): Reply {
  const question = pickQuestion(kb, filter, random);
  return question ? buildQuizQuestionReply(kb, question, filter) : buildNoQuestionReply(kb, filter);
}

/** A quiz question with A–D buttons. Anyone may answer; each gets a private reply. */
export function buildQuizQuestionReply(
  kb: KnowledgeBase,
  question: QuizQuestion,
  filter: QuizFilter = {},
): Reply {
  const context = [
    question.sector ? kb.sectorById.get(question.sector)?.name : undefined,
    question.topic ? kb.topicById.get(question.topic)?.name : undefined,
  ].filter(Boolean);
  return {
    title: `Quiz: ${question.question}`,
    choices: question.choices.map((text, i) => ({ letter: CHOICE_LETTERS[i] ?? "?", text })),
    summary: "Anyone can answer: pick a letter below. Your first answer counts.",
    fields: context.length ? [{ name: "About", value: context.join(" · "), inline: true }] : [],
    facts: [],
    citations: [],
    footer: "Scores: /quiz scores",
    actions: [
      ...question.choices.map((choice, i) => ({
        label: `${CHOICE_LETTERS[i]}. ${choice}`,
        action: { type: "quiz-answer" as const, questionId: question.id, choice: i },
      })),
      { label: "Another question", action: { type: "quiz" as const, ...filter } },
    ],
    audience: "channel",
  };
}

/** "No question for that": a private notice, marked as a miss so authors see what to write. */
export function buildNoQuestionReply(kb: KnowledgeBase, filter: QuizFilter): Reply {
  let text: string;
  if (filter.lesson !== undefined && !kb.lessons[filter.lesson]) {
    text = `There is no lesson ${filter.lesson + 1}: the path has lessons 1 to ${kb.lessons.length}.`;
  } else if (filter.sectorId && filter.lesson !== undefined) {
    text = "No question matches both this sector and this lesson. Try one of the two on its own.";
  } else if (filter.sectorId) {
    text = "There is no question about this sector yet. Try /quiz question without a sector.";
  } else {
    text = "There is no question for that lesson yet. Try /quiz question without a lesson.";
  }
  return { ...noticeReply("No quiz question for that yet", text), miss: true };
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
): Reply {
  const right = { strong: `${CHOICE_LETTERS[question.answer]}. ${question.choices[question.answer]}` };
  const { facts, citations } = citeFacts(kb, factsWithIds(kb, question.factIds));
  let title: string;
  let summary: Span[];
  if (result && !result.counted) {
    title = "You already answered this one";
    summary = [
      `Your first answer (${CHOICE_LETTERS[result.firstChoice]}) counts${result.firstCorrect ? ", and it was right" : ""}. The answer is `,
      right,
      ".",
    ];
  } else {
    const correct = choice === question.answer;
    title = correct ? "✅ Right!" : "❌ Not quite";
    summary = correct
      ? [right, " is right."]
      : [`You picked ${CHOICE_LETTERS[choice]}. The answer is `, right, "."];
    if (result?.counted) {
      const s = result.score;
      summary.push(
        `\nYour score here: ${s.correct} right of ${s.answered}, streak ${s.streak} (best ${s.bestStreak}).`,
      );
    }
  }
  summary.push("\n\nWhy:");
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
  return buildQuizFeedbackReply(search.kb, question, choice, result);
}

/** Members listed by `/quiz scores`. */
export const SCORES_TOP = 10;

/** `/quiz scores` for the caller's scope, or a notice when the front end runs without a scoreboard. */
export async function quizScoresReply({ scoreboard }: AnswerContext, caller: Caller): Promise<Reply> {
  if (!scoreboard)
    return noticeReply("No scoreboard", "This bot runs without a scoreboard, so answers are not saved.");
  const [top, own] = await Promise.all([
    scoreboard.top(caller.scope, SCORES_TOP),
    scoreboard.rankOf(caller.scope, caller.userId),
  ]);
  return buildScoresReply(top, own);
}

/** `/quiz scores`: the server's top 10 and the caller's own rank. */
export function buildScoresReply(top: readonly ScoreRow[], own: RankOf | null): Reply {
  const line = (r: ScoreRow, i: number): Span[] => [
    { strong: `${i + 1}.` },
    " ",
    { member: r.userId },
    `: ${r.correct} right of ${r.answered} · streak ${r.streak} (best ${r.bestStreak})`,
  ];
  return {
    title: "Quiz scores",
    summary: top.length
      ? top.flatMap((row, i) => (i ? ["\n", ...line(row, i)] : line(row, i)))
      : "Nobody has answered a question here yet. Start with /quiz question.",
    fields: [
      {
        name: "You",
        value: own
          ? `#${own.rank} of ${own.members}: ${own.row.correct} right of ${own.row.answered} · streak ${own.row.streak} (best ${own.row.bestStreak})`
          : "No answers yet: try /quiz question.",
      },
    ],
    facts: [],
    citations: [],
    footer: "Ranked by right answers, then by fewer answers given. Only this server's answers count here.",
    actions: [],
    audience: "channel",
  };
}
