import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ingestDocument, type IngestedDocument } from '../../ingest/document.js';
import { POLICY_FILE } from '../helpers/index.js';

/**
 * The characters that carry text: whitespace, the punctuation that separates a marker, heading, body and
 * 责任单位 list, and the 责任单位 label itself are layout, re-created by the fields' own structure.
 */
const content = (s: string) => s.replace(/责任单位|牵头单位/g, '').replace(/[\s。：（）、，；]/g, '');

/** Every field a document's text can end up in, in source order. */
function accounted(doc: IngestedDocument): string {
  const { meta, clauses } = doc;
  const outline = new Set(meta.outline.map((n) => n.section));
  const pieces = [
    ...meta.outline.map((n) => ({ line: n.line, text: `${n.marker}${n.heading}` })),
    ...clauses.map((c) => ({
      line: c.lines[0],
      // A part with sub-parts and text of its own shares its marker and heading with the outline.
      text: `${outline.has(c.section) ? '' : `${c.marker}${c.heading}`}${c.text}${c.units.join('')}`,
    })),
  ].sort((a, b) => a.line - b.line);
  return content(
    [...meta.header.map((h) => h.text), meta.preamble, ...pieces.map((p) => p.text), ...meta.footer].join(''),
  );
}

/** The source as repair is allowed to change it: full-width forms folded, logged replacements applied. */
function expected(source: string, doc: IngestedDocument): string {
  let text = source.replace(/[０-９Ａ-Ｚａ-ｚ％．]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
  for (const r of doc.meta.repairs.filter((r) => r.kind === 'stray-latin'))
    text = text.replace(r.before.replace(/\s+/g, ' '), r.after);
  return content(text);
}

describe('ingest loses no text', () => {
  it('accounts for every character of the real policy exactly once', () => {
    const source = readFileSync(POLICY_FILE, 'utf8');
    const { document } = ingestDocument(POLICY_FILE, Buffer.from(source));
    expect(accounted(document!)).toBe(expected(source.replace(/ +/g, ' '), document!));
  });

  const fragment = fc.constantFrom(
    '加快建设5G基站',
    '到2022年建成充电桩10万个',
    '支持济南、青岛打造数据中心',
    '培育30个工业互联网产业园区',
    '完善山东省物联网平台',
    '对高端人才发放山东惠才卡',
    '推进重点行业和重点企业数据灾备',
    '上架率高于65%',
  );
  const sentence = fc.array(fragment, { minLength: 1, maxLength: 3 }).map((f) => `${f.join('，')}。`);
  const leaf = fc.record({
    heading: fc.constantFrom('加快5G商用', '优化布局数据中心', '智慧农业', '智慧交通'),
    body: fc.array(sentence, { minLength: 1, maxLength: 3 }),
    units: fc.subarray(['省能源局', '省发展改革委', '省公安厅', '各市政府'], { minLength: 0 }),
    // Where a page break cuts the body in two, and whether the 责任单位 line stands apart.
    cut: fc.option(fc.nat()),
    unitsApart: fc.boolean(),
  });
  const part = fc.record({
    heading: fc.constantFrom('信息基础设施建设行动', '融合基础设施升级行动'),
    leaves: fc.array(leaf, { minLength: 1, maxLength: 3 }),
  });
  const CN = ['一', '二', '三', '四'];
  // The lines a seed may carry around its title: none, the notice that issues it, or 文号, issuer and date below it.
  const front = fc.constantFrom(
    { before: [], after: [] },
    {
      before: [
        '山东省人民政府',
        '关于印发山东省测试行动方案的通知',
        '鲁政字〔2020〕228号',
        '各市人民政府，各县（市、区）人民政府，省政府各部门：',
        '现将《山东省测试行动方案》印发给你们，请认真组织实施。',
        '山东省人民政府',
        '二〇二〇年十一月二日',
        '（此件公开发布）',
      ],
      after: [],
    },
    { before: ['山东省人民政府办公厅关于印发山东省测试行动方案的通知'], after: [] },
    { before: [], after: ['鲁政办发[2021]5号', '山东省人民政府办公厅', '2021年3月5日'] },
  );

  it('accounts for every character of generated policies, notices, page breaks and split 责任单位 included', () => {
    fc.assert(
      fc.property(fc.array(part, { minLength: 1, maxLength: 4 }), front, (parts, { before, after }) => {
        const lines = [...before, '山东省测试行动方案', ...after, '为加快发展，制定本方案。'].flatMap((line) => [
          line,
          '',
        ]);
        parts.forEach((p, i) => {
          lines.push(`${CN[i]}、${p.heading}`, '');
          p.leaves.forEach((l, j) => {
            let body = l.body.join('');
            if (l.cut !== null) {
              const at = 1 + (l.cut % (body.length - 1));
              if (!/[。，、]/.test(body[at - 1]!)) body = `${body.slice(0, at)}\n\n${body.slice(at)}`;
            }
            const units = l.units.length > 0 ? `（责任单位：${l.units.join('、')}）` : '';
            lines.push(`${j + 1}.${l.heading}。${body}${units && !l.unitsApart ? units : ''}`, '');
            if (units && l.unitsApart) lines.push(units, '');
          });
        });
        lines.push('抄送：省委各部门。');
        const source = lines.join('\n');
        const { document, issues } = ingestDocument('gen.txt', Buffer.from(source));
        expect(issues).toEqual([]);
        expect(document!.meta.title).toBe('山东省测试行动方案');
        expect(document!.clauses).toHaveLength(parts.reduce((n, p) => n + p.leaves.length, 0));
        expect(accounted(document!)).toBe(expected(source, document!));
      }),
      { numRuns: 200 },
    );
  });
});
