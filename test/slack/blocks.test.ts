import type { types } from '@slack/bolt';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeClauseRef } from '../../src/slack/action-values.js';
import { answerMessage } from '../../src/slack/blocks/answer.js';
import { clauseModal } from '../../src/slack/blocks/clause-modal.js';
import { homeView } from '../../src/slack/blocks/home.js';
import {
  MAX_MESSAGE_BLOCKS,
  MAX_SECTION_CHARS,
  MAX_VIEW_BLOCKS,
  escapeMrkdwn,
  fitBlocks,
  sections,
  splitText,
} from '../../src/slack/blocks/limits.js';
import { targetsMessage } from '../../src/slack/blocks/targets.js';
import { unitClausesMessage } from '../../src/slack/blocks/units.js';
import { TRUNCATED } from '../../src/slack/messages.js';
import { blocksText, buttonValue } from './helpers/blocks-text.js';
import {
  CHARGER_TARGET,
  DOCUMENT,
  FIVE_G_CLAUSE,
  GOALS_CLAUSE,
  HYDROGEN_ANSWER,
  HYDROGEN_CLAUSE,
  HYDROGEN_TARGET,
  NOT_FOUND_ANSWER,
  citationOf,
} from './helpers/fixtures.js';

/** Every text Slack measures against the 3,000-character section limit. */
function sectionTexts(blocks: types.KnownBlock[]): string[] {
  return blocks.flatMap((b) =>
    b.type === 'section' ? [...(b.text ? [b.text.text] : []), ...(b.fields ?? []).map((f) => f.text)] : [],
  );
}

function expectWithinLimits(blocks: types.KnownBlock[], maxBlocks: number) {
  expect(blocks.length).toBeLessThanOrEqual(maxBlocks);
  for (const text of sectionTexts(blocks)) {
    expect(Array.from(text).length).toBeLessThanOrEqual(MAX_SECTION_CHARS);
    expect(text.trim()).not.toBe('');
  }
}

describe('answerMessage', () => {
  it('shows the lead, the quote, the citation, the 责任单位 and the buttons', () => {
    const { text, blocks } = answerMessage(HYDROGEN_ANSWER, { questionId: 42 });
    expect(blocks[0]).toMatchObject({ type: 'section', text: { text: '加氢站：到2022年，30座。' } });
    const shown = blocksText(blocks);
    expect(shown).toContain(`> ${HYDROGEN_ANSWER.citations[0]!.quote}`);
    expect(shown).toContain('*出处：科学配置充电桩和加氢站*');
    expect(shown).toContain(`《${HYDROGEN_CLAUSE.title}》${HYDROGEN_CLAUSE.path}`);
    expect(blocks).toContainEqual({
      type: 'context',
      elements: [{ type: 'mrkdwn', text: '责任单位：省能源局、省发展改革委' }],
    });
    expect(decodeClauseRef(buttonValue(blocks, 'view_clause'))).toEqual({ doc: HYDROGEN_CLAUSE.doc, section: '2.2.1' });
    expect(buttonValue(blocks, 'feedback_up')).toBe('42');
    expect(buttonValue(blocks, 'feedback_down')).toBe('42');
    expect(text).toContain('30座');
  });

  it('does not repeat the lines of the engine text that the blocks show structured', () => {
    const shown = blocksText(answerMessage(HYDROGEN_ANSWER).blocks);
    expect(shown).not.toContain('原文：');
    expect(shown).not.toContain(`出处：${HYDROGEN_CLAUSE.title} ›`);
    expect(shown.split(HYDROGEN_ANSWER.citations[0]!.quote)).toHaveLength(2); // the quote appears once
  });

  it('leaves out the feedback buttons when the question could not be logged', () => {
    const { blocks } = answerMessage(HYDROGEN_ANSWER);
    expect(buttonValue(blocks, 'feedback_up')).toBeUndefined();
  });

  it('shows a not_found answer with its suggestions and no citation blocks', () => {
    const { blocks } = answerMessage(NOT_FOUND_ANSWER, { questionId: 1 });
    const shown = blocksText(blocks);
    expect(shown).toContain('本政策文件中没有找到相关内容。');
    expect(shown).toContain('• 完善升级物联网\n• 优化布局数据中心');
    expect(buttonValue(blocks, 'view_clause')).toBeUndefined();
    expect(shown).not.toContain('出处');
  });

  it('escapes mrkdwn control characters in policy text', () => {
    const answer = {
      ...HYDROGEN_ANSWER,
      answer: 'PUE<1.25 & 上架率>65%',
      lead: 'PUE<1.25 & 上架率>65%',
      citations: [],
    };
    expect(blocksText(answerMessage(answer).blocks)).toContain('PUE&lt;1.25 &amp; 上架率&gt;65%');
  });

  it('splits a 20,000-character answer into sections within the limit', () => {
    const answer = { ...HYDROGEN_ANSWER, answer: '加氢站建设。'.repeat(3400), lead: '加氢站建设。'.repeat(3400) };
    const { text, blocks } = answerMessage(answer, { questionId: 1 });
    expectWithinLimits(blocks, MAX_MESSAGE_BLOCKS);
    expect(sectionTexts(blocks).join('').replace(/\s/g, '').length).toBeGreaterThanOrEqual(20_400);
    expect(Array.from(text).length).toBeLessThanOrEqual(3000);
  });

  it('trims to 50 blocks with a note, keeping the feedback buttons, when there is too much', () => {
    const citations = Array.from({ length: 40 }, (_, i) =>
      citationOf({ ...FIVE_G_CLAUSE, section: `2.1.${i}` }, `第${i}句。`),
    );
    const { blocks } = answerMessage({ ...HYDROGEN_ANSWER, citations }, { questionId: 9, maxCitations: 40 });
    expectWithinLimits(blocks, MAX_MESSAGE_BLOCKS);
    expect(blocks).toHaveLength(MAX_MESSAGE_BLOCKS);
    expect(blocks.at(-2)).toMatchObject({ type: 'context', elements: [{ text: TRUNCATED }] });
    expect(blocks.at(-1)).toMatchObject({ type: 'actions', block_id: 'feedback' });
  });

  it('shows at most three citations by default', () => {
    const citations = Array.from({ length: 5 }, (_, i) =>
      citationOf({ ...FIVE_G_CLAUSE, section: `2.1.${i}` }, `第${i}句。`),
    );
    const { blocks } = answerMessage({ ...HYDROGEN_ANSWER, citations });
    expect(blocks.filter((b) => b.type === 'section' && b.accessory)).toHaveLength(3);
  });
});

