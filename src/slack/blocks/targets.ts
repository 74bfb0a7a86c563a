import type { types } from '@slack/bolt';
import { figureOf } from '../../answer/figures.js';
import type { Clause, Target } from '../../core/schema.js';
import * as msg from '../messages.js';
import { MAX_MESSAGE_BLOCKS, clip, escapeMrkdwn, fitBlocks, mrkdwn, sections } from './limits.js';
import type { SlackMessage } from './message.js';
import { clauseLabel } from './outline.js';

/** Slack allows 10 fields a section, 2,000 characters each: five rows of two columns. */
const ROWS_PER_SECTION = 5;
const MAX_FIELD_CHARS = 2000;

/** `/policy targets [关键词]`. */
export function targetsMessage(targets: readonly Target[], clauses: readonly Clause[], keyword: string): SlackMessage {
  if (targets.length === 0)
    return { text: msg.NO_TARGETS(keyword), blocks: sections(escapeMrkdwn(msg.NO_TARGETS(keyword))) };
  const title = msg.TARGETS_TITLE(keyword, targets.length);
  const blocks = [...sections(escapeMrkdwn(title)), ...targetTable(targets, clauses)];
  return { text: title, blocks: fitBlocks(blocks, MAX_MESSAGE_BLOCKS) };
}

/** Two columns per target: what and how much (by when), and the clause it comes from. */
export function targetTable(targets: readonly Target[], clauses: readonly Clause[]): types.SectionBlock[] {
  const blocks: types.SectionBlock[] = [];
  for (let i = 0; i < targets.length; i += ROWS_PER_SECTION) {
    const fields = targets
      .slice(i, i + ROWS_PER_SECTION)
      .flatMap((t) => [
        mrkdwn(clip(targetCell(t), MAX_FIELD_CHARS)),
        mrkdwn(clip(sourceCell(t, clauses), MAX_FIELD_CHARS)),
      ]);
    blocks.push({ type: 'section', fields });
  }
  return blocks;
}

function targetCell(target: Target): string {
  const year = target.year === null ? '' : `（${target.year}年）`;
  // As an answer states it: "低于1.25", "10万个以上".
  return `*${escapeMrkdwn(target.subject)}*\n${escapeMrkdwn(figureOf(target))}${year}`;
}

function sourceCell(target: Target, clauses: readonly Clause[]): string {
  const clause = clauses.find((c) => c.doc === target.doc && c.section === target.section);
  const label = clause ? clauseLabel(clause) : '';
  return escapeMrkdwn(`${target.section} ${label}`.trim());
}
