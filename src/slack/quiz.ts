import { randomUUID } from 'node:crypto';
import type { Logger } from '@slack/bolt';
import { generateQuiz } from '../quiz/generate.js';
import type { StoredQuiz } from '../store/store.js';
import type { QuizChoice } from './action-values.js';
import { noticeMessage } from './blocks/help.js';
import type { SlackMessage } from './blocks/message.js';
import { channelQuizHeader, quizQuestionMessage, quizScoreMessage, quizVerdictMessage } from './blocks/quiz.js';
import type { ListenerContext } from './context.js';
import type { Delivery } from './delivery/delivery.js';
import * as msg from './messages.js';
import type { PolicyCommand } from './policy-command.js';

const DEFAULT_COUNT = 5;
const MAX_COUNT = 20;

type QuizRequest = Extract<PolicyCommand, { kind: 'quiz' }>;

/**
 * `/policy quiz …`: a fresh quiz (its id is its seed), kept in the store so any replica can mark the answers. A
 * private one goes to the asker's DM one question at a time; a channel one is posted whole, under a header whose
 * button shows the scores. Returns what the asker alone is told.
 */
export async function startQuiz(
  ctx: ListenerContext,
  request: QuizRequest,
  user: string,
  channel: string,
  delivery: Delivery,
): Promise<SlackMessage> {
  const id = randomUUID();
  const count = Math.min(request.count ?? DEFAULT_COUNT, MAX_COUNT);
  const questions = generateQuiz(ctx.bot, { part: request.part ?? undefined, count, seed: id });
  if (questions.length === 0) return noticeMessage(msg.QUIZ_NO_QUESTIONS(request.part));
  const quiz: StoredQuiz = {
    id,
    owner: user,
    channel: request.audience === 'channel' ? channel : null,
    part: request.part,
    seed: id,
    questions,
  };
  ctx.store.saveQuiz(quiz);
  const post = (to: string, message: SlackMessage, what: string) =>
    ctx.poster.reply({ channel: to }, message, {
      request: `${delivery.request}:${what}`,
      maybePosted: delivery.maybePosted,
    });
  if (quiz.channel === null) {
    // Posting to a user id lands in the app's DM with that user.
    await post(user, quizQuestionMessage(quiz, 0), 'q0');
    return noticeMessage(msg.QUIZ_SENT(questions.length));
  }
  await post(channel, channelQuizHeader(quiz, null), 'header');
  for (const index of questions.keys()) await post(channel, quizQuestionMessage(quiz, index), `q${index}`);
  return noticeMessage(msg.QUIZ_POSTED(questions.length));
}

/** What a click on an option leads to: the verdict in place of the question, and maybe the next message. */
export interface QuizClick {
  /** Replaces the clicked message (private quiz) or is shown to the clicker alone (channel quiz). */
  verdict: SlackMessage;
  replace: boolean;
  /** The next question, or the final score, for a private quiz. */
  next?: SlackMessage;
}

export function answerQuiz(ctx: ListenerContext, choice: QuizChoice, user: string, logger: Logger): QuizClick {
  const quiz = ctx.store.quiz(choice.quiz);
  const question = quiz?.questions[choice.question];
  if (!quiz || !question || choice.option >= question.options.length) {
    logger.warn(`quiz answer for an unknown quiz or question (${JSON.stringify(choice)}), ignored`);
    return { verdict: noticeMessage(msg.QUIZ_MISSING), replace: false };
  }
  const correct = choice.option === question.answer;
  const first = ctx.store.answerQuiz(quiz.id, choice.question, user, choice.option, correct);
  if (!first) return { verdict: noticeMessage(msg.QUIZ_ALREADY_ANSWERED), replace: false };
  const source = ctx.bot.clause(question.doc, question.section)?.path ?? question.section;
  const verdict = quizVerdictMessage(quiz, choice.question, choice.option, source);
  if (quiz.channel !== null) return { verdict, replace: false };
  const nextIndex = choice.question + 1;
  if (nextIndex < quiz.questions.length) return { verdict, replace: true, next: quizQuestionMessage(quiz, nextIndex) };
  const answers = ctx.store.quizAnswers(quiz.id, user);
  const score = answers.filter((a) => a.correct).length;
  return { verdict, replace: true, next: quizScoreMessage(score, quiz.questions.length) };
}

/** The channel quiz's header with every participant's score so far. */
export function quizScoresMessage(ctx: ListenerContext, quizId: string): SlackMessage {
  const quiz = ctx.store.quiz(quizId);
  if (!quiz) return noticeMessage(msg.QUIZ_MISSING);
  return channelQuizHeader(quiz, ctx.store.quizScores(quiz.id));
}
