import type { AllMiddlewareArgs, SlackActionMiddlewareArgs } from '@slack/bolt';
import { askModal } from '../../blocks/ask-modal.js';
import { BlockActionSchema } from '../../payloads.js';

/** The App Home "提问" button. */
export function openAsk() {
  return async ({ ack, body, client, logger }: AllMiddlewareArgs & SlackActionMiddlewareArgs) => {
    await ack();
    const parsed = BlockActionSchema.safeParse(body);
    if (!parsed.success) return;
    try {
      await client.views.open({ trigger_id: parsed.data.trigger_id, view: askModal() });
    } catch (error) {
      logger.error('views.open for the ask modal failed', error);
    }
  };
}
