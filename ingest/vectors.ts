import type { EmbeddingsInterface } from '@langchain/core/embeddings';
import { Document } from '@langchain/core/documents';
import { HNSWLib } from '@langchain/community/vectorstores/hnswlib';
import type { Passage } from './schema.js';

const BATCH = 2000;
// hnswlib's default ef (10) misses neighbours when we ask for dozens of them.
const SEARCH_EF = 128;

export interface VectorHit {
  passage: number;
  /** Cosine similarity in [-1, 1]: higher is closer. */
  similarity: number;
}

/** Our own small interface over the vector store, so hnswlib-node can be used directly if the LangChain wrapper goes. */
export interface VectorIndex {
  search(vector: number[], k: number): Promise<VectorHit[]>;
}

/** Builds the HNSW index in batches, so a large corpus never holds all its vectors as JS arrays at once. */
export async function buildVectors(
  passages: readonly Passage[],
  embeddings: EmbeddingsInterface,
  embed: (batch: readonly Passage[]) => Promise<number[][]>,
): Promise<{ store: HNSWLib; dimensions: number }> {
  let store: HNSWLib | null = null;
  let dimensions = 0;
  for (let start = 0; start < passages.length; start += BATCH) {
    const batch = passages.slice(start, start + BATCH);
    const vectors = await embed(batch);
    dimensions = vectors[0]?.length ?? dimensions;
    store ??= new HNSWLib(embeddings, { space: 'cosine', numDimensions: dimensions });
    await store.addVectors(vectors, batch.map((p) => new Document({ pageContent: p.text, metadata: { passage: p.id } })));
  }
  store ??= new HNSWLib(embeddings, { space: 'cosine', numDimensions: 1 });
  return { store, dimensions };
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
