import type { AnswerStatus, Citation } from '../answer/types.js';
import type { QuizQuestion } from '../quiz/types.js';

/**
 * Everything the bot keeps between requests, behind one interface: the bot is stateless apart from its store, so
 * several replicas sharing one store behave as one bot. SQLite implements it (src/store/sqlite.ts); a shared
 * database can replace it by implementing the same methods with the same guarantees.
 */
export interface BotStore extends QuestionLog, Inbox, Sightings, QuizResults {
  close(): void;
}

/** Where a question came from, so the report can tell channels from DMs and commands. */
export type Surface = 'mention' | 'dm' | 'command' | 'home';
export type Vote = 1 | -1;

/** Why a 👎: the choices the bot offers (不准确 / 不完整 / 没回答我的问题 / 已过时 / 其他, with free text). */
export const VOTE_REASONS = ['inaccurate', 'incomplete', 'off_topic', 'outdated', 'other'] as const;
export type VoteReason = (typeof VOTE_REASONS)[number];
/** Each reason as people see it, in Slack's 👎 modal and on the dashboard alike. */
export const VOTE_REASON_LABELS: Record<VoteReason, string> = {
  inaccurate: '不准确',
  incomplete: '不完整',
  off_topic: '没回答我的问题',
  outdated: '已过时',
  other: '其他',
};

export interface QuestionRecord {
  surface: Surface;
  user: string;
  channel: string | null;
  question: string;
  status: AnswerStatus;
  answer: string;
  citations: Citation[];
  ms: number;
  /** The conversation a follow-up is read in (`channel:thread_ts`, or a channel or DM). */
  conversation?: string | null;
  /** The delivery that asked (an event id): a redelivered question is logged once. */
  source?: string | null;
}

export interface QuestionCount {
  question: string;
  count: number;
  lastAsked: string;
}

export interface DownvotedAnswer {
  id: number;
  question: string;
  answer: string;
  up: number;
  down: number;
}

export interface Totals {
  questions: number;
  answered: number;
  notFound: number;
  up: number;
  down: number;
}

/** Questions asked on one day (a `YYYY-MM-DD` in the caller's time zone), by outcome. */
export interface DayCount {
  day: string;
  answered: number;
  notFound: number;
}

/** A clause an answer cited, as the dashboard names it. */
export interface CitedClause {
  doc: string;
  title: string;
  section: string;
  heading: string;
}

/** One user's 👎 on an answer; `reason` is null when they did not say why. */
export interface DownvoteReason {
  user: string;
  reason: VoteReason | null;
  note: string;
  ts: string;
}

export interface DownvotedDetail extends DownvotedAnswer {
  ts: string;
  status: AnswerStatus;
  citations: CitedClause[];
  reasons: DownvoteReason[];
}

/** A row of the question log as exported, with the votes on it (each user's latest). */
export interface LoggedQuestion
  extends Pick<QuestionRecord, 'surface' | 'user' | 'channel' | 'question' | 'status' | 'answer' | 'ms'> {
  id: number;
  ts: string;
  citations: CitedClause[];
  up: number;
  down: number;
}

/** The question log and 👍/👎 votes, read by the report. */
export interface QuestionLog {
  /** Returns the row id that the answer's 👍/👎 buttons carry; the same row when `source` was logged before. */
  logQuestion(record: QuestionRecord, now?: Date): number;
  /** Adds one vote row; false when the question id is unknown (e.g. a button from a database since deleted). */
  addVote(questionId: number, user: string, vote: Vote, now?: Date): boolean;
  /** Records why `user` voted 👎 on an answer (recording the 👎 too when their latest vote was not one). */
  explainVote(questionId: number, user: string, reason: VoteReason, note: string, now?: Date): boolean;
  votes(questionId: number): { user: string; vote: Vote }[];
  /** Questions grouped by normalised text, most asked first; `question` is the latest wording. */
  mostAsked(limit: number, status?: AnswerStatus): QuestionCount[];
  /** Answers with at least one 👎 (by each user's latest vote), most downvoted first. */
  downvoted(limit: number): DownvotedAnswer[];
  totals(): Totals;
  /** Days since `since` with at least one question, oldest first; a day starts at midnight UTC+`utcOffsetMinutes`. */
  questionsPerDay(since: Date, utcOffsetMinutes?: number): DayCount[];
  /** `downvoted` with what the dashboard shows beside it: each 👎's reason and note, and the cited clauses. */
  downvotedWithReasons(limit: number): DownvotedDetail[];
  /** The whole log, oldest first, read lazily (the export streams it). */
  questionRows(): Iterable<LoggedQuestion>;
  /** The last `limit` questions of a conversation, oldest first, leaving out the one `source` asked. */
  conversation(conversation: string, limit: number, source?: string): string[];
}

