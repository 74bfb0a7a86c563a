import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import type { ListenerContext } from '../../context.js';
import { deliveryOf } from '../../delivery/delivery.js';
import { MessageEventSchema, readPayload } from '../../payloads.js';
import { questionFrom, replyToQuestion } from '../../reply.js';

/** `@policybot 问题` in a channel: answered in the mention's thread. */
export function appMention(ctx: ListenerContext) {
  return async ({ event, context, logger }: AllMiddlewareArgs & SlackEventMiddlewareArgs<'app_mention'>) => {
    const mention = readPayload(MessageEventSchema, event, logger, 'app_mention');
    // Another bot mentioning us could start an endless exchange.
    if (!mention || mention.bot_id !== undefined || mention.subtype !== undefined) return;
    const question = questionFrom(mention, 'mention');
    if (question)
      await replyToQuestion(ctx, logger, question, deliveryOf(context, `${question.channel}:${question.ts}`));
  };
}
