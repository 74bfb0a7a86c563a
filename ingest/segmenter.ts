import { availableParallelism } from 'node:os';
import type { Worker } from 'node:worker_threads';
import { CorpusTerms } from '../src/core/terms.js';
import { Tokenizer } from '../src/core/tokenizer.js';
import { BatchSegmenter, type SegmentedBatch } from './segment.js';
import type { SegmentReply, SegmentRequest } from './segment-worker.js';
import { startWorker } from './worker.js';

const BATCH = 500;
/** A worker loads its own dictionaries (about 1.3 s): below this much seed text, cutting on this thread is sooner. */
const WORKER_MIN_BYTES = 2 * 1024 * 1024;
const MAX_WORKERS = 4;

export interface SegmentOptions {
  /** The corpus's own words, learned before cutting. */
  words: readonly string[];
  /** Embeds each passage with the lexical embedder, in these dimensions, as it is cut. */
  vectorDimensions: number | null;
  /** Each batch's vectors, in passage order, as soon as the batch is assembled: the graph grows meanwhile. */
  onVectors?: (start: number, vectors: Float32Array) => void;
}

/** Cuts an ingest's passages into search terms, once. */
export interface Segmenter {
  segment(texts: readonly string[], options: SegmentOptions): Promise<CorpusTerms>;
  stop(): Promise<void>;
}

/**
 * A large corpus is cut by a worker per spare core (one on two cores: this thread and the graph's worker need the
 * other), started now so their dictionaries load while the seeds are parsed; a small one is cut on this thread.
 */
export function startSegmenter(
  seedBytes: number,
  workers = seedBytes < WORKER_MIN_BYTES ? 0 : Math.min(MAX_WORKERS, Math.max(1, availableParallelism() - 1)),
): Segmenter {
  return workers === 0 ? inlineSegmenter() : pooledSegmenter(workers);
}

function inlineSegmenter(): Segmenter {
  return {
    async segment(texts, options) {
      const segmenter = new BatchSegmenter(new Tokenizer(options.words), options.vectorDimensions);
      const assembly = new Assembly(options.onVectors);
      for (const batch of batches(texts)) assembly.add(0, segmenter.segment(batch));
      return assembly.corpus;
    },
    async stop() {},
  };
}

function pooledSegmenter(size: number): Segmenter {
  const workers = Array.from({ length: size }, () => startWorker('segment-worker'));
  return {
    segment: (texts, options) => segmentOn(workers, [...batches(texts)], options),
    async stop() {
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}

/**
 * Hands out batches as workers free up, two in hand each so none waits, and assembles the results in batch order:
 * the corpus numbers its terms in the order the passages meet them, whichever worker cut them.
 */
function segmentOn(workers: Worker[], work: string[][], options: SegmentOptions): Promise<CorpusTerms> {
  const assembly = new Assembly(options.onVectors);
  const done: ({ source: number; batch: SegmentedBatch } | undefined)[] = [];
  let sent = 0;
  let assembled = 0;
  return new Promise((resolve, reject) => {
    const send = (worker: Worker, request: SegmentRequest) => worker.postMessage(request);
    const dispatch = (source: number) => {
      if (sent < work.length) send(workers[source]!, { type: 'segment', batch: sent, texts: work[sent++]! });
    };
    const finish = () => {
      for (const worker of workers)
        worker.removeAllListeners('message').removeAllListeners('error').removeAllListeners('exit');
      resolve(assembly.corpus);
    };
    workers.forEach((worker, source) => {
      worker.on('error', (error) => reject(new Error(`segmentation failed: ${error.message}`)));
      // A worker killed outright (out of memory) says nothing else.
      worker.on('exit', (code) => reject(new Error(`segmentation failed: a worker exited with code ${code}`)));
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
      send(worker, { type: 'start', words: [...options.words], vectorDimensions: options.vectorDimensions });
      dispatch(source);
      dispatch(source);
    });
    if (work.length === 0) finish();
  });
}

function* batches(texts: readonly string[]): Generator<string[]> {
  for (let start = 0; start < texts.length; start += BATCH) yield texts.slice(start, start + BATCH);
}

/**
 * Takes the batches in passage order: turns each segmenter's own term numbers into the corpus's, counting every
 * passage into its frequencies and posting lists, and hands on the batch's vectors.
 */
class Assembly {
  readonly corpus = new CorpusTerms();
  /** For each segmenter, the corpus number of each of its own. */
  private readonly corpusNumbers: number[][] = [];

  constructor(private readonly onVectors: SegmentOptions['onVectors']) {}

  add(source: number, batch: SegmentedBatch): void {
    const { corpus } = this;
    if (batch.vectors) this.onVectors?.(corpus.passages, batch.vectors);
    const own = this.corpusNumbers[source] ?? [];
    this.corpusNumbers[source] = own;
    for (const term of batch.newTerms) own.push(corpus.number(term));
    const mapped = batch.numbers.map((n) => own[n]!);
    let start = 0;
    for (const end of batch.ends) {
      corpus.count(mapped.subarray(start, end));
      start = end;
    }
  }
}
