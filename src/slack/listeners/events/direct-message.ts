import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import type { ListenerContext } from '../../context.js';
import { deliveryOf } from '../../delivery/delivery.js';
import { MessageEventSchema, readPayload } from '../../payloads.js';
import { questionFrom, replyToQuestion } from '../../reply.js';

/**
 * A DM to the bot. Channel messages are left to app_mention, so a mention is answered once; edits, joins and bot
 * messages (anything with a subtype or bot_id) are never answered.
 */
export function directMessage(ctx: ListenerContext) {
  return async ({ event, context, logger }: AllMiddlewareArgs & SlackEventMiddlewareArgs<'message'>) => {
    const message = readPayload(MessageEventSchema, event, logger, 'message event');
    if (message?.channel_type !== 'im' || message.subtype !== undefined || message.bot_id !== undefined) return;
    const question = questionFrom(message, 'dm');
    if (question)
      await replyToQuestion(ctx, logger, question, deliveryOf(context, `${question.channel}:${question.ts}`));
  };
}
