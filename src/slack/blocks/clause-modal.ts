import type { types } from '@slack/bolt';
import type { Clause } from '../../core/schema.js';
import * as msg from '../messages.js';
import { MAX_VIEW_BLOCKS, context, escapeMrkdwn, fitBlocks, header, plain, sections } from './limits.js';
import { clauseLabel } from './outline.js';

/** "查看原文": the whole clause as the seed gives it, so a reader can check the answer against the source. */
export function clauseModal(clause: Clause): types.ModalView {
  const body: types.KnownBlock[] = [
    header(clauseLabel(clause)),
    context(`《${escapeMrkdwn(clause.title)}》${escapeMrkdwn(clause.path)}`),
    ...sections(escapeMrkdwn(clause.text)),
  ];
  if (clause.units.length > 0) body.push(context(`${msg.UNITS_INTRO}：${escapeMrkdwn(clause.units.join('、'))}`));
  return {
    type: 'modal',
    title: plain(msg.CLAUSE_MODAL_TITLE, 24),
    close: plain(msg.CLOSE, 24),
    blocks: fitBlocks(body, MAX_VIEW_BLOCKS),
  };
}

/** Shown instead when the button points at a clause the index no longer has. */
export function missingClauseModal(): types.ModalView {
  return {
    type: 'modal',
    title: plain(msg.CLAUSE_MODAL_TITLE, 24),
    close: plain(msg.CLOSE, 24),
    blocks: sections(msg.CLAUSE_MISSING),
  };
}
