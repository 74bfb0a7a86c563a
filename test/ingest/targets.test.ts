import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ingestDocument } from '../../ingest/document.js';
import { extractTargets } from '../../ingest/targets.js';
import type { Clause } from '../../src/core/schema.js';
import { POLICY_FILE } from '../helpers/index.js';

const { document } = ingestDocument(POLICY_FILE, readFileSync(POLICY_FILE));
const targets = document!.targets;
const inSection = (section: string) => targets.filter((t) => t.section === section);

describe('extractTargets on the real policy', () => {
  it('finds the three targets of 2.2.1 with subject, value, unit, qualifier, year and quote', () => {
    const quote =
      '到2022年，全省各类充电桩保有量达10万个以上、加氢站30座，依托具备条件的高速服务区基本建成充电站间距合理的服务圈。';
    expect(inSection('2.2.1').map(({ doc: _d, ...t }) => t)).toEqual([
      {
        section: '2.2.1',
        subject: '公共停车场充电桩占车位比',
        value: 15,
        unit: '%',
        qualifier: '不低于',
        year: 2022,
        deadline: '到2022年',
        figure: '15%',
        quote:
          '完善山东省充电基础设施信息公共服务平台功能，加快公共充电基础设施建设，到2022年公共停车场充电桩占车位比不低于15%。',
      },
      {
        section: '2.2.1',
        subject: '各类充电桩保有量',
        value: 10,
        unit: '万个',
        qualifier: '以上',
        year: 2022,
        deadline: '到2022年',
        figure: '10万个',
        quote,
      },
      {
        section: '2.2.1',
        subject: '加氢站',
        value: 30,
        unit: '座',
        qualifier: '',
        year: 2022,
        deadline: '到2022年',
        figure: '30座',
        quote,
      },
    ]);
  });

  it('reads decimals with a magnitude, ratios without a measure word, and ranges', () => {
    expect(inSection('2.1.1')[0]).toMatchObject({
      subject: '5G基站',
      value: 11.2,
      unit: '万个',
      year: 2022,
      figure: '11.2万个',
    });
    expect(inSection('2.1.2')).toContainEqual(
      expect.objectContaining({ subject: 'PUE值', value: 1.25, unit: '', qualifier: '低于' }),
    );
    expect(inSection('2.1.2')).toContainEqual(
      expect.objectContaining({ subject: '上架率', value: 65, unit: '%', qualifier: '高于' }),
    );
    expect(inSection('3.3.1')).toContainEqual(
      expect.objectContaining({ subject: '全国新型智慧城市标杆', value: 2, figure: '1—2个' }),
    );
    expect(inSection('2.1.5')).toContainEqual(
      expect.objectContaining({ subject: '人工智能相关产业规模', value: 500, unit: '亿元', qualifier: '超过' }),
    );
  });

  it('does not take years, line numbers, voltages, grades or names for targets', () => {
    const figures = targets.map((t) => t.figure);
    for (const notATarget of ['2022', '2号', '800千伏', '4A', '5G', '1+30']) expect(figures).not.toContain(notATarget);
    expect(inSection('2.2.3')).toEqual([]);
    expect(inSection('2.2.2')).toEqual([]);
  });

  it('quotes sentences verbatim from the clause text', () => {
    for (const t of targets) {
      const clause = document!.clauses.find((c) => c.section === t.section)!;
      expect(clause.text).toContain(t.quote);
      expect(t.quote).toContain(t.figure);
    }
  });
});

describe('extractTargets on made-up clauses', () => {
  const clause = (text: string): Clause => ({
    doc: 'd',
    title: 't',
    section: '1',
    path: 'p',
    marker: '1.',
    heading: 'h',
    text,
    units: [],
    lines: [1, 1],
  });

  it('takes a deadline such as 2020年底前 as the year', () => {
    expect(extractTargets(clause('2020年底前建成5个示范园区。'))[0]).toMatchObject({
      subject: '示范园区',
      value: 5,
      unit: '个',
      year: 2020,
      deadline: '2020年底前',
    });
  });

  it('quotes a sentence that runs on for pages by its phrases, so every figure is found with a short quote', () => {
    // 4,000 figures in one run of text: with commas, and without any punctuation at all.
    const units = Array.from({ length: 4000 }, (_, i) => `到2022年建成第${i}批5G基站${i + 1}万个以上`);
    for (const [text, phrased] of [
      [`${units.join('，')}。`, true],
      [`${units.join('')}。`, false],
    ] as const) {
      const found = extractTargets(clause(text));
      expect(found.map((t) => t.value)).toEqual(units.map((_, i) => i + 1));
      for (const t of found) {
        // Short enough for a Slack section (3,000 characters), where the run itself is 100,000.
        expect(t.quote.length).toBeLessThanOrEqual(3000);
        expect(text).toContain(t.quote);
        expect(t.quote).toContain(t.figure);
        expect(t.unit).toBe('万个');
      }
      // Split at its commas, each phrase keeps its own deadline; text without any is cut where a figure is not.
      if (phrased) expect(found.every((t, i) => t.year === 2022 && t.subject === `第${i}批5G基站`)).toBe(true);
    }
  });

  it('leaves the year empty when the sentence gives none', () => {
    expect(extractTargets(clause('培育20家龙头企业。'))[0]).toMatchObject({
      subject: '龙头企业',
      value: 20,
      unit: '家',
      year: null,
      deadline: '',
    });
  });
});
