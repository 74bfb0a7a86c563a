import type { AllMiddlewareArgs, SlackActionMiddlewareArgs } from '@slack/bolt';
import { askModal } from '../../blocks/ask-modal.js';
import { BlockActionSchema, readPayload } from '../../payloads.js';

/** The App Home "提问" button. */
export function openAsk() {
  return async ({ ack, body, client, logger }: AllMiddlewareArgs & SlackActionMiddlewareArgs) => {
    await ack();
    const action = readPayload(BlockActionSchema, body, logger, 'open_ask action');
    if (!action) return;
    try {
      await client.views.open({ trigger_id: action.trigger_id, view: askModal() });
    } catch (error) {
      logger.error('views.open for the ask modal failed', error);
    }
  };
}
