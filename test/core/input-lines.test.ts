import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { parseJsonLine, readInputLines } from '../../src/core/input-lines.js';
import { tempDir } from '../helpers/temp.js';

const Line = z.object({ question: z.string().min(1) });

function file(text: string): string {
  const path = join(tempDir('lines-'), 'set.jsonl');
  writeFileSync(path, text);
  return path;
}

describe('JSON-lines input', () => {
  it('numbers the non-blank lines as they stand in the file', () => {
    const path = file('{"question":"a"}\n\n  \n{"question":"b"}\n');
    expect(readInputLines(path, 'batch').map((l) => [l.n, parseJsonLine(Line, 'batch', path, l).question])).toEqual([
      [1, 'a'],
      [4, 'b'],
    ]);
  });

  it('names the file, the line and the field at fault', () => {
    const path = file('{"question":"a"}\n{"question":""}\n{oops\n');
    const [good, empty, broken] = readInputLines(path, 'batch');
    expect(parseJsonLine(Line, 'batch', path, good!)).toEqual({ question: 'a' });
    expect(() => parseJsonLine(Line, 'batch', path, empty!)).toThrow(/line 2.*question/s);
    expect(() => parseJsonLine(Line, 'batch', path, broken!)).toThrow(/line 3.*not JSON/s);
  });

  it('says which file cannot be read and why', () => {
    expect(() => readInputLines('/nonexistent/set.jsonl', 'batch')).toThrow(/set\.jsonl.*ENOENT/);
  });
});
