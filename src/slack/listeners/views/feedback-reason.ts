import type { AllMiddlewareArgs, SlackViewMiddlewareArgs } from '@slack/bolt';
import { z } from 'zod';
import { VOTE_REASONS } from '../../../store/store.js';
import { ReasonInput, decodeQuestionId } from '../../action-values.js';
import type { ListenerContext } from '../../context.js';
import { readPayload } from '../../payloads.js';

const ReasonSubmissionSchema = z.object({
  user: z.object({ id: z.string().min(1) }),
  view: z.object({
    private_metadata: z.string(),
    state: z.object({
      values: z.object({
        [ReasonInput.reasonBlock]: z.object({
          [ReasonInput.reasonAction]: z.object({ selected_option: z.object({ value: z.enum(VOTE_REASONS) }) }),
        }),
        [ReasonInput.noteBlock]: z
          .object({ [ReasonInput.noteAction]: z.object({ value: z.string().max(1000).nullish() }) })
          .optional(),
      }),
    }),
  }),
});

/** The 👎 modal's submission: the reason (and the free text) is stored beside the vote, for the dashboard. */
export function feedbackReason(ctx: ListenerContext) {
  return async ({ ack, body, logger }: AllMiddlewareArgs & SlackViewMiddlewareArgs) => {
    await ack();
    const submission = readPayload(ReasonSubmissionSchema, body, logger, '👎 reason submission');
    const questionId = decodeQuestionId(submission?.view.private_metadata);
    if (!submission || questionId === undefined) return;
    const { values } = submission.view.state;
    const reason = values[ReasonInput.reasonBlock][ReasonInput.reasonAction].selected_option.value;
    const note = values[ReasonInput.noteBlock]?.[ReasonInput.noteAction].value?.trim() ?? '';
    const stored = ctx.guard.run(
      'recording a 👎 reason',
      () => ctx.store.explainVote(questionId, submission.user.id, reason, note),
      () => false,
    );
    if (!stored) logger.warn(`👎 reason for question ${questionId} not recorded`);
  };
}
