import type { EmbeddingsInterface } from '@langchain/core/embeddings';
import { createError } from './errors.js';
import { LEXICAL_EMBEDDER_ID, LexicalEmbeddings, LexicalStateSchema } from './embed.js';
import type { Manifest, Passage } from './schema.js';
import type { CorpusTerms } from './terms.js';

/** Which embedder builds and queries the index: chosen in `.env`, recorded in the manifest. */
export interface EmbedderSpec {
  provider: 'lexical' | 'openai';
  baseUrl?: string;
  apiKey?: string;
  model?: string;
}

/** An embedder fitted to a corpus: embeds its passages, then answers queries. */
export interface FittedEmbedder {
  id: string;
  embedPassages(passages: readonly Passage[]): Promise<ArrayLike<number>[]>;
  /** Saved beside the index so the same embedder can be restored for queries. */
  state: unknown;
}

export function embedderId(spec: EmbedderSpec): string {
  return spec.provider === 'lexical' ? LEXICAL_EMBEDDER_ID : `openai:${spec.model ?? 'text-embedding-3-small'}`;
}

/** Queries must be embedded as the passages were: an index built with another embedder is refused, with the fix. */
export function checkEmbedder(manifest: Manifest, spec: EmbedderSpec, indexDir: string): void {
  if (manifest.embedder.id === embedderId(spec)) return;
  throw createError(
    'INDEX_SETTINGS_MISMATCH',
    indexDir,
    'embedder',
    manifest.embedder.id,
    embedderId(spec),
    'run `policybot ingest --force` to rebuild it, or configure the embedder it was built with',
  );
}

/** The lexical embedder is fitted to the passages' terms as ingest numbered them (each passage's, by passage id). */
export async function fitEmbedder(
  spec: EmbedderSpec,
  segmented: { numbers: readonly Int32Array[]; corpus: CorpusTerms },
): Promise<FittedEmbedder> {
  if (spec.provider === 'lexical') {
    const lexical = LexicalEmbeddings.fromCorpus(segmented.corpus);
    return {
      id: embedderId(spec),
      embedPassages: async (batch) => batch.map((p) => lexical.vectorOfNumbers(segmented.numbers[p.id]!)),
      state: lexical.toJSON(),
    };
  }
  const remote = await remoteEmbeddings(spec);
  return {
    id: embedderId(spec),
    embedPassages: (batch) => remote.embedDocuments(batch.map((p) => p.text)),
    state: null,
  };
}

export async function restoreEmbedder(spec: EmbedderSpec, state: unknown): Promise<EmbeddingsInterface> {
  if (spec.provider === 'lexical') {
    const parsed = LexicalStateSchema.safeParse(state);
    if (!parsed.success) throw createError('INDEX_EMBEDDER_STATE', 'embedder.json');
    return LexicalEmbeddings.fromState(parsed.data);
  }
  return remoteEmbeddings(spec);
}

/** Loaded only when chosen, so the default install never touches the OpenAI client. */
async function remoteEmbeddings(spec: EmbedderSpec): Promise<EmbeddingsInterface> {
  if (!spec.baseUrl || !spec.model) {
    throw createError('EMBEDDER_INCOMPLETE');
  }
  const { OpenAIEmbeddings } = await import('@langchain/openai');
  return new OpenAIEmbeddings({
    model: spec.model,
    apiKey: spec.apiKey ?? 'unused',
    configuration: { baseURL: spec.baseUrl },
  });
}
