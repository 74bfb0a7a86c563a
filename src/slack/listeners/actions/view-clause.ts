import type { AllMiddlewareArgs, SlackActionMiddlewareArgs } from '@slack/bolt';
import { decodeClauseRef } from '../../action-values.js';
import { clauseModal, missingClauseModal } from '../../blocks/clause-modal.js';
import type { ListenerContext } from '../../context.js';
import { BlockActionSchema } from '../../payloads.js';

/** "查看原文": opens the whole clause in a modal. The trigger_id is valid for 3 s, so this does nothing slow first. */
export function viewClause(ctx: ListenerContext) {
  return async ({ ack, body, client, logger }: AllMiddlewareArgs & SlackActionMiddlewareArgs) => {
    await ack();
    const parsed = BlockActionSchema.safeParse(body);
    if (!parsed.success) {
      logger.warn('view_clause action without the fields we need, ignored', parsed.error.issues);
      return;
    }
    const ref = decodeClauseRef(parsed.data.actions[0]!.value);
    const clause = ref && ctx.bot.clause(ref.doc, ref.section);
    if (clause === undefined) logger.warn(`view_clause: no clause for ${parsed.data.actions[0]!.value}`);
    try {
      await client.views.open({ trigger_id: parsed.data.trigger_id, view: clause ? clauseModal(clause) : missingClauseModal() });
    } catch (error) {
      logger.error('views.open for a clause failed', error);
    }
  };
}
