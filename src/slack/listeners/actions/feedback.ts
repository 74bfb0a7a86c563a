import type { AllMiddlewareArgs, SlackActionMiddlewareArgs } from '@slack/bolt';
import { decodeQuestionId } from '../../action-values.js';
import type { Vote } from '../../../store/store.js';
import type { ListenerContext } from '../../context.js';
import { FEEDBACK_THANKS } from '../../messages.js';
import { BlockActionSchema } from '../../payloads.js';

/** 👍/👎 under an answer: one vote row per click, then a thank-you only the voter sees. */
export function feedback(ctx: ListenerContext, vote: Vote) {
  return async ({ ack, body, respond, logger }: AllMiddlewareArgs & SlackActionMiddlewareArgs) => {
    await ack();
    const parsed = BlockActionSchema.safeParse(body);
    const questionId = parsed.success ? decodeQuestionId(parsed.data.actions[0]!.value) : undefined;
    if (!parsed.success || questionId === undefined) {
      logger.warn('feedback action without a valid question id, ignored');
      return;
    }
    try {
      const recorded = ctx.guard.run(
        'recording a vote',
        () => (ctx.store.addVote(questionId, parsed.data.user.id, vote) ? 'recorded' : 'unknown'),
        () => 'unavailable',
      );
      if (recorded !== 'recorded') {
        logger.warn(`feedback for question ${questionId} not recorded (${recorded})`);
        return;
      }
      await respond({ response_type: 'ephemeral', replace_original: false, text: FEEDBACK_THANKS });
    } catch (error) {
      logger.error(`recording feedback for question ${questionId} failed`, error);
    }
  };
}
