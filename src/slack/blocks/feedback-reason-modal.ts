import type { types } from '@slack/bolt';
import { VOTE_REASON_LABELS, VOTE_REASONS } from '../../store/store.js';
import { CallbackId, ReasonInput, encodeQuestionId } from '../action-values.js';
import * as msg from '../messages.js';
import { plain } from './limits.js';

/** Opened by 👎: why the answer did not help, tied to the logged question by `private_metadata`. */
export function feedbackReasonModal(questionId: number): types.ModalView {
  return {
    type: 'modal',
    callback_id: CallbackId.FeedbackReason,
    private_metadata: encodeQuestionId(questionId),
    title: plain(msg.FEEDBACK_REASON_TITLE, 24),
    submit: plain(msg.FEEDBACK_REASON_SUBMIT, 24),
    close: plain(msg.CLOSE, 24),
    blocks: [
      {
        type: 'input',
        block_id: ReasonInput.reasonBlock,
        label: plain(msg.FEEDBACK_REASON_LABEL, 2000),
        element: {
          type: 'radio_buttons',
          action_id: ReasonInput.reasonAction,
          options: VOTE_REASONS.map((reason) => ({ text: plain(VOTE_REASON_LABELS[reason], 75), value: reason })),
        },
      },
      {
        type: 'input',
        block_id: ReasonInput.noteBlock,
        optional: true,
        label: plain(msg.FEEDBACK_NOTE_LABEL, 2000),
        element: { type: 'plain_text_input', action_id: ReasonInput.noteAction, multiline: true, max_length: 1000 },
      },
    ],
  };
}
