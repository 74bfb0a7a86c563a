import type { types } from '@slack/bolt';
import type { Answer, Citation } from '../../answer/types.js';
import { ActionId, encodeClauseRef, encodeQuestionId } from '../action-values.js';
import * as msg from '../messages.js';
import {
  MAX_FALLBACK_CHARS,
  MAX_MESSAGE_BLOCKS,
  MAX_SECTION_CHARS,
  button,
  clip,
  context,
  escapeMrkdwn,
  fitBlocks,
  sections,
} from './limits.js';
import type { SlackMessage } from './message.js';

export interface AnswerMessageOptions {
  /** Row id of the logged question; without one the 👍/👎 buttons are left out, since a vote could not be stored. */
  questionId?: number;
  /** Document titles by id, shown before a citation's path. */
  titles?: ReadonlyMap<string, string>;
  /** More citations rarely help a reader; the engine ranks them best first. */
  maxCitations?: number;
}

export function answerMessage(answer: Answer, options: AnswerMessageOptions = {}): SlackMessage {
  const body: types.KnownBlock[] = sections(escapeMrkdwn(answer.answer || answer.question));
  if (answer.status === 'answered') {
    for (const citation of answer.citations.slice(0, options.maxCitations ?? 3)) {
      body.push(...citationBlocks(citation, options.titles?.get(citation.doc)));
    }
  } else if (answer.suggestions.length > 0) {
    const lines = answer.suggestions.map((s) => `• ${escapeMrkdwn(s)}`);
    body.push(...sections([msg.SUGGESTIONS_INTRO, ...lines].join('\n')));
  }
  const tail = options.questionId === undefined ? [] : [feedbackActions(options.questionId)];
  return { text: fallbackText(answer), blocks: fitBlocks(body, MAX_MESSAGE_BLOCKS, tail) };
}

function citationBlocks(citation: Citation, title: string | undefined): types.KnownBlock[] {
  const blocks: types.KnownBlock[] = [];
  if (citation.quote.trim() !== '') {
    blocks.push({ type: 'section', text: { type: 'mrkdwn', text: clip(quote(citation.quote), MAX_SECTION_CHARS) } });
  }
  const source = `${title ? `《${escapeMrkdwn(title)}》` : ''}${escapeMrkdwn(citation.path)}`;
  blocks.push({
    type: 'section',
    text: { type: 'mrkdwn', text: clip(`*${msg.CITATION_LABEL}：${escapeMrkdwn(citation.heading)}*\n${source}`, MAX_SECTION_CHARS) },
    accessory: button(msg.VIEW_CLAUSE, ActionId.ViewClause, encodeClauseRef(citation)),
  });
  if (citation.units.length > 0) blocks.push(context(`${msg.UNITS_INTRO}：${escapeMrkdwn(citation.units.join('、'))}`));
  return blocks;
}

/** mrkdwn has no quote element: every line gets its own "> ". */
function quote(text: string): string {
  return text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => `> ${escapeMrkdwn(line)}`)
    .join('\n');
}

function feedbackActions(questionId: number): types.ActionsBlock {
  const value = encodeQuestionId(questionId);
  return {
    type: 'actions',
    block_id: 'feedback',
    elements: [button(msg.FEEDBACK_UP, ActionId.FeedbackUp, value), button(msg.FEEDBACK_DOWN, ActionId.FeedbackDown, value)],
  };
}

function fallbackText(answer: Answer): string {
  const first = answer.status === 'answered' ? answer.citations[0] : undefined;
  const source = first ? `（${msg.CITATION_LABEL}：${first.path}）` : '';
  return clip(`${answer.answer || answer.question}${source}`, MAX_FALLBACK_CHARS);
}
