import { Embeddings } from '@langchain/core/embeddings';
import { z } from 'zod';
import { idf } from './text.js';
import { searchTerms } from './tokenizer.js';

export const LEXICAL_EMBEDDER_ID = 'lexical-tfidf-v3';

export const LexicalStateSchema = z
  .object({
    id: z.literal(LEXICAL_EMBEDDER_ID),
    dimensions: z.number().int().positive(),
    passages: z.number().int().nonnegative(),
    /** Each term and its document frequency over the indexed passages, side by side: arrays stay compact at half a million terms. */
    terms: z.array(z.string()),
    df: z.array(z.number().int().positive()),
  })
  .refine((s) => s.terms.length === s.df.length, 'terms and df must have the same length');
export type LexicalState = z.infer<typeof LexicalStateSchema>;

/**
 * The offline default embedder: TF-IDF over jieba words and character bigrams, hashed into a fixed number of
 * signed dimensions and L2-normalised, so cosine similarity is TF-IDF cosine. No model weights are needed,
 * and it implements LangChain's Embeddings contract so a remote model can replace it by configuration.
 */
export class LexicalEmbeddings extends Embeddings {
  /**
   * Each corpus term's number, dimension and signed weight (IDF, halved for a bigram), worked out once: a large corpus
   * repeats its terms tens of times, and hashing and a logarithm per occurrence were most of the embedding's time.
   */
  private readonly slots = new Map<string, Slot>();
  /** Occurrences of each slot in the passage being embedded, indexed by slot number and reset after each passage. */
  private counts = new Uint32Array(1024);

  // A Map, not the saved record: lookups in an object of half a million keys made embedding twice as slow.
  private constructor(
    readonly dimensions: number,
    private readonly passages: number,
    private readonly df: ReadonlyMap<string, number>,
  ) {
    super({});
  }

  static fit(termLists: Iterable<readonly string[]>, dimensions = 512): LexicalEmbeddings {
    const df = new Map<string, number>();
    let passages = 0;
    for (const terms of termLists) {
      passages++;
      for (const term of new Set(terms)) df.set(term, (df.get(term) ?? 0) + 1);
    }
    return new LexicalEmbeddings(dimensions, passages, df);
  }

  static fromState(state: LexicalState): LexicalEmbeddings {
    return new LexicalEmbeddings(
      state.dimensions,
      state.passages,
      new Map(state.terms.map((t, i) => [t, state.df[i]!])),
    );
  }

  toJSON(): LexicalState {
    return {
      id: LEXICAL_EMBEDDER_ID,
      dimensions: this.dimensions,
      passages: this.passages,
      terms: [...this.df.keys()],
      df: [...this.df.values()],
    };
  }

  /** Embeds already-segmented terms: ingest has them at hand and need not segment twice. */
  vectorOf(terms: readonly string[]): number[] {
    // Terms the corpus never uses (a question's own words) are counted here, so they never grow the slot cache.
    const strangers = new Map<string, Slot & { count: number }>();
    const present: (Slot & { count?: number })[] = [];
    for (const term of terms) {
      const slot = this.slotOf(term);
      if (slot.id >= 0) {
        if (this.counts[slot.id]!++ === 0) present.push(slot);
        continue;
      }
      const stranger = strangers.get(term);
      if (stranger) stranger.count++;
      else present.push(strangers.set(term, { ...slot, count: 1 }).get(term)!);
    }
    const vector = new Float64Array(this.dimensions);
    for (const slot of present) {
      vector[slot.dimension]! += (1 + Math.log(slot.count ?? this.counts[slot.id]!)) * slot.weight;
      if (slot.id >= 0) this.counts[slot.id] = 0;
    }
    let norm = 0;
    for (const v of vector) norm += v * v;
    norm = Math.sqrt(norm) || 1;
    return Array.from(vector, (v) => v / norm);
  }

  /** A term's slot; those of the corpus's terms are numbered and kept, any other is made afresh (id -1). */
  private slotOf(term: string): Slot {
    const cached = this.slots.get(term);
    if (cached) return cached;
    const h = fnv1a(term);
    const known = this.df.has(term);
    const weight = idf(this.df.get(term) ?? 0, this.passages) * (term.startsWith('#') ? 0.5 : 1);
    const slot = {
      id: known ? this.slots.size : -1,
      dimension: h % this.dimensions,
      weight: h & 0x80000000 ? -weight : weight,
    };
    if (!known) return slot;
    this.slots.set(term, slot);
    if (slot.id === this.counts.length) {
      const grown = new Uint32Array(this.counts.length * 2);
      grown.set(this.counts);
      this.counts = grown;
    }
    return slot;
  }

  async embedDocuments(texts: string[]): Promise<number[][]> {
    return texts.map((t) => this.vectorOf(searchTerms(t)));
  }

  async embedQuery(text: string): Promise<number[]> {
    return this.vectorOf(searchTerms(text));
  }
}

interface Slot {
  id: number;
  dimension: number;
  weight: number;
}

function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}
