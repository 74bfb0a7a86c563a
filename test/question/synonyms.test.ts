import { describe, expect, it } from 'vitest';
import { applySynonyms, loadSynonyms } from '../../src/question/synonyms.js';

const synonyms = loadSynonyms();

describe('applySynonyms', () => {
  it('rewrites users’ phrasings into the policy’s words, longest first', () => {
    expect(applySynonyms('电动汽车充电设施要建多少', synonyms)).toBe('充电桩要建多少');
    expect(applySynonyms('发改委负责哪些', synonyms)).toBe('发展改革委负责哪些');
  });

  it('replaces a Latin phrase only as a whole word, never inside a longer one', () => {
    expect(applySynonyms('ai产业规模', synonyms)).toBe('人工智能产业规模');
    expect(applySynonyms('what was said to maintain', synonyms)).toBe('what was said to maintain');
    expect(applySynonyms('idc机房', synonyms)).toBe('数据中心数据中心');
  });

  it('never rewrites a replacement it has already made', () => {
    // "充电设施" → 充电桩 must not then see "充电" rewritten again by a shorter key.
    expect(applySynonyms('新能源汽车充电', synonyms)).toBe('充电桩');
  });
});
