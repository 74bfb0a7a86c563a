import type { types } from '@slack/bolt';
import type { Clause } from '../../core/schema.js';
import { ActionId, encodeClauseRef } from '../action-values.js';
import * as msg from '../messages.js';
import { MAX_MESSAGE_BLOCKS, MAX_SECTION_CHARS, button, clip, escapeMrkdwn, fitBlocks, sections } from './limits.js';
import type { SlackMessage } from './message.js';
import { clauseLabel } from './outline.js';

/** `/policy units 省能源局`: the clauses a unit is responsible for, each with its "查看原文" button. */
export function unitClausesMessage(
  query: string,
  result: { unit: string | null; clauses: readonly Clause[] },
  allClauses: readonly Clause[],
): SlackMessage {
  if (result.unit === null || result.clauses.length === 0) {
    const text = `${msg.UNIT_NOT_FOUND(query)}\n${msg.UNIT_HINT}${knownUnits(allClauses).join('、')}`;
    return { text: clip(text, MAX_SECTION_CHARS), blocks: sections(escapeMrkdwn(text)) };
  }
  const title = msg.UNIT_CLAUSES(escapeMrkdwn(result.unit), result.clauses.length);
  const rows: types.KnownBlock[] = result.clauses.map((clause) => ({
    type: 'section',
    text: {
      type: 'mrkdwn',
      text: clip(`*${escapeMrkdwn(clauseLabel(clause))}*\n${escapeMrkdwn(clause.path)}`, MAX_SECTION_CHARS),
    },
    accessory: button(msg.VIEW_CLAUSE, ActionId.ViewClause, encodeClauseRef(clause)),
  }));
  const lines = result.clauses.map((clause) => `• ${clause.path}`);
  return {
    text: clip([`${result.unit}：`, ...lines].join('\n'), MAX_SECTION_CHARS),
    blocks: fitBlocks([...sections(title), ...rows], MAX_MESSAGE_BLOCKS),
  };
}

/** Every 责任单位 named in the corpus, most frequent first, so a failed lookup can suggest the right spelling. */
export function knownUnits(clauses: readonly Clause[]): string[] {
  const counts = new Map<string, number>();
  for (const unit of clauses.flatMap((c) => c.units)) counts.set(unit, (counts.get(unit) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1]).map(([unit]) => unit);
}
