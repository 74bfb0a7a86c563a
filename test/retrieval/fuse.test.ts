import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { reciprocalRankFusion } from '../../src/retrieval/fuse.js';

describe('reciprocalRankFusion', () => {
  it('adds nothing for empty lists, and nothing at all for none', () => {
    expect(reciprocalRankFusion([])).toEqual(new Map());
    expect(reciprocalRankFusion([{ name: 'a', keys: [], weight: 1 }])).toEqual(new Map());
    expect([
      ...reciprocalRankFusion([
        { name: 'a', keys: [], weight: 1 },
        { name: 'b', keys: [7], weight: 1 },
      ]),
    ]).toEqual([[7, 1 / 61]]);
  });

  it('ranks by rank, not score: a key first in two lists beats one first in one', () => {
    const fused = reciprocalRankFusion([
      { name: 'a', keys: [1, 2], weight: 1 },
      { name: 'b', keys: [1, 3], weight: 1 },
    ]);
    expect(fused.get(1)).toBeGreaterThan(fused.get(2)!);
    // Tied ranks in lists of equal weight tie.
    expect(fused.get(2)).toBe(fused.get(3));
  });

  it('weighs each list by its weight', () => {
    const fused = reciprocalRankFusion([
      { name: 'a', keys: [1], weight: 2 },
      { name: 'b', keys: [2], weight: 1 },
    ]);
    expect(fused.get(1)).toBe(2 * fused.get(2)!);
  });

  it('returns exactly the union of its inputs, each with a positive score', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.nat(50), { maxLength: 20 }), { maxLength: 6 }), (lists) => {
        const fused = reciprocalRankFusion(lists.map((keys, i) => ({ name: String(i), keys, weight: 1 })));
        expect(new Set(fused.keys())).toEqual(new Set(lists.flat()));
        for (const score of fused.values()) expect(score).toBeGreaterThan(0);
      }),
      { numRuns: 200 },
    );
  });
});
