import { availableParallelism } from 'node:os';
import type { Worker } from 'node:worker_threads';
import { CorpusTerms } from '../src/core/terms.js';
import { addWords } from '../src/core/tokenizer.js';
import { BatchSegmenter, type SegmentedBatch } from './segment.js';
import type { SegmentReply, SegmentRequest } from './segment-worker.js';
import { startWorker } from './worker.js';

const BATCH = 500;
/** A worker loads its own dictionaries (about 1.3 s): below this much seed text, cutting on this thread is sooner. */
const WORKER_MIN_BYTES = 2 * 1024 * 1024;
const MAX_WORKERS = 4;

/** Every passage's search terms, as text (for passages.json) and as numbers of the corpus's terms (to embed). */
export interface SegmentedPassages {
  terms: string[];
  numbers: Int32Array[];
  corpus: CorpusTerms;
}

/** Cuts an ingest's passages into search terms, once, after it learned the corpus's own words. */
export interface Segmenter {
  segment(texts: readonly string[], words: readonly string[]): Promise<SegmentedPassages>;
  stop(): Promise<void>;
}

/**
 * A large corpus is cut by a worker per core, which start now so their dictionaries load while the seeds are
 * parsed; a small one is cut on this thread.
 */
export function startSegmenter(
  seedBytes: number,
  workers = seedBytes < WORKER_MIN_BYTES ? 0 : Math.min(MAX_WORKERS, availableParallelism()),
): Segmenter {
  return workers === 0 ? inlineSegmenter() : pooledSegmenter(workers);
}

function inlineSegmenter(): Segmenter {
  return {
    async segment(texts, words) {
      addWords(words);
      const segmenter = new BatchSegmenter();
      const assembly = new Assembly();
      for (const batch of batches(texts)) assembly.add(0, segmenter.segment(batch));
      return assembly.passages;
    },
    async stop() {},
  };
}

function pooledSegmenter(size: number): Segmenter {
  const workers = Array.from({ length: size }, () => startWorker('segment-worker'));
  return {
    segment: (texts, words) => segmentOn(workers, [...batches(texts)], [...words]),
    async stop() {
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}

/**
 * Hands out batches as workers free up, two in hand each so none waits, and assembles the results in batch order:
 * the corpus numbers its terms in the order the passages meet them, whichever worker cut them.
 */
function segmentOn(workers: Worker[], work: string[][], words: string[]): Promise<SegmentedPassages> {
  const assembly = new Assembly();
  const done: ({ source: number; batch: SegmentedBatch } | undefined)[] = [];
  let sent = 0;
  let assembled = 0;
  return new Promise((resolve, reject) => {
    const send = (worker: Worker, request: SegmentRequest) => worker.postMessage(request);
    const dispatch = (source: number) => {
      if (sent < work.length) send(workers[source]!, { type: 'segment', batch: sent, texts: work[sent++]! });
    };
    const finish = () => {
      for (const worker of workers) worker.removeAllListeners('message').removeAllListeners('error');
      resolve(assembly.passages);
    };
    workers.forEach((worker, source) => {
      worker.on('error', (error) => reject(new Error(`segmentation failed: ${error.message}`)));
      worker.on('message', (reply: SegmentReply) => {
        if (reply.type === 'failed') return reject(new Error(`segmentation failed: ${reply.message}`));
        done[reply.batch] = { source, batch: reply };
        for (let next = done[assembled]; next; next = done[assembled]) {
          assembly.add(next.source, next.batch);
          done[assembled++] = undefined;
        }
        if (assembled === work.length) finish();
        else dispatch(source);
      });
      send(worker, { type: 'words', words });
      dispatch(source);
      dispatch(source);
    });
    if (work.length === 0) finish();
  });
}

function* batches(texts: readonly string[]): Generator<string[]> {
  for (let start = 0; start < texts.length; start += BATCH) yield texts.slice(start, start + BATCH);
}

/** Turns each segmenter's own term numbers into the corpus's, counting every passage into its frequencies. */
class Assembly {
  readonly passages: SegmentedPassages = { terms: [], numbers: [], corpus: new CorpusTerms() };
  /** For each segmenter, the corpus number of each of its own. */
  private readonly corpusNumbers: number[][] = [];

  add(source: number, batch: SegmentedBatch): void {
    const { corpus, terms, numbers } = this.passages;
    const own = this.corpusNumbers[source] ?? [];
    this.corpusNumbers[source] = own;
    for (const term of batch.newTerms) own.push(corpus.number(term));
    const mapped = batch.numbers.map((n) => own[n]!);
    let start = 0;
    batch.ends.forEach((end, i) => {
      const passage = mapped.subarray(start, end);
      corpus.count(passage);
      numbers.push(passage);
      terms.push(batch.terms[i]!);
      start = end;
    });
  }
}
