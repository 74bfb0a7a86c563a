import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ingestDocument } from '../../ingest/document.js';
import { periodOf } from '../../ingest/facts.js';
import { dateOf } from '../../ingest/notice.js';
import { ingest } from '../../ingest/run.js';
import { readIndex } from '../../src/core/store.js';
import { ErrorCode } from '../../src/core/errors.js';
import { POLICY_FILE, SEEDS_DIR, tempDir } from '../helpers/index.js';

const TITLE = '山东省新基建三年行动方案（2020-2022年）';

/** A policy published with the notice that issues it, as government websites print it. */
const NOTICE = [
  '山东省人民政府',
  '关于印发山东省数字农业行动方案（2021—2025年）的通知',
  '鲁政办发［2021］7号',
  '各市人民政府，各县（市、区）人民政府，省政府各部门、各直属机构：',
  '现将《山东省数字农业行动方案（2021—2025年）》印发给你们，请认真组织实施。',
  '山东省人民政府办公厅',
  '二〇二一年三月十五日',
  '（此件公开发布）',
  '山东省数字农业行动方案（2021—2025年）',
  '为加快农业数字化转型，制定本方案。',
  '一、行动目标',
  '到2025年，建成智慧农业应用基地400个。',
  '二、保障措施',
  '加强组织领导。（责任单位：省农业农村厅）',
].join('\n\n');

