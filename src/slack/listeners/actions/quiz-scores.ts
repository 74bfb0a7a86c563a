import type { AllMiddlewareArgs, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { ListenerContext } from '../../context.js';
import { BlockActionSchema, readPayload } from '../../payloads.js';
import { quizScoresMessage } from '../../quiz.js';

/** 查看成绩 under a channel quiz: the header is redrawn with every participant's score so far. */
export function quizScores(ctx: ListenerContext) {
  return async ({ ack, body, respond, logger }: AllMiddlewareArgs & SlackActionMiddlewareArgs) => {
    await ack();
    const action = readPayload(BlockActionSchema, body, logger, 'quiz scores');
    const quizId = action?.actions[0]?.value;
    if (!action || quizId === undefined) return;
    try {
      const { text, blocks } = quizScoresMessage(ctx, quizId);
      await respond({ replace_original: true, text, blocks });
    } catch (error) {
      logger.error(`quiz scores for ${quizId} failed`, error);
    }
  };
}
