import type { AllMiddlewareArgs, SlackActionMiddlewareArgs } from '@slack/bolt';
import { decodeClauseRef } from '../../action-values.js';
import { clauseModal, missingClauseModal } from '../../blocks/clause-modal.js';
import type { ListenerContext } from '../../context.js';
import { BlockActionSchema, readPayload } from '../../payloads.js';

/** "查看原文": opens the whole clause in a modal. The trigger_id is valid for 3 s, so this does nothing slow first. */
export function viewClause(ctx: ListenerContext) {
  return async ({ ack, body, client, logger }: AllMiddlewareArgs & SlackActionMiddlewareArgs) => {
    await ack();
    const action = readPayload(BlockActionSchema, body, logger, 'view_clause action');
    if (!action) return;
    const ref = decodeClauseRef(action.actions[0]!.value);
    const clause = ref && ctx.bot.clause(ref.doc, ref.section);
    if (clause === undefined) logger.warn(`view_clause: no clause for ${action.actions[0]!.value}`);
    try {
      await client.views.open({
        trigger_id: action.trigger_id,
        view: clause ? clauseModal(clause) : missingClauseModal(),
      });
    } catch (error) {
      logger.error('views.open for a clause failed', error);
    }
  };
}
