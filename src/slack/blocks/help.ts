import * as msg from '../messages.js';
import { sections } from './limits.js';
import type { SlackMessage } from './message.js';

export function helpMessage(): SlackMessage {
  return { text: msg.HELP, blocks: sections(msg.HELP) };
}

/** A one-line reply (apology, input too long, …) in the same shape as every other message. */
export function noticeMessage(text: string): SlackMessage {
  return { text, blocks: sections(text) };
}
