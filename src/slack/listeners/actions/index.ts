import type { App } from '@slack/bolt';
import { ActionId, QUIZ_ANSWER_PATTERN } from '../../action-values.js';
import type { ListenerContext } from '../../context.js';
import { feedback } from './feedback.js';
import { openAsk } from './open-ask.js';
import { quizAnswer } from './quiz-answer.js';
import { quizScores } from './quiz-scores.js';
import { viewClause } from './view-clause.js';

export function register(app: App, ctx: ListenerContext): void {
  app.action(ActionId.ViewClause, viewClause(ctx));
  app.action(ActionId.FeedbackUp, feedback(ctx, 1));
  app.action(ActionId.FeedbackDown, feedback(ctx, -1));
  app.action(ActionId.OpenAsk, openAsk());
  app.action(QUIZ_ANSWER_PATTERN, quizAnswer(ctx));
  app.action(ActionId.QuizScores, quizScores(ctx));
}