describe('clauseModal', () => {
  it('shows the whole clause: heading, path, text and 责任单位', () => {
    const view = clauseModal(HYDROGEN_CLAUSE);
    expect(view.type).toBe('modal');
    const shown = blocksText(view.blocks);
    for (const part of [
      HYDROGEN_CLAUSE.heading,
      HYDROGEN_CLAUSE.path,
      HYDROGEN_CLAUSE.text,
      '省能源局、省发展改革委',
    ]) {
      expect(shown).toContain(part);
    }
  });

  it('names an article without a heading by its marker', () => {
    const article = { ...HYDROGEN_CLAUSE, marker: '第十二条', heading: '', path: '第三章 保障措施 › 第十二条' };
    expect(clauseModal(article).blocks[0]).toMatchObject({ type: 'header', text: { text: '第十二条' } });
    const { blocks } = answerMessage({
      ...HYDROGEN_ANSWER,
      citations: [citationOf(article, '本办法自发布之日起施行。')],
    });
    expect(blocksText(blocks)).toContain('*出处：第十二条*');
  });

  it('keeps a very long clause within 100 blocks and 3,000 characters a section', () => {
    const view = clauseModal({ ...HYDROGEN_CLAUSE, text: '合理配置、适度超前布局加氢站。'.repeat(30_000) });
    expectWithinLimits(view.blocks as types.KnownBlock[], MAX_VIEW_BLOCKS);
    expect(view.blocks.at(-1)).toMatchObject({ type: 'context', elements: [{ text: TRUNCATED }] });
  });
});

