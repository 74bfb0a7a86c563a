import type { AllMiddlewareArgs, Logger, SlackActionMiddlewareArgs, webApi } from '@slack/bolt';
import { decodeQuestionId } from '../../action-values.js';
import type { Vote } from '../../../store/store.js';
import { feedbackReasonModal } from '../../blocks/feedback-reason-modal.js';
import type { ListenerContext } from '../../context.js';
import { FEEDBACK_THANKS } from '../../messages.js';
import { BlockActionSchema } from '../../payloads.js';

/**
 * 👍/👎 under an answer: one vote row per click. 👎 then asks why in a modal (what admins need to fix the answer);
 * 👍, or a 👎 whose modal cannot open, gets a thank-you only the voter sees.
 */
export function feedback(ctx: ListenerContext, vote: Vote) {
  return async ({ ack, body, client, respond, logger }: AllMiddlewareArgs & SlackActionMiddlewareArgs) => {
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
      if (vote === -1 && (await askWhy(client, parsed.data.trigger_id, questionId, logger))) return;
      await respond({ response_type: 'ephemeral', replace_original: false, text: FEEDBACK_THANKS });
    } catch (error) {
      logger.error(`recording feedback for question ${questionId} failed`, error);
    }
  };
}

async function askWhy(
  client: webApi.WebClient,
  triggerId: string,
  questionId: number,
  logger: Logger,
): Promise<boolean> {
  try {
    await client.views.open({ trigger_id: triggerId, view: feedbackReasonModal(questionId) });
    return true;
  } catch (error) {
    logger.warn(`views.open for the 👎 reason of question ${questionId} failed`, error);
    return false;
  }
}
