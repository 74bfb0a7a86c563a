import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { HnswReply, HnswRequest } from './hnsw-worker.js';
import { writeJson } from '../src/core/json-file.js';
import type { Passage } from '../src/core/schema.js';
import { startWorker } from './worker.js';

/**
 * Graph parameters. LangChain's wrapper always builds with M 16 and efConstruction 200, which made the HNSW build
 * three quarters of a 15 MB ingest. M 12 and efConstruction 24 build it in a fifth of that time.
 */
const M = 12;
const EF_CONSTRUCTION = 24;
const SEED = 100;

/** The HNSW graph of an ingest's passages, grown in a worker thread as their vectors arrive. */
export interface GraphBuilder {
  /** Vectors of passages `start`, `start + 1`, …, one after another, in the given dimensions. */
  add(start: number, vectors: Float32Array, dimensions: number): void;
  /**
   * Writes the graph and its documents in the layout of LangChain's HNSWLib (hnswlib.index, args.json,
   * docstore.json), which loads them; the dimensions are those of the vectors added (1 for an empty corpus).
   */
  save(dir: string, passages: readonly Passage[]): Promise<void>;
  readonly dimensions: number;
  stop(): Promise<void>;
}

/** Starts the graph of `count` passages. Vectors may be added in any number of batches, in passage order. */
export function startGraph(count: number): GraphBuilder {
  const worker = startHnswWorker();
  let dimensions = 0;
  const init = (d: number) => {
    dimensions = d;
    worker.send({ type: 'init', dimensions, maxElements: count, m: M, efConstruction: EF_CONSTRUCTION, seed: SEED });
  };
  return {
    get dimensions() {
      return dimensions || 1;
    },
    add(start, vectors, d) {
      if (dimensions === 0) init(d);
      worker.send({ type: 'add', start, vectors }, [vectors.buffer as ArrayBuffer]);
    },
    async save(dir, passages) {
      if (dimensions === 0) init(1);
      try {
        await mkdir(dir, { recursive: true });
        await writeJson(join(dir, 'args.json'), { space: 'cosine', numDimensions: dimensions });
        // The passage text is in passages.json already; the docstore names the clause instead of repeating it.
        await writeJson(
          join(dir, 'docstore.json'),
          passages.map((p) => [String(p.id), { pageContent: `${p.doc}#${p.section}`, metadata: { passage: p.id } }]),
        );
        await worker.request({ type: 'write', file: join(dir, 'hnswlib.index') });
      } finally {
        await worker.stop();
      }
    },
    stop: () => worker.stop(),
  };
}

/** The HNSW worker, with its requests and the replies they wait for. */
function startHnswWorker() {
  const worker = startWorker('hnsw-worker');
  let failure: Error | null = null;
  const waiting: ((reply: HnswReply) => void)[] = [];
  const fail = (error: Error) => {
    failure ??= error;
    for (const resolve of waiting.splice(0)) resolve({ type: 'failed', message: error.message });
  };
  worker.on('error', fail);
  // A worker killed outright (out of memory) says nothing else; one stopped by `stop` has nothing waiting on it.
  worker.on('exit', (code) => fail(new Error(`the HNSW worker exited with code ${code}`)));
  worker.on('message', (reply: HnswReply) => {
    if (reply.type === 'failed') failure = new Error(`HNSW build failed: ${reply.message}`);
    waiting.shift()?.(reply);
  });
  return {
    send(request: HnswRequest, transfer: ArrayBuffer[] = []) {
      worker.postMessage(request, transfer);
    },
    async request(request: HnswRequest): Promise<void> {
      if (failure) throw failure;
      const reply = await new Promise<HnswReply>((resolve) => {
        waiting.push(resolve);
        worker.postMessage(request);
      });
      if (reply.type === 'failed') throw failure ?? new Error(`HNSW build failed: ${reply.message}`);
    },
    async stop() {
      await worker.terminate();
    },
  };
}
