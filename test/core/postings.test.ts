import { join } from 'node:path';
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
