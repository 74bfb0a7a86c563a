import { describe, expect, it } from 'vitest';
import { normalizeQuestion } from '../../src/question/normalize.js';

describe('normalizeQuestion', () => {
  it('simplifies traditional characters and folds full-width letters and digits, keeping Chinese punctuation', () => {
    expect(normalizeQuestion('５Ｇ基站目標是多少？')).toBe('5g基站目标是多少？');
  });

  it('drops spaces between Chinese characters, keeps them between Latin words, and squeezes repeated punctuation', () => {
    expect(normalizeQuestion('责任 单位　是？？？')).toBe('责任单位是？');
    expect(normalizeQuestion('What  is the 5G 基站 target')).toBe('what is the 5g基站target');
  });

  it('reads a dash between Latin words as a hyphen, and drops control characters', () => {
    expect(normalizeQuestion('Longdong–Taian West')).toBe('longdong-taian west');
    expect(normalizeQuestion('加氢站\u200b目标\u0007')).toBe('加氢站目标');
  });
});
