import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ingestDocument } from '../../ingest/document.js';
import { startSegmenter, type SegmentedPassages } from '../../ingest/segmenter.js';
import { passageVector } from '../../src/core/embed.js';
import { addWords, learnedWords, searchTerms } from '../../src/core/tokenizer.js';
import { POLICY_FILE } from '../helpers/index.js';

const { document } = ingestDocument(POLICY_FILE, readFileSync(POLICY_FILE));
const clauses = document!.clauses;
// Every clause many times over, each copy with words of its own, so later batches still meet new terms.
const texts = Array.from({ length: 60 }, (_, copy) =>
  clauses.map((c) => `第${copy}号文件${c.heading}\n${c.text}`),
).flat();

const DIMENSIONS = 64;

/** What the segmenter gives, with the vectors it handed on, each at its passage's place. */
async function segmentWith(workers: number): Promise<SegmentedPassages & { vectors: Float32Array }> {
  const segmenter = startSegmenter(0, workers);
  const vectors = new Float32Array(texts.length * DIMENSIONS).fill(Number.NaN);
  try {
    const segmented = await segmenter.segment(texts, {
      words: learnedWords(clauses),
      vectorDimensions: DIMENSIONS,
      onVectors: (start, batch) => vectors.set(batch, start * DIMENSIONS),
    });
    return { ...segmented, vectors };
  } finally {
    await segmenter.stop();
  }
}

describe('segmenter', () => {
  it('gives on two workers exactly what one thread gives: the same terms, numbers, frequencies and vectors', async () => {
    const [inline, pooled] = await Promise.all([segmentWith(0), segmentWith(2)]);
    expect(texts.length).toBeGreaterThan(1000);
    expect(pooled.corpus.terms).toEqual(inline.corpus.terms);
    expect(pooled.corpus.df).toEqual(inline.corpus.df);
    expect(pooled.corpus.passages).toBe(texts.length);
    expect(pooled.numbers.map((n) => [...n])).toEqual(inline.numbers.map((n) => [...n]));
    expect(pooled.vectors.some(Number.isNaN)).toBe(false);
    expect(pooled.vectors).toEqual(inline.vectors);
  });

  it('numbers passages by the corpus terms they were cut into, with the corpus words learned on every worker', async () => {
    const { numbers, corpus, vectors } = await segmentWith(2);
    const last = texts.length - 1;
    addWords(learnedWords(clauses));
    const terms = searchTerms(texts[last]!);
    expect([...numbers[last]!].map((n) => corpus.terms[n])).toEqual(terms);
    // A heading is one term only once learned; found in all 60 copies, so whichever worker cut them had learned it.
    const copies = corpus.terms.indexOf(clauses[0]!.heading.toLowerCase());
    expect(copies).toBeGreaterThanOrEqual(0);
    expect(corpus.df[copies]).toBe(60);
    expect(vectors.subarray(last * DIMENSIONS, (last + 1) * DIMENSIONS)).toEqual(passageVector(terms, DIMENSIONS));
  });
});
