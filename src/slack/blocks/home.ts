import type { types } from '@slack/bolt';
import type { PolicyBot } from '../../bot.js';
import { ActionId } from '../action-values.js';
import * as msg from '../messages.js';
import { MAX_VIEW_BLOCKS, button, escapeMrkdwn, fitBlocks, header, sections } from './limits.js';
import { outlineEntries } from './outline.js';
import { targetTable } from './targets.js';

const INDENT = '\u3000';

/** The App Home tab: the policy's outline and key targets first, then how to ask (kept even when the rest is trimmed). */
export function homeView(bot: Pick<PolicyBot, 'documents' | 'clauses' | 'targets'>): types.HomeView {
  const body: types.KnownBlock[] = [];
  for (const document of bot.documents) {
    body.push(header(document.title));
    for (const part of groupByPart(outlineEntries(document, bot.clauses))) body.push(...sections(part));
  }
  if (bot.targets.length > 0) {
    body.push({ type: 'divider' }, header(msg.HOME_TARGETS), ...targetTable(bot.targets, bot.clauses));
  }
  const tail: types.KnownBlock[] = [
    { type: 'divider' },
    header(msg.HOME_HOW_TO_ASK),
    ...sections(msg.HELP),
    { type: 'actions', elements: [button(msg.HOME_ASK_BUTTON, ActionId.OpenAsk, 'home', 'primary')] },
  ];
  return { type: 'home', blocks: fitBlocks(body, MAX_VIEW_BLOCKS, tail) };
}

/** One mrkdwn text per part (一、二、…), its chapters in bold and clauses indented beneath. */
function groupByPart(entries: ReturnType<typeof outlineEntries>): string[] {
  const parts: string[][] = [];
  for (const { depth, label } of entries) {
    const text = escapeMrkdwn(label);
    if (depth === 1 || parts.length === 0) parts.push([]);
    parts.at(-1)!.push(depth <= 2 ? `${INDENT.repeat(depth - 1)}*${text}*` : `${INDENT.repeat(depth - 1)}${text}`);
  }
  return parts.map((lines) => lines.join('\n'));
}
