import type { PolicyBot } from '../bot.js';
import type { FeedbackStore } from '../feedback/store.js';
import { BoundedCache } from '../core/bounded-cache.js';

/** What every listener needs, built once per app. */
export interface ListenerContext {
  bot: PolicyBot;
  feedback: FeedbackStore;
  /** event_ids already handled: Slack re-delivers an event it thinks failed (x-slack-retry-num). */
  seenEvents: BoundedCache<true>;
  /** `channel:ts` of messages already answered: a mention in a DM may arrive as both app_mention and message.im. */
  answeredMessages: BoundedCache<true>;
  /** The questions asked so far per conversation (`channel:thread_ts`), oldest first: the context for a follow-up. */
  threads: BoundedCache<string[]>;
}

const TEN_MINUTES = 10 * 60_000;
const ONE_DAY = 24 * 60 * 60_000;

export function createListenerContext(bot: PolicyBot, feedback: FeedbackStore): ListenerContext {
  return {
    bot,
    feedback,
    // Slack retries an event up to three times: at once, after 1 minute and after 5; ten minutes covers them all.
    seenEvents: new BoundedCache(10_000, TEN_MINUTES),
    answeredMessages: new BoundedCache(10_000, TEN_MINUTES),
    threads: new BoundedCache(5_000, ONE_DAY),
  };
}