function seedsDir(files: Record<string, string>): string {
  const dir = join(tempDir(), 'seeds');
  mkdirSync(dir);
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

describe('the facts of the real policy', () => {
  it('takes title and period from the text and 文号, issuer and date from its metadata file', async () => {
    const outDir = join(tempDir(), 'index');
    const result = await ingest({ seedsDir: SEEDS_DIR, outDir });
    expect(result.issues).toEqual([]);
    expect(result.manifest.counts.documents).toBe(1);
    expect(result.manifest.sources.map((s) => s.file)).toEqual([
      join(SEEDS_DIR, 'shandong-new-infrastructure-2020-2022.meta.json'),
      POLICY_FILE,
    ]);
    const [document] = (await readIndex(outDir)).documents;
    expect(document!.title).toBe(TITLE);
    expect(document!.header).toEqual([{ line: 3, text: TITLE }]);
    expect(document!.facts).toEqual({
      title: TITLE,
      period: { start: 2020, end: 2022 },
      number: '鲁政字〔2020〕228号',
      issuer: '山东省人民政府',
      issued: '2020-11-02',
      sources: { title: 'text', period: 'text', number: 'metadata', issuer: 'metadata', issued: 'metadata' },
    });
  });
});

describe('facts read from the text', () => {
  it('reads 文号, issuer and a date in Chinese numerals from the notice ahead of the title, and keeps the notice', () => {
    const { document, issues } = ingestDocument('seeds/agri.txt', Buffer.from(NOTICE));
    expect(issues).toEqual([]);
    expect(document!.meta.facts).toEqual({
      title: '山东省数字农业行动方案（2021—2025年）',
      period: { start: 2021, end: 2025 },
      number: '鲁政办发〔2021〕7号',
      issuer: '山东省人民政府办公厅',
      issued: '2021-03-15',
      sources: { title: 'text', period: 'text', number: 'text', issuer: 'text', issued: 'text' },
    });
    expect(document!.meta.header.map((h) => h.text)).toEqual(NOTICE.split('\n\n').slice(0, 9));
    expect(document!.meta.header.map((h) => h.line)).toEqual([1, 3, 5, 7, 9, 11, 13, 15, 17]);
    expect(document!.meta.preamble).toBe('为加快农业数字化转型，制定本方案。');
    expect(document!.clauses.map((c) => [c.section, c.title])).toEqual([
      ['1', '山东省数字农业行动方案（2021—2025年）'],
      ['2', '山东省数字农业行动方案（2021—2025年）'],
    ]);
  });

  it('reads 文号, issuer and date from the lines under the title', () => {
    const text =
      '济南市充电设施建设方案（2021至2023年）\n\n济政办字(2021)3号\n\n济南市人民政府办公厅\n\n2021年4月1日\n\n一、目标\n\n到2023年建成充电桩2万个。';
    const { document } = ingestDocument('seeds/jinan.txt', Buffer.from(text));
    expect(document!.meta.facts).toMatchObject({
      title: '济南市充电设施建设方案（2021至2023年）',
      period: { start: 2021, end: 2023 },
      number: '济政办字〔2021〕3号',
      issuer: '济南市人民政府办公厅',
      issued: '2021-04-01',
    });
    expect(document!.meta.header.map((h) => h.line)).toEqual([1, 3, 5, 7]);
    expect(document!.clauses).toHaveLength(1);
  });

  it('takes the issuer and the name from a 印发 line when the notice has no title line after it', () => {
    const { document } = ingestDocument(
      'seeds/plan.txt',
      Buffer.from('山东省人民政府关于印发山东省算力基础设施发展规划的通知\n\n一、目标\n\n加快建设。'),
    );
    expect(document!.meta.facts).toEqual({
      title: '山东省算力基础设施发展规划',
      period: null,
      number: null,
      issuer: '山东省人民政府',
      issued: null,
      sources: { title: 'text', issuer: 'text' },
    });
  });

  it('leaves unknown what the text does not say', () => {
    const { document } = ingestDocument(
      'seeds/bare.txt',
      Buffer.from('山东省数据条例\n\n第一条 为了规范数据处理活动，制定本条例。'),
    );
    expect(document!.meta.facts).toEqual({
      title: '山东省数据条例',
      period: null,
      number: null,
      issuer: null,
      issued: null,
      sources: { title: 'text' },
    });
  });

  it('reads the period written in the ways titles write it', () => {
    expect(periodOf(TITLE)).toEqual({ start: 2020, end: 2022 });
    expect(periodOf('山东省数字经济发展规划（2021—2025年）')).toEqual({ start: 2021, end: 2025 });
    expect(periodOf('山东省2021至2025年数字强省建设规划')).toEqual({ start: 2021, end: 2025 });
    expect(periodOf('山东省“十四五”数字强省建设规划')).toEqual({ start: 2021, end: 2025 });
    expect(periodOf('山东省数据条例')).toBeNull();
  });

  it('reads dates in Arabic and Chinese numerals and refuses a date that does not exist', () => {
    expect(dateOf('2020年11月2日')).toBe('2020-11-02');
    expect(dateOf('二〇二〇年十一月二日')).toBe('2020-11-02');
    expect(dateOf('二○二一年十二月三十一日')).toBe('2021-12-31');
    expect(dateOf('2021年2月29日')).toBeNull();
  });
});

describe('the metadata file', () => {
  it('corrects a fact the text gets wrong, and says so in sources', async () => {
    const seeds = seedsDir({
      'agri.txt': NOTICE,
      'agri.meta.json': JSON.stringify({ issued: '2021-03-16', issuer: '山东省人民政府' }),
    });
    const outDir = join(tempDir(), 'index');
    const result = await ingest({ seedsDir: seeds, outDir });
    expect(result.issues).toEqual([]);
    const [document] = (await readIndex(outDir)).documents;
    expect(document!.facts).toMatchObject({
      issued: '2021-03-16',
      issuer: '山东省人民政府',
      number: '鲁政办发〔2021〕7号',
    });
    expect(document!.facts.sources).toEqual({
      title: 'text',
      period: 'text',
      number: 'text',
      issuer: 'metadata',
      issued: 'metadata',
    });
  });

  it('reports a malformed file as an error naming it and the field, and still ingests its seed from the text', async () => {
    const cases: [string, RegExp][] = [
      ['{ "issued": "2021-03-16", }', /not JSON/],
      [JSON.stringify({ issued: '2021-02-30' }), /field "issued" must be a real date written YYYY-MM-DD/],
      [JSON.stringify({ period: { start: 2025, end: 2021 } }), /field "period\.start" must not be after the end year/],
      [JSON.stringify({ issuer: '山东省人民政府', signed: '2021-03-16' }), /unknown field "signed"/],
    ];
    for (const [json, problem] of cases) {
      const seeds = seedsDir({ 'agri.txt': NOTICE, 'agri.meta.json': json });
      const result = await ingest({ seedsDir: seeds, outDir: join(tempDir(), 'index') });
      expect(result.issues).toEqual([
        expect.objectContaining({
          level: 'error',
          code: ErrorCode.SEED_METADATA_INVALID,
          file: join(seeds, 'agri.meta.json'),
        }),
      ]);
      expect(result.issues[0]!.message).toMatch(problem);
      expect(result.issues[0]!.message).toContain(join(seeds, 'agri.meta.json'));
      expect(result.manifest.counts).toMatchObject({ documents: 1, clauses: 2 });
    }
    const seeds = seedsDir({
      'agri.txt': NOTICE,
      'agri.meta.json': JSON.stringify({ issued: '2021-02-30', issuer: '山东省人民政府' }),
    });
    const outDir = join(tempDir(), 'index');
    await ingest({ seedsDir: seeds, outDir });
    const [document] = (await readIndex(outDir)).documents;
    expect(document!.facts).toMatchObject({ issuer: '山东省人民政府办公厅', issued: '2021-03-15' });
    expect(document!.facts.sources).toMatchObject({ issuer: 'text', issued: 'text' });
  });

  it('warns about a metadata file with no seed beside it', async () => {
    const seeds = seedsDir({ 'agri.txt': NOTICE, 'argi.meta.json': JSON.stringify({ issued: '2021-03-16' }) });
    const result = await ingest({ seedsDir: seeds, outDir: join(tempDir(), 'index') });
    expect(result.issues).toEqual([
      expect.objectContaining({
        level: 'warning',
        code: ErrorCode.SEED_METADATA_ORPHAN,
        file: join(seeds, 'argi.meta.json'),
      }),
    ]);
    expect(result.issues[0]!.message).toMatch(/no seed argi\.\*/);
    expect(result.manifest.counts.documents).toBe(1);
  });

  it('rebuilds the index when it is added or edited, and not while it is unchanged', async () => {
    const seeds = join(tempDir(), 'seeds');
    mkdirSync(seeds);
    copyFileSync(POLICY_FILE, join(seeds, 'policy.txt'));
    const outDir = join(tempDir(), 'index');
    const issuedIn = async () => (await readIndex(outDir)).documents[0]!.facts.issued;

    expect((await ingest({ seedsDir: seeds, outDir })).status).toBe('built');
    expect(await issuedIn()).toBeNull();

    writeFileSync(join(seeds, 'policy.meta.json'), JSON.stringify({ issued: '2020-11-02' }));
    expect((await ingest({ seedsDir: seeds, outDir })).status).toBe('built');
    expect(await issuedIn()).toBe('2020-11-02');
    expect((await ingest({ seedsDir: seeds, outDir })).status).toBe('up-to-date');

    writeFileSync(join(seeds, 'policy.meta.json'), JSON.stringify({ issued: '2020-11-03' }));
    expect((await ingest({ seedsDir: seeds, outDir })).status).toBe('built');
    expect(await issuedIn()).toBe('2020-11-03');
    expect((await ingest({ seedsDir: seeds, outDir })).status).toBe('up-to-date');
  });
});
