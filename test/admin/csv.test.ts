import { describe, expect, it } from 'vitest';
import { BOM, csvChunks, csvField, csvRecord } from '../../src/admin/csv.js';
import { parseCsv } from './helpers/csv.js';

describe('csvField', () => {
  it('leaves plain text and numbers as they are', () => {
    expect(csvField('加氢站目标是多少')).toBe('加氢站目标是多少');
    expect(csvField(42)).toBe('42');
    expect(csvField(-3)).toBe('-3');
  });

  it('quotes a field with a comma, a quote or a line break, doubling the quotes (RFC 4180)', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('他说"好"')).toBe('"他说""好"""');
    expect(csvField('第一行\n第二行')).toBe('"第一行\n第二行"');
    expect(csvField('a\r\nb')).toBe('"a\r\nb"');
  });

  it('keeps a spreadsheet from running user text as a formula', () => {
    expect(csvField('=HYPERLINK("http://x","点我")')).toBe(`"'=HYPERLINK(""http://x"",""点我"")"`);
    expect(csvField('+1')).toBe("'+1");
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
  });
});

describe('csvChunks', () => {
  it('starts with a BOM and the header, ends every record with CRLF, and reads back to the same cells', () => {
    const rows = [
      ['问题', 1],
      ['带,逗号', 2],
      ['带"引号"', 3],
      ['两\n行', 4],
    ];
    const text = [...csvChunks(['文本', '次数'], rows)].join('');
    expect(text.startsWith(`${BOM}文本,次数\r\n`)).toBe(true);
    expect(parseCsv(text.slice(1))).toEqual([['文本', '次数'], ...rows.map((r) => r.map(String))]);
  });

  it('sends a long export in several chunks', () => {
    const rows = Array.from({ length: 5000 }, (_, i) => [`第${i}个问题，内容较长`, i]);
    const chunks = [...csvChunks(['问题', '编号'], rows)];
    expect(chunks.length).toBeGreaterThan(2);
    expect(chunks.join('')).toBe(BOM + csvRecord(['问题', '编号']) + rows.map((r) => csvRecord(r)).join(''));
  });
});
