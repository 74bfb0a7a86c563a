import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import type { ListenerContext } from '../../context.js';
import { MessageEventSchema } from '../../payloads.js';
import { replyToQuestion } from '../../reply.js';

/**
 * A DM to the bot. Channel messages are left to app_mention, so a mention is answered once; edits, joins and bot
 * messages (anything with a subtype or bot_id) are never answered.
 */
export function directMessage(ctx: ListenerContext) {
  return async ({ event, client, logger }: AllMiddlewareArgs & SlackEventMiddlewareArgs<'message'>) => {
    const parsed = MessageEventSchema.safeParse(event);
    if (!parsed.success) return;
    const message = parsed.data;
    if (message.channel_type !== 'im' || message.subtype !== undefined || message.bot_id !== undefined) return;
    if (message.user === undefined) return;
    await replyToQuestion(ctx, client, logger, {
      surface: 'dm',
      channel: message.channel,
      ts: message.ts,
      threadTs: message.thread_ts,
      user: message.user,
      text: message.text,
    });
  };
}
