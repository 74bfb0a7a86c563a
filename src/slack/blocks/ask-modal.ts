import type { types } from '@slack/bolt';
import { AskInput, CallbackId } from '../action-values.js';
import * as msg from '../messages.js';
import { MAX_QUESTION_CHARS } from '../messages.js';
import { plain } from './limits.js';

/** Opened from the App Home "提问" button; the answer arrives in the user's DM with the app. */
export function askModal(): types.ModalView {
  return {
    type: 'modal',
    callback_id: CallbackId.AskModal,
    title: plain(msg.ASK_MODAL_TITLE, 24),
    submit: plain(msg.ASK_MODAL_SUBMIT, 24),
    close: plain(msg.CLOSE, 24),
    blocks: [
      {
        type: 'input',
        block_id: AskInput.block,
        label: plain(msg.ASK_MODAL_LABEL, 2000),
        element: {
          type: 'plain_text_input',
          action_id: AskInput.action,
          multiline: true,
          max_length: MAX_QUESTION_CHARS,
          placeholder: plain(msg.ASK_MODAL_PLACEHOLDER, 150),
        },
      },
    ],
  };
}
