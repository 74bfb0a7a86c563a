import { readFileSync } from 'node:fs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { ingestDocument } from '../../ingest/document.js';
import { POLICY_FILE } from '../helpers/index.js';

const policy = ingestDocument(POLICY_FILE, readFileSync(POLICY_FILE));
const clauses = policy.document!.clauses;
const clause = (section: string) => clauses.find((c) => c.section === section)!;

describe('parsing the real policy', () => {
  it('finds its 25 leaf clauses in order, with no issues', () => {
    expect(policy.issues).toEqual([]);
    expect(clauses.map((c) => c.section)).toEqual([
      '1',
      '2.1.1',
      '2.1.2',
      '2.1.3',
      '2.1.4',
      '2.1.5',
      '2.2.1',
      '2.2.2',
      '2.2.3',
      '2.3.1',
      '2.3.2',
      '3.1.1',
      '3.1.2',
      '3.1.3',
      '3.1.4',
      '3.2.1',
      '3.2.2',
      '3.2.3',
      '3.3.1',
      '3.3.2',
      '4.1',
      '4.2',
      '4.3',
      '4.4',
      '4.5',
    ]);
  });

  it('gives each clause its path, heading, body and 责任单位', () => {
    expect(clause('2.2.1')).toMatchObject({
      doc: 'shandong-new-infrastructure-2020-2022',
      title: '山东省新基建三年行动方案（2020-2022年）',
      path: '二、重点行动 › （二）融合基础设施升级行动 › 1.科学配置充电桩和加氢站',
      marker: '1.',
      heading: '科学配置充电桩和加氢站',
      units: ['省能源局', '省发展改革委', '省住房城乡建设厅', '省公安厅', '省交通运输厅', '省自然资源厅', '各市政府'],
    });
    expect(clause('2.2.1').text).toMatch(/^完善山东省充电基础设施/);
    expect(clause('2.2.1').text).toMatch(/服务圈。$/);
    expect(clause('2.2.1').text).not.toContain('责任单位');
  });

  it('takes a heading line of its own and the body that follows it', () => {
    expect(clause('1')).toMatchObject({ path: '一、行动目标', heading: '行动目标', units: [] });
    expect(clause('1').text).toMatch(/^到2022年，全省5G网络广泛覆盖/);
    expect(clause('4.3')).toMatchObject({ heading: '创新金融支持方式', path: '四、保障措施 › （三）创新金融支持方式' });
    expect(clause('4.3').units).toEqual([
      '省地方金融监管局',
      '省财政厅',
      '人民银行济南分行',
      '山东银保监局',
      '青岛银保监局',
      '山东证监局',
      '青岛证监局',
    ]);
  });

  it('attaches a 责任单位 paragraph split off by a page break to its clause', () => {
    expect(clause('3.1.2').units).toEqual(['省农业农村厅', '省商务厅', '省发展改革委', '省委网信办', '各市政府']);
    expect(clause('3.1.2').lines).toEqual([47, 51]);
    expect(policy.document!.meta.repairs).toContainEqual(
      expect.objectContaining({ kind: 'unit-paragraph-join', line: 51 }),
    );
  });

  it('keeps the title, preamble, outline and 抄送 line as document metadata', () => {
    const meta = policy.document!.meta;
    expect(meta.title).toBe('山东省新基建三年行动方案（2020-2022年）');
    expect(meta.preamble).toMatch(/^为全面贯彻落实.*制定本行动方案。$/);
    expect(meta.footer).toEqual([expect.stringMatching(/^抄送：省委各部门/)]);
    expect(meta.outline.map((n) => `${n.section} ${n.marker}${n.heading}`)).toEqual([
      '2 二、重点行动',
      '2.1 （一）信息基础设施建设行动',
      '2.2 （二）融合基础设施升级行动',
      '2.3 （三）创新基础设施突破行动',
      '3 三、应用场景',
      '3.1 （一）“智慧+产业”',
      '3.2 （二）“智慧+民生”',
      '3.3 （三）“智慧+服务”',
      '4 四、保障措施',
    ]);
  });
});