describe('homeView', () => {
  const bot = {
    documents: [DOCUMENT],
    clauses: [GOALS_CLAUSE, FIVE_G_CLAUSE, HYDROGEN_CLAUSE],
    targets: [HYDROGEN_TARGET, CHARGER_TARGET],
  };

  it('lists the outline in document order, the targets and how to ask', () => {
    const view = homeView(bot);
    const shown = blocksText(view.blocks);
    const order = [
      '一、行动目标',
      '二、重点行动',
      '（一）信息基础设施建设行动',
      '1.加快5G商用',
      '（二）融合基础设施升级行动',
      '1.科学配置充电桩和加氢站',
    ];
    const positions = order.map((label) => shown.indexOf(label));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(shown).toContain('*加氢站*\n30座（2022年）');
    expect(shown).toContain('*充电桩*\n10万个以上（2022年）');
    expect(shown).toContain('2.2.1 1.科学配置充电桩和加氢站');
    expect(shown).toContain('/policy');
    expect(buttonValue(view.blocks, 'open_ask')).toBeDefined();
  });

  it('trims a huge policy to 100 blocks with a note and keeps how to ask', () => {
    const targets = Array.from({ length: 600 }, (_, i) => ({ ...HYDROGEN_TARGET, subject: `指标${i}` }));
    const view = homeView({ ...bot, targets });
    expectWithinLimits(view.blocks as types.KnownBlock[], MAX_VIEW_BLOCKS);
    const shown = blocksText(view.blocks);
    expect(shown).toContain(TRUNCATED);
    expect(buttonValue(view.blocks, 'open_ask')).toBeDefined();
  });
});

describe('targetsMessage and unitClausesMessage', () => {
  it('tabulates the targets found', () => {
    const { blocks } = targetsMessage([HYDROGEN_TARGET], [HYDROGEN_CLAUSE], '加氢站');
    expect(blocksText(blocks)).toContain('与“加氢站”相关的量化目标（共 1 项）');
    expect(blocksText(blocks)).toContain('30座（2022年）');
  });

  it('puts a comparator where the policy does: before the figure (低于1.25), or after it (10万个以上)', () => {
    const pue = { ...HYDROGEN_TARGET, subject: 'PUE值', value: 1.25, unit: '', qualifier: '低于', figure: '1.25' };
    const text = blocksText(targetsMessage([pue, CHARGER_TARGET], [HYDROGEN_CLAUSE], '').blocks);
    expect(text).toContain('低于1.25（2022年）');
    expect(text).toContain('10万个以上（2022年）');
  });

  it('says so when no target matches', () => {
    expect(targetsMessage([], [HYDROGEN_CLAUSE], '火星').text).toBe('没有找到与“火星”相关的量化目标。');
  });

  it('lists a unit’s clauses with a 查看原文 button each', () => {
    const { blocks } = unitClausesMessage('能源局', { unit: '省能源局', clauses: [HYDROGEN_CLAUSE] }, [
      HYDROGEN_CLAUSE,
    ]);
    expect(blocksText(blocks)).toContain('*省能源局* 负责的条款（共 1 条）');
    expect(decodeClauseRef(buttonValue(blocks, 'view_clause'))).toEqual({ doc: HYDROGEN_CLAUSE.doc, section: '2.2.1' });
  });

  it('suggests the known units, most frequent first, for an unknown one', () => {
    const { text } = unitClausesMessage('火星局', { unit: null, clauses: [] }, [
      HYDROGEN_CLAUSE,
      FIVE_G_CLAUSE,
      { ...FIVE_G_CLAUSE, units: ['省通信管理局'] },
    ]);
    expect(text).toBe(
      '没有找到责任单位“火星局”。\n已知的责任单位有：省通信管理局、省能源局、省发展改革委、省工业和信息化厅',
    );
  });
});

describe('limits', () => {
  it('splitText keeps every piece within the limit and loses no text', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom('加', '氢', '站', '。', '\n', ' ', '5', 'G', '😀') }),
        fc.integer({ min: 4, max: 60 }),
        (text, max) => {
          const pieces = splitText(text, max);
          for (const piece of pieces) expect(Array.from(piece).length).toBeLessThanOrEqual(max);
          expect(pieces.join('').replace(/\s/g, '')).toBe(text.replace(/\s/g, ''));
        },
      ),
    );
  });

  it('sections() gives nothing for blank text, so no empty section reaches Slack', () => {
    expect(sections(' \n ')).toEqual([]);
  });

  it('fitBlocks leaves short lists alone', () => {
    const blocks = sections('加氢站');
    expect(fitBlocks(blocks, 50)).toEqual(blocks);
  });

  it('escapeMrkdwn escapes &, < and >', () => {
    expect(escapeMrkdwn('<@U1> & <#C1>')).toBe('&lt;@U1&gt; &amp; &lt;#C1&gt;');
  });
});
