import { parentPort } from 'node:worker_threads';
import { addWords } from '../src/core/tokenizer.js';
import { BatchSegmenter, type SegmentedBatch } from './segment.js';

/** Messages from `segmenter.ts`: learn the corpus's words, then cut batches of passages. */
export type SegmentRequest = { type: 'words'; words: string[] } | { type: 'segment'; batch: number; texts: string[] };
export type SegmentReply =
  | ({ type: 'segmented'; batch: number } & SegmentedBatch)
  | { type: 'failed'; message: string };

// The dictionaries load as the worker starts, while the ingest is still parsing the seeds.
addWords([]);
const segmenter = new BatchSegmenter();

parentPort!.on('message', (request: SegmentRequest) => {
  try {
    if (request.type === 'words') {
      addWords(request.words);
      return;
    }
    const result = segmenter.segment(request.texts);
    const reply: SegmentReply = { type: 'segmented', batch: request.batch, ...result };
    parentPort!.postMessage(reply, [result.numbers.buffer, result.ends.buffer]);
  } catch (error) {
    parentPort!.postMessage({ type: 'failed', message: (error as Error).message } satisfies SegmentReply);
  }
});
