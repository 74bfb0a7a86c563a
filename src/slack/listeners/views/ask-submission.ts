import type { AllMiddlewareArgs, SlackViewMiddlewareArgs } from '@slack/bolt';
import { AskInput } from '../../action-values.js';
import { askForSlack } from '../../answering.js';
import { noticeMessage } from '../../blocks/help.js';
import type { SlackMessage } from '../../blocks/message.js';
import type { ListenerContext } from '../../context.js';
import { deliveryOf } from '../../delivery/delivery.js';
import { APOLOGY, EMPTY_QUESTION, TOO_LONG } from '../../messages.js';
import { ViewSubmissionSchema, readPayload } from '../../payloads.js';
import { checkQuestion } from '../../question.js';
import { deferIfUnconfirmed } from '../../reply.js';

/** The ask modal's submission: the modal closes at once and the answer arrives in the user's DM with the app. */
export function askSubmission(ctx: ListenerContext) {
  return async ({ ack, body, context, logger }: AllMiddlewareArgs & SlackViewMiddlewareArgs) => {
    await ack();
    const submission = readPayload(ViewSubmissionSchema, body, logger, 'ask modal submission');
    if (!submission) return;
    const user = submission.user.id;
    const delivery = deliveryOf(context, `view:${user}:${Date.now()}`);
    // Posting to a user id lands in the app's DM with that user (the App Home Messages tab).
    const post = (message: SlackMessage) => ctx.poster.reply({ channel: user }, message, delivery);
    try {
      const check = checkQuestion(submission.view.state.values[AskInput.block]?.[AskInput.action]?.value ?? '');
      if (check.kind !== 'ok') {
        await post(noticeMessage(check.kind === 'empty' ? EMPTY_QUESTION : TOO_LONG));
        return;
      }
      const asked = { question: check.question, thread: [], surface: 'home', user, channel: null } as const;
      await post(await askForSlack(ctx, { ...asked, showQuestion: true, source: delivery.request }));
    } catch (error) {
      if (deferIfUnconfirmed(error, delivery, logger)) return;
      logger.error(`ask modal from ${user} failed`, error);
      await post(noticeMessage(APOLOGY)).catch((e: unknown) => {
        if (!deferIfUnconfirmed(e, delivery, logger)) logger.error('could not post the apology', e);
      });
    }
  };
}
