import type { AllMiddlewareArgs, AnyMiddlewareArgs } from '@slack/bolt';
import type { BoundedCache } from '../../core/bounded-cache.js';
import { EventEnvelopeSchema } from '../payloads.js';

/**
 * Drops an Events API delivery whose event_id was already handled. Slack re-sends an event (x-slack-retry-num)
 * when it did not see the ack in time; Bolt has already acked it by now, so dropping is all that is left to do.
 */
export function dedupeEvents(seen: BoundedCache<true>) {
  return async ({ body, next, logger }: AnyMiddlewareArgs & AllMiddlewareArgs) => {
    const envelope = EventEnvelopeSchema.safeParse(body);
    if (envelope.success && !seen.add(envelope.data.event_id)) {
      logger.debug(`event ${envelope.data.event_id} already handled, retry dropped`);
      return;
    }
    await next();
  };
}
