import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import type { ListenerContext } from '../../context.js';
import { MessageEventSchema } from '../../payloads.js';
import { replyToQuestion } from '../../reply.js';

/** `@policybot 问题` in a channel: answered in the mention's thread. */
export function appMention(ctx: ListenerContext) {
  return async ({ event, client, logger }: AllMiddlewareArgs & SlackEventMiddlewareArgs<'app_mention'>) => {
    const parsed = MessageEventSchema.safeParse(event);
    if (!parsed.success) {
      logger.warn('app_mention without the fields we need, ignored', parsed.error.issues);
      return;
    }
    const mention = parsed.data;
    // Another bot mentioning us could start an endless exchange.
    if (mention.bot_id !== undefined || mention.subtype !== undefined || mention.user === undefined) return;
    await replyToQuestion(ctx, client, logger, {
      surface: 'mention',
      channel: mention.channel,
      ts: mention.ts,
      threadTs: mention.thread_ts,
      user: mention.user,
      text: mention.text,
    });
  };
}
