import { describe, expect, it } from 'vitest';
import { ungroundedNumbers } from '../../src/answer/grounding.js';
import type { Answer, Citation } from '../../src/answer/types.js';
import { judge, percentile } from '../../src/eval/score.js';

const cite = (section: string, units: string[] = [], quote = ''): Citation => ({
  doc: 'd',
  title: '方案',
  section,
  path: 'p',
  heading: 'h',
  units,
  quote,
  score: 1,
});
const answer = (text: string, citations: Citation[], status: Answer['status'] = 'answered'): Answer => ({
  question: 'q',
  status,
  answer: text,
  lead: text,
  citations,
  ms: 1,
  intent: 'fact',
  suggestions: [],
  query: null,
});

describe('judge', () => {
  it('requires must strings within the first 150 characters, whitespace ignored', () => {
    expect(
      judge({ id: '1', kind: 'target', q: 'q', must: ['11.2万'] }, answer('5G基站：11.2 万个', [cite('2.1.1')])),
    ).toEqual([]);
    expect(
      judge({ id: '1', kind: 'target', q: 'q', must: ['30'] }, answer(`${'长'.repeat(150)}30`, [cite('2.2.1')])),
    ).toHaveLength(1);
  });

  it('requires one string of each must_any group, looks only in the lead for in_lead, and fails on must_not', () => {
    const c = { id: '1', kind: 'verify', q: 'q', must_any: [['是', '对'], ['30座']] };
    expect(judge(c, answer('是的，加氢站30座', [cite('2.2.1')]))).toEqual([]);
    expect(judge(c, answer('不，加氢站50座', [cite('2.2.1')]))).toEqual([
      'none of "是", "对" within the first 150 characters',
      'none of "30座" within the first 150 characters',
    ]);
    const inLead = { id: '1', kind: 'target', q: 'q', must: ['30座'], in_lead: true };
    expect(judge(inLead, { ...answer('加氢站30座', [cite('2.2.1')]), lead: '加氢站' })).toEqual([
      '"30座" not within the lead',
    ]);
    const not = { id: '1', kind: 'target', q: 'q', must_not: ['50座'] };
    expect(judge(not, answer('加氢站50座', [cite('2.2.1')]))).toEqual(['states "50座"']);
  });

  it('accepts a refusal only where any_status allows it, and still applies must_not to it', () => {
    const refused = answer('未找到', [], 'not_found');
    expect(judge({ id: '1', kind: 'target', q: 'q' }, refused)).toEqual(['expected an answer, got not_found']);
    expect(judge({ id: '1', kind: 'target', q: 'q', any_status: true }, refused)).toEqual([]);
    expect(judge({ id: '1', kind: 'target', q: 'q', any_status: true, must_not: ['未找到'] }, refused)).toEqual([
      'states "未找到"',
    ]);
  });

  it('requires exact units in order, named in the answer', () => {
    const c = { id: '1', kind: 'units', q: 'q', units: ['甲', '乙'] };
    expect(judge(c, answer('甲、乙', [cite('1', ['甲', '乙'])]))).toEqual([]);
    expect(judge(c, answer('甲、乙', [cite('1', ['乙', '甲'])]))).toHaveLength(1);
    expect(judge(c, answer('甲', [cite('1', ['甲', '乙'])]))).toEqual(['answer does not name 乙']);
  });

  it('requires exactly the listed sections for all_sections, and a prefix for every citation', () => {
    expect(
      judge(
        { id: '1', kind: 'by_unit', q: 'q', all_sections: ['2.1', '4.2'] },
        answer('a', [cite('4.2'), cite('2.1')]),
      ),
    ).toEqual([]);
    expect(
      judge({ id: '1', kind: 'by_unit', q: 'q', all_sections: ['2.1'] }, answer('a', [cite('2.1'), cite('4.2')])),
    ).toHaveLength(1);
    expect(
      judge({ id: '1', kind: 'overview', q: 'q', prefix: '2' }, answer('a', [cite('2.1.1'), cite('20.1')])),
    ).toHaveLength(1);
  });

  it('requires out-of-scope questions to be refused with no citation', () => {
    const c = { id: '1', kind: 'oos', q: 'q' };
    expect(judge(c, answer('没有', [], 'not_found'))).toEqual([]);
    expect(judge(c, answer('有', [cite('1')]))).toHaveLength(1);
  });

  it('computes nearest-rank percentiles', () => {
    expect(percentile([5, 1, 3, 2, 4], 50)).toBe(3);
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 95)).toBe(10);
    expect(percentile([], 95)).toBe(0);
  });
});

describe('ungroundedNumbers', () => {
  it('finds a figure that no citation states', () => {
    const citations = [cite('2.2.1', [], '到2022年，全省加氢站30座。')];
    expect(ungroundedNumbers('加氢站：到2022年，30座（2.2.1）', citations)).toEqual([]);
    expect(ungroundedNumbers('加氢站：到2025年，50座', citations)).toEqual(['2025', '50']);
  });
});
