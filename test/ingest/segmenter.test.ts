import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ingestDocument } from '../../ingest/document.js';
import { startSegmenter } from '../../ingest/segmenter.js';
import { passageVector } from '../../src/core/embed.js';
import type { CorpusTerms } from '../../src/core/terms.js';
import { learnedWords, Tokenizer } from '../../src/core/tokenizer.js';
import { POLICY_FILE } from '../helpers/index.js';

const { document } = ingestDocument(POLICY_FILE, readFileSync(POLICY_FILE));
const clauses = document!.clauses;
// Every clause many times over, each copy with words of its own, so later batches still meet new terms.
const texts = Array.from({ length: 60 }, (_, copy) =>
  clauses.map((c) => `第${copy}号文件${c.heading}\n${c.text}`),
).flat();
const DIMENSIONS = 64;

/** What the segmenter counts, with the vectors it handed on, each at its passage's place. */
async function segmentWith(workers: number): Promise<{ corpus: CorpusTerms; vectors: Float32Array }> {
  const segmenter = startSegmenter(0, workers);
  const vectors = new Float32Array(texts.length * DIMENSIONS).fill(Number.NaN);
  try {
    const corpus = await segmenter.segment(texts, {
      words: learnedWords(clauses),
      vectorDimensions: DIMENSIONS,
      onVectors: (start, batch) => vectors.set(batch, start * DIMENSIONS),
    });
    return { corpus, vectors };
  } finally {
    await segmenter.stop();
  }
}

describe('segmenter', () => {
  it('gives on two workers exactly what one thread gives: the same terms, frequencies, postings and vectors', async () => {
    const [inline, pooled] = await Promise.all([segmentWith(0), segmentWith(2)]);
    expect(texts.length).toBeGreaterThan(1000);
    expect(pooled.corpus.terms).toEqual(inline.corpus.terms);
    expect(pooled.corpus.df).toEqual(inline.corpus.df);
    expect(pooled.corpus.passages).toBe(texts.length);
    expect(pooled.corpus.postings()).toEqual(inline.corpus.postings());
    expect(pooled.vectors.some(Number.isNaN)).toBe(false);
    expect(pooled.vectors).toEqual(inline.vectors);
  });

  it('counts each passage by the terms it was cut into, with the corpus words learned on every worker', async () => {
    const { corpus, vectors } = await segmentWith(2);
    const last = texts.length - 1;
    const terms = new Tokenizer(learnedWords(clauses)).searchTerms(texts[last]!);
    // The last passage's posting of each term: how often the term occurs in it.
    const { starts, ends, pairs, lengths } = corpus.postings();
    const counted = new Map<string, number>();
    corpus.terms.forEach((term, n) => {
      for (let i = starts[n]!; i < ends[n]!; i += 2) if (pairs[i] === last) counted.set(term, pairs[i + 1]!);
    });
    const expected = new Map<string, number>();
    for (const term of terms) expected.set(term, (expected.get(term) ?? 0) + 1);
    expect(counted).toEqual(expected);
    expect(lengths[last]).toBe(terms.length);
    // A heading is one term only once learned; found in all 60 copies, so whichever worker cut them had learned it.
    const heading = corpus.terms.indexOf(clauses[0]!.heading.toLowerCase());
    expect(heading).toBeGreaterThanOrEqual(0);
    expect(corpus.df[heading]).toBe(60);
    expect(vectors.subarray(last * DIMENSIONS, (last + 1) * DIMENSIONS)).toEqual(passageVector(terms, DIMENSIONS));
  });
});
