import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { repairText } from '../../ingest/repair.js';
import { POLICY_FILE } from '../helpers/index.js';

const policy = repairText(readFileSync(POLICY_FILE, 'utf8'));
const paragraphWith = (s: string) => policy.paragraphs.find((p) => p.text.includes(s));

describe('repairText on the real policy', () => {
  it('joins words cut by page breaks and logs each join', () => {
    expect(paragraphWith('山东省物联网检测认证公共服务平台')).toMatchObject({ line: 21, endLine: 23 });
    expect(paragraphWith('发放“山东惠才卡”')).toMatchObject({ line: 79, endLine: 81 });
    expect(paragraphWith('林特产品等五大特色产业为基础的400个智慧农业应用基地')).toMatchObject({
      line: 47,
      endLine: 49,
    });
    expect(policy.repairs.filter((r) => r.kind === 'page-break-join').map((r) => r.line)).toEqual([23, 49, 81]);
  });

  it('does not join headings, the title or a separated 责任单位 paragraph to what follows', () => {
    const texts = policy.paragraphs.map((p) => p.text);
    expect(texts).toContain('山东省新基建三年行动方案（2020-2022年）');
    expect(texts).toContain('一、行动目标');
    expect(texts).toContain('（一）建立协同推进机制。');
    expect(texts).toContain('（责任单位：省农业农村厅、省商务厅、省发展改革委、省委网信办，各市政府）');
  });

  it('replaces the stray English "and" and logs it', () => {
    expect(paragraphWith('重点行业和重点企事业单位数据灾备全覆盖')).toBeDefined();
    expect(policy.repairs).toContainEqual(
      expect.objectContaining({
        kind: 'stray-latin',
        line: 93,
        after: expect.stringContaining('重点行业和重点企事业'),
      }),
    );
    expect(policy.paragraphs.some((p) => / and /.test(p.text))).toBe(false);
  });

  it('removes the spacing around numbers and Latin words', () => {
    expect(paragraphWith('到2022年建成5G基站11.2万个')).toBeDefined();
    expect(paragraphWith('支持PUE值低于1.25、上架率高于65%的数据中心')).toBeDefined();
    expect(paragraphWith('建立NB-IoT（窄带物联网）、4G和5G协同发展')).toBeDefined();
  });
});

describe('repairText on made-up text', () => {
  it('normalises full-width digits, letters and percent signs', () => {
    const { paragraphs, repairs } = repairText('1.建设。到２０２２年建成５Ｇ基站１１．２万个，覆盖率达到９０％。');
    expect(paragraphs[0]!.text).toBe('1.建设。到2022年建成5G基站11.2万个，覆盖率达到90%。');
    expect(repairs).toEqual([expect.objectContaining({ kind: 'fullwidth', line: 1 })]);
  });

  it('keeps a space between two Latin words', () => {
    expect(repairText('支持 Open Source 社区。').paragraphs[0]!.text).toBe('支持Open Source社区。');
  });

  it('sets a notice, its date and the title apart, joining none of them to the next line', () => {
    const { paragraphs, layout } = repairText(
      '山东省人民政府\n\n关于印发山东省测试方案的通知\n\n山东省人民政府\n\n2020年11月2日\n\n山东省测试方案\n\n一、目标\n\n加快建设山\n\n东省平台。',
    );
    expect(paragraphs.map((p) => p.text)).toEqual([
      '山东省人民政府',
      '关于印发山东省测试方案的通知',
      '山东省人民政府',
      '2020年11月2日',
      '山东省测试方案',
      '一、目标',
      '加快建设山东省平台。',
    ]);
    expect(layout.notice).toHaveLength(4);
    expect(layout.title).toMatchObject({ text: '山东省测试方案', line: 9 });
  });

  it('joins a sentence cut after a comma-less word but not after a finished sentence', () => {
    const { paragraphs } = repairText('标题\n\n1.建设平台。加快建设山\n\n东省平台。\n\n2.完善机制。');
    expect(paragraphs.map((p) => p.text)).toEqual(['标题', '1.建设平台。加快建设山东省平台。', '2.完善机制。']);
  });
});
