import type { EmbeddingsInterface } from '@langchain/core/embeddings';
import { createError } from './errors.js';
import {
  isLexicalEmbedder,
  LEXICAL_DIMENSIONS,
  LEXICAL_EMBEDDER_ID,
  LexicalEmbeddings,
  LexicalStateSchema,
} from './embed.js';
import type { Manifest } from './schema.js';
import type { CorpusTerms } from './terms.js';
import type { Tokenizer } from './tokenizer.js';

/** Which embedder builds and queries the index: chosen in `.env`, recorded in the manifest. */
export interface EmbedderSpec {
  provider: 'lexical' | 'openai';
  baseUrl?: string;
  apiKey?: string;
  model?: string;
}

/**
 * How an ingest embeds its passages. The lexical embedder's passage vectors need only each passage's terms, so the
 * segmenter makes them as it cuts; a remote model is asked for them after. Either way the state saved beside the
 * index restores the same embedder for questions.
 */
export type IngestEmbedder = { id: string; state(corpus: CorpusTerms): unknown } & (
  | { kind: 'lexical'; dimensions: number }
  | { kind: 'remote'; embedTexts(texts: string[]): Promise<number[][]> }
);

export function embedderId(spec: EmbedderSpec): string {
  return spec.provider === 'lexical' ? LEXICAL_EMBEDDER_ID : `openai:${spec.model ?? 'text-embedding-3-small'}`;
}

/** Queries must be embedded as the passages were: an index built with another embedder is refused, with the fix. */
export function checkEmbedder(manifest: Manifest, spec: EmbedderSpec, indexDir: string): void {
  if (manifest.embedder.id === embedderId(spec)) return;
  // An earlier lexical embedder is not another choice of embedder: the index is only outdated.
  if (spec.provider === 'lexical' && isLexicalEmbedder(manifest.embedder.id)) {
    throw createError('INDEX_OUTDATED', indexDir, manifest.embedder.id, LEXICAL_EMBEDDER_ID);
  }
  throw createError(
    'INDEX_SETTINGS_MISMATCH',
    indexDir,
    'embedder',
    manifest.embedder.id,
    embedderId(spec),
    'run `policybot ingest --force` to rebuild it, or configure the embedder it was built with',
  );
}

export async function ingestEmbedder(spec: EmbedderSpec): Promise<IngestEmbedder> {
  const id = embedderId(spec);
  if (spec.provider === 'lexical') {
    return {
      id,
      kind: 'lexical',
      dimensions: LEXICAL_DIMENSIONS,
      state: (corpus) => LexicalEmbeddings.stateOf(corpus),
    };
  }
  const remote = await remoteEmbeddings(spec);
  return { id, kind: 'remote', embedTexts: (texts) => remote.embedDocuments(texts), state: () => null };
}

export async function restoreEmbedder(
  spec: EmbedderSpec,
  state: unknown,
  tokenizer: Tokenizer,
): Promise<EmbeddingsInterface> {
  if (spec.provider === 'lexical') {
    const parsed = LexicalStateSchema.safeParse(state);
    if (!parsed.success) throw createError('INDEX_EMBEDDER_STATE', 'embedder.json');
    return LexicalEmbeddings.fromState(parsed.data, tokenizer);
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
