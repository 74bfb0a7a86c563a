import type { IngestEmbedder } from '../src/core/embedders.js';
import type { Postings } from '../src/core/postings.js';
import type { Passage } from '../src/core/schema.js';
import type { Segmenter } from './segmenter.js';
import { startGraph, type GraphBuilder } from './vectors.js';

const REMOTE_BATCH = 2000;

export interface IndexedPassages {
  graph: GraphBuilder;
  /** BM25's posting lists of the passages' terms. */
  postings: Postings;
  /** The embedder's id and the state that restores it for questions. */
  embedder: { id: string; state: unknown };
}

/**
 * Cuts the passages into search terms, once jieba has learned the corpus's own `words` (unit names, headings),
 * counts them into BM25's posting lists and embeds the passages into the graph. The lexical embedder's vectors come
 * with each batch the segmenter cuts, so the graph grows on its own thread while the rest are still being cut; a
 * remote embedder is asked for them after.
 */
export async function indexPassages(
  passages: readonly Passage[],
  words: readonly string[],
  segmenter: Segmenter,
  embedder: IngestEmbedder,
): Promise<IndexedPassages> {
  const graph = startGraph(passages.length);
  try {
    const lexical = embedder.kind === 'lexical' ? embedder.dimensions : null;
    const corpus = await segmenter.segment(
      passages.map((p) => p.text),
      {
        words,
        vectorDimensions: lexical,
        onVectors: (start, vectors) => graph.add(start, vectors, lexical!),
      },
    );
    if (embedder.kind === 'remote') {
      for (let start = 0; start < passages.length; start += REMOTE_BATCH) {
        const vectors = await embedder.embedTexts(passages.slice(start, start + REMOTE_BATCH).map((p) => p.text));
        const dimensions = vectors[0]!.length;
        const flat = new Float32Array(vectors.length * dimensions);
        for (const [i, v] of vectors.entries()) flat.set(v, i * dimensions);
        graph.add(start, flat, dimensions);
      }
    }
    return {
      graph,
      postings: corpus.postings(),
      embedder: { id: embedder.id, state: embedder.state(corpus) },
    };
  } catch (error) {
    await graph.stop();
    throw error;
  }
}