/** A request the bot owes an answer for. */
export interface OwedRequest {
  id: string;
  /** The request body as Slack sent it (parsed), to be dispatched again. */
  body: unknown;
  /** How many dispatches have already failed or been cut short. */
  attempts: number;
}

/**
 * Requests recorded before Slack is told they arrived, and settled only once their answer is confirmed. A lease
 * says which process is answering: others leave the request alone until the lease runs out.
 */
export interface Inbox {
  /** Records a request as owed, leased to `owner`; false when its id was recorded before (a duplicate). */
  admit(id: string, body: unknown, owner: string, leaseUntil: number): boolean;
  /** The request needs nothing more: answered, refused, or given up on. */
  settle(id: string, outcome: 'done' | 'abandoned'): void;
  /** Hands a request back for another attempt (after a failure, or at shutdown), counting the attempt. */
  release(id: string): void;
  /** Takes over owed requests whose lease ran out or whose owner `isOrphan` says is gone, oldest first. */
  claimOwed(
    owner: string,
    leaseUntil: number,
    now: number,
    limit: number,
    isOrphan: (owner: string) => boolean,
  ): OwedRequest[];
  /** Extends the leases `owner` holds on the given requests. */
  renew(owner: string, ids: readonly string[], leaseUntil: number): void;
  /** Forgets settled requests received before `before`: Slack retries within minutes, so a day is plenty. */
  forgetSettled(before: Date): void;
  /** Owed requests, for the operator and the tests. */
  owedCount(): number;
}

/** Short-lived keys shared by every replica: replayed signatures, messages claimed by one of two events. */
export interface Sightings {
  /** True when `key` is now held by `holder`: it was free, expired, or already theirs. */
  claim(key: string, holder: string, now: number, ttlMs: number): boolean;
  /** Forgets expired keys. */
  prune(now: number): void;
}

/** A quiz as handed out: who made it, where it was posted (null for one taken privately), and its questions. */
export interface StoredQuiz {
  id: string;
  owner: string;
  channel: string | null;
  part: string | null;
  seed: string;
  questions: QuizQuestion[];
}

export interface QuizAnswer {
  question: number;
  chosen: number;
  correct: boolean;
}

export interface QuizScore {
  user: string;
  correct: number;
  answered: number;
}

/** A quiz handed out, with how its participants did. */
export interface QuizSummary {
  id: string;
  ts: string;
  owner: string;
  channel: string | null;
  part: string | null;
  /** How many questions it has. */
  questions: number;
  participants: number;
  /** Right answers per participant, on average (0 when nobody took part). */
  averageCorrect: number;
}

/** Quizzes and their answers; each participant's first answer to a question is the one that counts. */
export interface QuizResults {
  saveQuiz(quiz: StoredQuiz, now?: Date): void;
  quiz(id: string): StoredQuiz | undefined;
  /** False when `user` had already answered that question: the first answer stands. */
  answerQuiz(quizId: string, question: number, user: string, chosen: number, correct: boolean, now?: Date): boolean;
  quizAnswers(quizId: string, user: string): QuizAnswer[];
  /** Each participant's score, best first. */
  quizScores(quizId: string): QuizScore[];
  /** The latest `limit` quizzes, newest first. */
  quizSummaries(limit: number): QuizSummary[];
}
