import type {
  BotStore,
  DayCount,
  DownvotedDetail,
  QuestionCount,
  QuizScore,
  QuizSummary,
  Totals,
} from '../store/store.js';
import { UTC_OFFSET_MINUTES } from './labels.js';

/** What the dashboard and `policybot report` read: the store's queries, nothing that writes. */
export type FiguresReader = Pick<
  BotStore,
  'totals' | 'mostAsked' | 'questionsPerDay' | 'downvotedWithReasons' | 'quizSummaries' | 'quizScores'
>;

export interface FiguresOptions {
  /** Days back from today (today included) that questions per day covers. */
  days: number;
  /** Rows per list. */
  limit: number;
  now?: Date;
}

export interface QuizParticipant extends QuizScore {
  quizId: string;
  /** Questions in the quiz, so a score reads as "3 of 5". */
  questions: number;
}

/** Every figure of the dashboard, computed once per request; the HTML, the CSVs and the report all read this. */
export interface Figures {
  generatedAt: string;
  days: number;
  limit: number;
  /** One entry per day of the window, oldest first, days without questions included as zeros. */
  perDay: DayCount[];
  totals: Totals & { answeredShare: number; notFoundShare: number };
  mostAsked: QuestionCount[];
  /** Questions the bot could not answer, grouped by normalised wording. */
  unanswered: QuestionCount[];
  downvoted: DownvotedDetail[];
  quizzes: (QuizSummary & { averageShare: number })[];
  participants: QuizParticipant[];
}

const DAY_MS = 86_400_000;

export function gatherFigures(store: FiguresReader, options: FiguresOptions): Figures {
  const now = options.now ?? new Date();
  const offsetMs = UTC_OFFSET_MINUTES * 60_000;
  // Midnight (local) of the first day of the window, as an instant.
  const today = Math.floor((now.getTime() + offsetMs) / DAY_MS) * DAY_MS;
  const firstDay = today - (options.days - 1) * DAY_MS;
  const counted = new Map(
    store.questionsPerDay(new Date(firstDay - offsetMs), UTC_OFFSET_MINUTES).map((d) => [d.day, d]),
  );
  const perDay = Array.from({ length: options.days }, (_, i) => {
    const day = new Date(firstDay + i * DAY_MS).toISOString().slice(0, 10);
    return counted.get(day) ?? { day, answered: 0, notFound: 0 };
  });
  const totals = store.totals();
  const quizzes = store.quizSummaries(options.limit);
  return {
    generatedAt: now.toISOString(),
    days: options.days,
    limit: options.limit,
    perDay,
    totals: {
      ...totals,
      answeredShare: share(totals.answered, totals.questions),
      notFoundShare: share(totals.notFound, totals.questions),
    },
    mostAsked: store.mostAsked(options.limit),
    unanswered: store.mostAsked(options.limit, 'not_found'),
    downvoted: store.downvotedWithReasons(options.limit),
    quizzes: quizzes.map((q) => ({ ...q, averageShare: share(q.averageCorrect, q.questions) })),
    participants: quizzes.flatMap((q) =>
      store.quizScores(q.id).map((s) => ({ ...s, quizId: q.id, questions: q.questions })),
    ),
  };
}

/** A part of a whole, 0–1; 0 of nothing is 0, not NaN. */
export function share(part: number, whole: number): number {
  return whole === 0 ? 0 : part / whole;
}

/** 0.756 → "75.6%". */
export function percent(fraction: number): string {
  return `${Math.round(fraction * 1000) / 10}%`;
}