describe('parsing made-up documents', () => {
  const parse = (text: string, file = 'test/doc.txt') => ingestDocument(file, Buffer.from(text, 'utf8'));

  it('parses the 第X章 / 第X条 form, numbering articles through the document', () => {
    const { document, issues } = parse(
      '山东省数据条例\n\n第一章 总则\n\n第一条 为了规范数据处理活动，制定本条例。\n\n第二条 数据管理\n\n省大数据局负责全省数据工作。（责任单位：省大数据局）\n\n第二章 数据安全\n\n第三条 数据处理者应当建立安全制度。',
    );
    expect(issues).toEqual([]);
    expect(document!.clauses.map((c) => [c.section, c.path, c.heading, c.text, c.units])).toEqual([
      ['1.1', '第一章总则 › 第一条', '', '为了规范数据处理活动，制定本条例。', []],
      ['1.2', '第一章总则 › 第二条数据管理', '数据管理', '省大数据局负责全省数据工作。', ['省大数据局']],
      ['2.3', '第二章数据安全 › 第三条', '', '数据处理者应当建立安全制度。', []],
    ]);
  });

  it('reads a GBK file', () => {
    const { document } = ingestDocument(
      'test/gbk.txt',
      iconv.encode('济南市充电设施方案\n\n一、目标\n\n到2025年建成充电桩2万个。\n\n二、措施\n\n加快建设。', 'gbk'),
    );
    expect(document!.meta.encoding).toBe('gb18030');
    expect(document!.clauses.map((c) => [c.section, c.heading, c.text])).toEqual([
      ['1', '目标', '到2025年建成充电桩2万个。'],
      ['2', '措施', '加快建设。'],
    ]);
    expect(document!.targets).toEqual([
      expect.objectContaining({ subject: '充电桩', value: 2, unit: '万个', year: 2025 }),
    ]);
  });

  it('nests （1） under 1. under （一）, and keeps the own text of a part that has sub-parts as a clause', () => {
    const { document } = parse(
      '标题\n\n一、任务\n\n（一）建设。\n\n1.平台。建设平台。\n\n（1）省级平台。建设省级平台。\n\n（2）市级平台。建设市级平台。\n\n2.网络。建设网络。',
    );
    expect(document!.clauses.map((c) => [c.section, c.text])).toEqual([
      ['1.1.1', '建设平台。'],
      ['1.1.1.1', '建设省级平台。'],
      ['1.1.1.2', '建设市级平台。'],
      ['1.1.2', '建设网络。'],
    ]);
    expect(document!.meta.outline.map((n) => n.section)).toEqual(['1', '1.1', '1.1.1']);
  });

  it('skips a text without structure, with an error naming the file', () => {
    const { document, issues } = parse('关于加强管理的通知\n\n各单位要加强管理。\n\n请认真落实。');
    expect(document).toBeNull();
    expect(issues).toEqual([
      expect.objectContaining({ level: 'error', code: 'SEED_NO_STRUCTURE', file: 'test/doc.txt' }),
    ]);
    expect(issues[0]!.message).toMatch(/^seed file test\/doc\.txt: no section markers .* the file is skipped$/);
  });

  it('rejects a duplicate section, naming the file and line', () => {
    const { document, issues } = parse('标题\n\n一、目标\n\n加快建设。\n\n一、任务\n\n推进建设。');
    expect(document).toBeNull();
    expect(issues).toEqual([expect.objectContaining({ level: 'error', code: 'SEED_DUPLICATE_SECTION', line: 7 })]);
    expect(issues[0]!.message).toBe('seed file test/doc.txt line 7: duplicate section 1 (一、任务), first at line 3');
  });

  it('warns about a skipped section number and keeps the clause', () => {
    const { document, issues } = parse('标题\n\n一、目标\n\n加快建设。\n\n三、任务\n\n推进建设。');
    expect(document!.clauses.map((c) => c.section)).toEqual(['1', '3']);
    expect(issues).toEqual([expect.objectContaining({ level: 'warning', code: 'SEED_SKIPPED_SECTION', line: 7 })]);
  });
});

describe('责任单位 with brackets of their own', () => {
  it('keeps "各县（市、区）政府" as one unit and out of the clause body', () => {
    const { document } = ingestDocument(
      'test/doc.txt',
      Buffer.from('标题\n\n一、建设。加快建设平台。（责任单位：省大数据局，各县（市、区）政府）', 'utf8'),
    );
    expect(document!.clauses[0]).toMatchObject({ text: '加快建设平台。', units: ['省大数据局', '各县（市、区）政府'] });
  });
});
