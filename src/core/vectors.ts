import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import hnswlib from 'hnswlib-node';
import { z } from 'zod';
import { createError } from './errors.js';

// hnswlib's default search ef (10) misses neighbours when we ask for dozens of them.
const SEARCH_EF = 128;

export interface VectorHit {
  passage: number;
  /** Cosine similarity in [-1, 1]: higher is closer. */
  similarity: number;
}

/** Our own small interface over the vector store: the graph is read with hnswlib-node, in LangChain HNSWLib's layout. */
export interface VectorIndex {
  search(vector: number[], k: number): Promise<VectorHit[]>;
}

const ArgsSchema = z.object({ space: z.literal('cosine'), numDimensions: z.number().int().positive() });

/**
 * Reads the HNSW graph that ingest wrote in the layout of LangChain's HNSWLib (hnswlib.index, args.json,
 * docstore.json; LangChain can load it too). It is read with hnswlib-node directly, which costs a tenth of loading
 * the wrapper at every start; each point's label is its passage's id. The graph must have the manifest's dimensions.
 */
export function loadVectors(dir: string, dimensions: number): VectorIndex {
  const argsFile = join(dir, 'args.json');
  const indexFile = join(dir, 'hnswlib.index');
  let args: z.infer<typeof ArgsSchema>;
  try {
    args = ArgsSchema.parse(JSON.parse(readFileSync(argsFile, 'utf8')));
  } catch (error) {
    throw createError('INDEX_UNREADABLE', argsFile, (error as Error).message);
  }
  if (args.numDimensions !== dimensions) {
    throw createError('INDEX_DIMENSIONS', argsFile, args.numDimensions, dimensions);
  }
  const index = new hnswlib.HierarchicalNSW('cosine', dimensions);
  try {
    if (!existsSync(indexFile)) throw new Error('missing');
    index.readIndexSync(indexFile);
  } catch (error) {
    throw createError('INDEX_UNREADABLE', indexFile, (error as Error).message);
  }
  index.setEf(SEARCH_EF);
  const count = index.getCurrentCount();
  return {
    async search(vector, k) {
      if (count === 0) return [];
      const { neighbors, distances } = index.searchKnn(vector, Math.min(k, count));
      // hnswlib's cosine space reports 1 − cosine; this is the one place it becomes a similarity.
      return neighbors.map((passage, i) => ({ passage, similarity: 1 - distances[i]! }));
    },
  };
}
