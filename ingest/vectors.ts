import type { EmbeddingsInterface } from '@langchain/core/embeddings';
import { Document } from '@langchain/core/documents';
import { SynchronousInMemoryDocstore } from '@langchain/community/stores/doc/in_memory';
import { HNSWLib } from '@langchain/community/vectorstores/hnswlib';
import hnswlib from 'hnswlib-node';
import type { Passage } from './schema.js';

const BATCH = 2000;
/**
 * Graph parameters. LangChain's wrapper always builds with efConstruction 200, which made the HNSW build three
 * quarters of a 15 MB ingest; 64 keeps recall close (measured by `npm run bench`) at a third of the time.
 */
const M = 16;
const EF_CONSTRUCTION = 64;
// hnswlib's default search ef (10) misses neighbours when we ask for dozens of them.
const SEARCH_EF = 128;
const SEED = 100;

export interface VectorHit {
  passage: number;
  /** Cosine similarity in [-1, 1]: higher is closer. */
  similarity: number;
}

/** Our own small interface over the vector store, so hnswlib-node can be used directly if the LangChain wrapper goes. */
export interface VectorIndex {
  search(vector: number[], k: number): Promise<VectorHit[]>;
}

/**
 * Builds the HNSW graph with hnswlib-node (to choose its parameters), in batches so a large corpus never holds
 * all its vectors as JS arrays at once, and hands it to LangChain's HNSWLib, whose file format the index keeps.
 */
export async function buildVectors(
  passages: readonly Passage[],
  embeddings: EmbeddingsInterface,
  embed: (batch: readonly Passage[]) => Promise<number[][]>,
): Promise<{ store: HNSWLib; dimensions: number }> {
  let index: hnswlib.HierarchicalNSW | null = null;
  let dimensions = 1;
  const docs = new Map<string, Document>();
  for (let start = 0; start < passages.length; start += BATCH) {
    const batch = passages.slice(start, start + BATCH);
    const vectors = await embed(batch);
    if (!index) {
      dimensions = vectors[0]!.length;
      index = new hnswlib.HierarchicalNSW('cosine', dimensions);
      index.initIndex({ maxElements: passages.length, m: M, efConstruction: EF_CONSTRUCTION, randomSeed: SEED });
    }
    vectors.forEach((v, i) => {
      index!.addPoint(v, start + i);
      docs.set(String(start + i), new Document({ pageContent: batch[i]!.text, metadata: { passage: batch[i]!.id } }));
    });
  }
  index ??= emptyIndex();
  const store = new HNSWLib(embeddings, { space: 'cosine', numDimensions: dimensions, index, docstore: new SynchronousInMemoryDocstore(docs) });
  return { store, dimensions };
}

function emptyIndex(): hnswlib.HierarchicalNSW {
  const index = new hnswlib.HierarchicalNSW('cosine', 1);
  index.initIndex({ maxElements: 1 });
  return index;
}

export async function loadVectors(dir: string, embeddings: EmbeddingsInterface): Promise<VectorIndex> {
  const store = await HNSWLib.load(dir, embeddings);
  store.index.setEf(SEARCH_EF);
  const count = store.index.getCurrentCount();
  return {
    async search(vector, k) {
      if (count === 0) return [];
      const hits = await store.similaritySearchVectorWithScore(vector, Math.min(k, count));
      // HNSWLib reports cosine distance; this is the one place it becomes a similarity.
      return hits.map(([doc, distance]) => ({ passage: doc.metadata.passage as number, similarity: 1 - distance }));
    },
  };
}
