import { parentPort } from 'node:worker_threads';
import hnswlib from 'hnswlib-node';

/** Messages from `vectors.ts`: build one HNSW graph off the main thread, then write it. */
export type HnswRequest =
  | { type: 'init'; dimensions: number; maxElements: number; m: number; efConstruction: number; seed: number }
  | { type: 'add'; start: number; vectors: Float32Array }
  | { type: 'write'; file: string };
export type HnswReply = { type: 'written' } | { type: 'failed'; message: string };

let index: hnswlib.HierarchicalNSW | null = null;
let dimensions = 0;
// hnswlib-node takes plain arrays only: one is refilled for every vector, ten times cheaper than a new one each.
let point: number[] = [];

parentPort!.on('message', (request: HnswRequest) => {
  try {
    if (request.type === 'init') {
      dimensions = request.dimensions;
      point = new Array<number>(dimensions).fill(0);
      index = new hnswlib.HierarchicalNSW('cosine', dimensions);
      index.initIndex({
        maxElements: Math.max(1, request.maxElements),
        m: request.m,
        efConstruction: request.efConstruction,
        randomSeed: request.seed,
      });
    } else if (request.type === 'add') {
      const { vectors, start } = request;
      for (let i = 0; i * dimensions < vectors.length; i++) {
        for (let j = 0; j < dimensions; j++) point[j] = vectors[i * dimensions + j]!;
        index!.addPoint(point, start + i);
      }
    } else {
      index!.writeIndexSync(request.file);
      parentPort!.postMessage({ type: 'written' } satisfies HnswReply);
    }
  } catch (error) {
    parentPort!.postMessage({ type: 'failed', message: (error as Error).message } satisfies HnswReply);
  }
});
