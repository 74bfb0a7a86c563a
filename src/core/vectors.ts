import type { EmbeddingsInterface } from '@langchain/core/embeddings';
import { HNSWLib } from '@langchain/community/vectorstores/hnswlib';

// hnswlib's default search ef (10) misses neighbours when we ask for dozens of them.
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
