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
import { citationLabel } from './outline.js';

export interface AnswerMessageOptions {
  /** Row id of the logged question; without one the 👍/👎 buttons are left out, since a vote could not be stored. */
  questionId?: number;
  /** More citations rarely help a reader; the engine ranks them best first. */
  maxCitations?: number;
  /** Repeat the question first, where Slack does not show what was asked. */
  showQuestion?: boolean;
}

export function answerMessage(answer: Answer, options: AnswerMessageOptions = {}): SlackMessage {
  const body: types.KnownBlock[] = options.showQuestion
    ? [context(`${msg.QUESTION_LABEL}：${escapeMrkdwn(answer.question)}`)]
    : [];
  const lead = leadText(answer);
  body.push(...sections(escapeMrkdwn(lead)));
  if (answer.status === 'answered') {
    answer.citations.slice(0, options.maxCitations ?? 3).forEach((citation, i) => {
      body.push(...citationBlocks(citation, lead, i === 0 ? msg.CITATION_LABEL : msg.RELATED_LABEL));
    });
  } else if (answer.suggestions.length > 0) {
    const lines = answer.suggestions.map((s) => `• ${escapeMrkdwn(s)}`);
    body.push(...sections([msg.SUGGESTIONS_INTRO, ...lines].join('\n')));
  }
  const tail = options.questionId === undefined ? [] : [feedbackActions(options.questionId)];
  return { text: fallbackText(answer), blocks: fitBlocks(body, MAX_MESSAGE_BLOCKS, tail) };
}

function leadText(answer: Answer): string {
  return answer.lead.trim() || answer.question;
}

/** `lead` is the answer as shown: a quote it already contains verbatim is not repeated. */
function citationBlocks(citation: Citation, lead: string, label: string): types.KnownBlock[] {
  const blocks: types.KnownBlock[] = [];
  if (citation.quote.trim() !== '' && !lead.includes(citation.quote.trim())) {
    blocks.push({ type: 'section', text: { type: 'mrkdwn', text: clip(quote(citation.quote), MAX_SECTION_CHARS) } });
  }
  const source = `《${escapeMrkdwn(citation.title)}》${escapeMrkdwn(citation.path)}`;
  blocks.push({
    type: 'section',
    text: {
      type: 'mrkdwn',
      text: clip(`*${label}：${escapeMrkdwn(citationLabel(citation))}*\n${source}`, MAX_SECTION_CHARS),
    },
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
    elements: [
      button(msg.FEEDBACK_UP, ActionId.FeedbackUp, value),
      button(msg.FEEDBACK_DOWN, ActionId.FeedbackDown, value),
    ],
  };
}

/** Notifications and block-less clients get the engine's full text, which names its sources itself. */
function fallbackText(answer: Answer): string {
  return clip(answer.answer || answer.question, MAX_FALLBACK_CHARS);
}
