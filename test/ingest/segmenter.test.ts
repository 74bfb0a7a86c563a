import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ingestDocument } from '../../ingest/document.js';
import { startSegmenter, type SegmentedPassages } from '../../ingest/segmenter.js';
import { learnedWords } from '../../src/core/tokenizer.js';
import { POLICY_FILE } from '../helpers/index.js';

const { document } = ingestDocument(POLICY_FILE, readFileSync(POLICY_FILE));
const clauses = document!.clauses;
// Every clause many times over, each copy with words of its own, so later batches still meet new terms.
const texts = Array.from({ length: 60 }, (_, copy) =>
  clauses.map((c) => `第${copy}号文件${c.heading}\n${c.text}`),
).flat();

async function segmentWith(workers: number): Promise<SegmentedPassages> {
  const segmenter = startSegmenter(0, workers);
  try {
    return await segmenter.segment(texts, learnedWords(clauses));
  } finally {
    await segmenter.stop();
  }
}

describe('segmenter', () => {
  it('gives on two workers exactly what one thread gives: the same terms, numbers and frequencies', async () => {
    const [inline, pooled] = await Promise.all([segmentWith(0), segmentWith(2)]);
    expect(texts.length).toBeGreaterThan(1000);
    expect(pooled.terms).toEqual(inline.terms);
    expect(pooled.corpus.terms).toEqual(inline.corpus.terms);
    expect(pooled.corpus.df).toEqual(inline.corpus.df);
    expect(pooled.corpus.passages).toBe(texts.length);
    expect(pooled.numbers.map((n) => [...n])).toEqual(inline.numbers.map((n) => [...n]));
  });

  it('numbers passages by the corpus terms they were cut into, with the corpus words learned on every worker', async () => {
    const { terms, numbers, corpus } = await segmentWith(2);
    const last = texts.length - 1;
    expect(numbers[last]!.length).toBe(terms[last]!.split(' ').length);
    expect([...numbers[last]!].map((n) => corpus.terms[n])).toEqual(terms[last]!.split(' '));
    // A heading is one term only once learned; found in all 60 copies, so whichever worker cut them had learned it.
    const copies = corpus.terms.indexOf(clauses[0]!.heading.toLowerCase());
    expect(copies).toBeGreaterThanOrEqual(0);
    expect(corpus.df[copies]).toBe(60);
  });
});
