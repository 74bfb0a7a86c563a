import fc from 'fast-check';
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

  it('scores as the textbook formula does, whatever terms share a posting list and however often it is asked', () => {
    // Terms from a small vocabulary, some always together ("a" with "#a"), so posting lists are shared.
    const passage = fc
      .array(fc.constantFrom('a', 'b', 'c', 'd'), { maxLength: 8 })
      .map((ts) => ts.flatMap((t) => (t === 'a' ? ['a', '#a'] : [t])).join(' '));
    const query = fc.uniqueArray(
      fc.tuple(fc.constantFrom('a', '#a', 'b', 'c', 'e'), fc.double({ min: 0.1, max: 2, noNaN: true })),
      {
        selector: ([t]) => t,
        maxLength: 4,
      },
    );
    fc.assert(
      fc.property(fc.array(passage, { minLength: 1, maxLength: 12 }), query, (passages, terms) => {
        const index = Bm25.build(passages);
        const weights = new Map(terms);
        const expected = naiveScores(passages, weights);
        for (let round = 0; round < 2; round++) {
          const hits = index.search(weights, passages.length);
          expect(hits.map((h) => h.passage).sort((a, b) => a - b)).toEqual([...expected.keys()].sort((a, b) => a - b));
          for (const hit of hits) expect(hit.score).toBeCloseTo(expected.get(hit.passage)!, 9);
        }
      }),
    );
  });

  it('keeps the same best hits, in the same order, whatever the limit', () => {
    // Few distinct passages among many, so scores tie often and the selection must break ties as the sort does.
    const passage = fc.constantFrom('a', 'a b', 'b', 'a a c', 'c', 'd', 'b c d', 'a d d');
    const query = fc.uniqueArray(fc.tuple(fc.constantFrom('a', 'b', 'c', 'd'), fc.constantFrom(0.5, 1, 1.5)), {
      selector: ([t]) => t,
      minLength: 1,
      maxLength: 4,
    });
    fc.assert(
      fc.property(fc.array(passage, { minLength: 1, maxLength: 60 }), query, fc.nat(70), (passages, terms, limit) => {
        const index = Bm25.build(passages);
        const weights = new Map(terms);
        const all = index.search(weights, passages.length);
        expect(index.search(weights, limit)).toEqual(all.slice(0, limit));
      }),
    );
  });
});

/** BM25 written out per passage and term, k1 = 1.2, b = 0.75: what the index must agree with. */
function naiveScores(passages: readonly string[], weights: ReadonlyMap<string, number>): Map<number, number> {
  const docs = passages.map((p) => (p.length > 0 ? p.split(' ') : []));
  const average = docs.reduce((n, d) => n + d.length, 0) / docs.length;
  const scores = new Map<number, number>();
  for (const [term, weight] of weights) {
    const df = docs.filter((d) => d.includes(term)).length;
    if (df === 0) continue;
    const idf = Math.log(1 + (docs.length - df + 0.5) / (df + 0.5));
    docs.forEach((d, i) => {
      const tf = d.filter((t) => t === term).length;
      if (tf === 0) return;
      const score = (weight * idf * tf * 2.2) / (tf + 1.2 * (1 - 0.75 + (0.75 * d.length) / average));
      scores.set(i, (scores.get(i) ?? 0) + score);
    });
  }
  return scores;
}
