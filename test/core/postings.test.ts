import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readPostings, writePostings } from '../../src/core/postings-file.js';
import { CorpusTerms } from '../../src/core/terms.js';
import { Bm25 } from '../../src/retrieval/bm25.js';
import { tempDir } from '../helpers/index.js';

// Passages as term numbers of ['加氢站', '#加氢', '充电桩', '5g']: the first two always occur together.
const terms = ['加氢站', '#加氢', '充电桩', '5g'];
const passages = [[0, 1, 2, 2], [3], [0, 1], []];

function countPostings() {
  const corpus = new CorpusTerms();
  for (const term of terms) corpus.number(term);
  for (const passage of passages) corpus.count(passage);
  return corpus.postings();
}

describe('postings', () => {
  it('count each term once per passage with its frequency, and lay identical lists on one range', () => {
    const postings = countPostings();
    const list = (n: number) => [...postings.pairs.subarray(postings.starts[n], postings.ends[n])];
    expect(list(0)).toEqual([0, 1, 2, 1]);
    expect(list(2)).toEqual([0, 2]);
    expect(list(3)).toEqual([1, 1]);
    expect(postings.starts[1]).toBe(postings.starts[0]);
    expect([...postings.lengths]).toEqual([4, 1, 2, 0]);
    expect(postings.pairs).toHaveLength(8);
  });

  it("hold, for any passages, each term's passages in order with its counts, identical lists sharing a range", () => {
    // Few terms, some always together, so lists repeat and the packing moves lists down past shared ones.
    const passage = fc
      .array(fc.constantFrom('a', 'b', 'c', 'd', 'e'), { maxLength: 6 })
      .map((ts) => ts.flatMap((t) => (t === 'a' ? ['a', 'x'] : [t])));
    fc.assert(
      fc.property(fc.array(passage, { maxLength: 30 }), (texts) => {
        const corpus = new CorpusTerms();
        for (const text of texts) corpus.count(text.map((t) => corpus.number(t)));
        const { terms: numbered, starts, ends, pairs, lengths } = corpus.postings();
        const ranges = new Map<string, number>();
        numbered.forEach((term, n) => {
          const expected = texts.flatMap((text, p) => {
            const count = text.filter((t) => t === term).length;
            return count > 0 ? [p, count] : [];
          });
          const list = [...pairs.subarray(starts[n], ends[n])];
          expect(list).toEqual(expected);
          const key = list.join(',');
          expect(starts[n]).toBe(ranges.get(key) ?? starts[n]);
          ranges.set(key, starts[n]!);
          expect(corpus.df[n]).toBe(expected.length / 2);
        });
        expect([...lengths]).toEqual(texts.map((t) => t.length));
        // Nothing laid twice: the pairs hold each distinct list once.
        expect(pairs.length).toBe([...ranges.keys()].reduce((sum, key) => sum + (key ? key.split(',').length : 0), 0));
      }),
    );
  });

  it('are read back from bm25.bin exactly as written, and search as the index built from the text does', async () => {
    const file = join(tempDir(), 'bm25.bin');
    const written = countPostings();
    await writePostings(file, written);
    const read = await readPostings(file, passages.length);
    expect(read).toEqual(written);
    const lines = passages.map((p) => p.map((n) => terms[n]).join(' '));
    const query = new Map([
      ['加氢站', 1],
      ['充电桩', 0.5],
    ]);
    expect(Bm25.fromPostings(read).search(query, 10)).toEqual(Bm25.build(lines).search(query, 10));
  });

  it('are refused when the index has another number of passages', async () => {
    const file = join(tempDir(), 'bm25.bin');
    await writePostings(file, countPostings());
    await expect(readPostings(file, 5)).rejects.toMatchObject({ code: 'INDEX_COUNTS' });
  });
});
