import type { types } from '@slack/bolt';
import { TRUNCATED } from '../messages.js';

/** Slack's limits (https://docs.slack.dev/reference/block-kit/blocks): exceeding any makes the API call fail. */
export const MAX_MESSAGE_BLOCKS = 50;
export const MAX_VIEW_BLOCKS = 100;
export const MAX_SECTION_CHARS = 3000;
export const MAX_HEADER_CHARS = 150;
export const MAX_BUTTON_TEXT_CHARS = 75;
/** The notification/fallback text; Slack allows more, but nobody reads more in a notification. */
export const MAX_FALLBACK_CHARS = 3000;

/** mrkdwn treats &, < and > as control characters; policy text must show them literally. */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Cuts by code points so an emoji or a rare CJK character is never split in half. */
export function clip(text: string, max: number, note = TRUNCATED): string {
  const chars = Array.from(text);
  if (chars.length <= max) return text;
  const noteChars = Array.from(note);
  return chars.slice(0, Math.max(0, max - noteChars.length)).join('') + note;
}

/** Splits text into pieces of at most `max` characters, preferring line breaks, then sentence ends, as cut points. */
export function splitText(text: string, max = MAX_SECTION_CHARS): string[] {
  const chars = Array.from(text);
  const pieces: string[] = [];
  let start = 0;
  while (chars.length - start > max) {
    const end = start + max;
    const cut = lastBreak(chars, start, end, LINE_BREAKS) ?? lastBreak(chars, start, end, SENTENCE_BREAKS) ?? end - 1;
    pieces.push(chars.slice(start, cut + 1).join(''));
    start = cut + 1;
  }
  pieces.push(chars.slice(start).join(''));
  return pieces.map((piece) => piece.trimEnd()).filter((piece) => piece.trim() !== '');
}

const LINE_BREAKS = new Set(['\n']);
const SENTENCE_BREAKS = new Set(['。', '；', '！', '？', '.', ' ']);

/** The last break in the second half of chars[start, end), so no piece is cut tiny. */
function lastBreak(chars: string[], start: number, end: number, breaks: Set<string>): number | undefined {
  for (let i = end - 1; i > start + (end - start) / 2; i--) {
    if (breaks.has(chars[i]!)) return i;
  }
  return undefined;
}

export function mrkdwn(text: string): types.MrkdwnElement {
  return { type: 'mrkdwn', text };
}

export function plain(text: string, max = MAX_SECTION_CHARS): types.PlainTextElement {
  return { type: 'plain_text', text: clip(text, max), emoji: true };
}

/** Sections holding `text` (already mrkdwn), split so none exceeds the section limit; none for blank text. */
export function sections(text: string): types.SectionBlock[] {
  return splitText(text).map((piece) => ({ type: 'section', text: mrkdwn(piece) }));
}

export function context(text: string): types.ContextBlock {
  return { type: 'context', elements: [mrkdwn(clip(text, MAX_SECTION_CHARS))] };
}

export function header(text: string): types.HeaderBlock {
  return { type: 'header', text: plain(text, MAX_HEADER_CHARS) };
}

export function button(text: string, actionId: string, value: string, style?: 'primary' | 'danger'): types.Button {
  return {
    type: 'button',
    text: plain(text, MAX_BUTTON_TEXT_CHARS),
    action_id: actionId,
    value,
    ...(style ? { style } : {}),
  };
}

/**
 * Keeps `body` within `limit` blocks together with `tail` (buttons that must survive), replacing what does not
 * fit by a note, so an oversized answer is shortened rather than rejected by Slack.
 */
export function fitBlocks(body: types.KnownBlock[], limit: number, tail: types.KnownBlock[] = []): types.KnownBlock[] {
  const room = limit - tail.length;
  if (body.length <= room) return [...body, ...tail];
  return [...body.slice(0, room - 1), context(TRUNCATED), ...tail];
}
