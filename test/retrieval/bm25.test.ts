import { describe, expect, it } from 'vitest';
import { Bm25 } from '../../src/retrieval/bm25.js';

// Three passages, as ingest stores them: space-separated terms.
const bm25 = Bm25.build(['加氢站 充电桩 充电桩', '5g 基站 基站 基站', '加氢站', '']);

describe('Bm25', () => {
  it('knows how many passages hold a term, and weighs rare terms more', () => {
    expect(bm25.size).toBe(4);
    expect([bm25.df('加氢站'), bm25.df('基站'), bm25.df('量子')]).toEqual([2, 1, 0]);
    expect(bm25.idf('基站')).toBeGreaterThan(bm25.idf('加氢站'));
    expect(bm25.passagesWith('加氢站')).toEqual([0, 2]);
  });

  it('ranks the passages that hold the query terms, best first, and leaves out the rest', () => {
    const hits = bm25.search(
      new Map([
        ['充电桩', 1],
        ['加氢站', 1],
      ]),
      10,
    );
    expect(hits.map((h) => h.passage)).toEqual([0, 2]);
    expect(hits[0]!.score).toBeGreaterThan(hits[1]!.score);
    expect(bm25.search(new Map([['量子', 1]]), 10)).toEqual([]);
  });

  it('keeps only the best `limit` hits, ties broken by passage order', () => {
    const tied = Bm25.build(['甲', '甲', '甲', '乙']);
    expect(tied.search(new Map([['甲', 1]]), 2).map((h) => h.passage)).toEqual([0, 1]);
  });

  it('scales a term by its query weight', () => {
    const light = bm25.search(new Map([['基站', 0.5]]), 1)[0]!.score;
    const heavy = bm25.search(new Map([['基站', 1]]), 1)[0]!.score;
    expect(heavy).toBeCloseTo(2 * light);
  });
});
