import { parentPort } from 'node:worker_threads';
import { preloadDictionary, Tokenizer } from '../src/core/tokenizer.js';
import { BatchSegmenter, type SegmentedBatch } from './segment.js';

/** Messages from `segmenter.ts`: learn the corpus's words (and whether to embed), then cut batches of passages. */
export type SegmentRequest =
  | { type: 'start'; words: string[]; vectorDimensions: number | null }
  | { type: 'segment'; batch: number; texts: string[] };
export type SegmentReply =
  | ({ type: 'segmented'; batch: number } & SegmentedBatch)
  | { type: 'failed'; message: string };

// The dictionaries load as the worker starts, while the ingest is still parsing the seeds.
preloadDictionary();
let segmenter: BatchSegmenter | null = null;

parentPort!.on('message', (request: SegmentRequest) => {
  try {
    if (request.type === 'start') {
      segmenter = new BatchSegmenter(new Tokenizer(request.words), request.vectorDimensions);
      return;
    }
    const result = segmenter!.segment(request.texts);
    const reply: SegmentReply = { type: 'segmented', batch: request.batch, ...result };
    const buffers = [result.numbers.buffer, result.ends.buffer, ...(result.vectors ? [result.vectors.buffer] : [])];
    parentPort!.postMessage(reply, buffers);
  } catch (error) {
    parentPort!.postMessage({ type: 'failed', message: (error as Error).message } satisfies SegmentReply);
  }
});
