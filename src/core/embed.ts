import { Embeddings } from '@langchain/core/embeddings';
import { z } from 'zod';
import { idf } from './text.js';
import { CorpusTerms } from './terms.js';
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
  /** Each corpus term's number, made when a text is first embedded: an ingest embeds numbers and never needs it. */
  private numbers: Map<string, number> | null = null;
  /**
   * Each corpus term's dimension and signed weight (IDF, halved for a bigram), worked out when first used (NaN
   * until then): a large corpus repeats its terms tens of times, and hashing and a logarithm per occurrence were
   * most of the embedding's time.
   */
  private readonly slotDimensions: Int32Array;
  private readonly slotWeights: Float64Array;
  /** Occurrences of each term in the text being embedded, reset after each text. */
  private readonly counts: Uint32Array;

  private constructor(
    readonly dimensions: number,
    private readonly passages: number,
    private readonly terms: readonly string[],
    private readonly df: readonly number[],
  ) {
    super({});
    this.slotDimensions = new Int32Array(terms.length);
    this.slotWeights = new Float64Array(terms.length).fill(Number.NaN);
    this.counts = new Uint32Array(terms.length);
  }

  static fit(termLists: Iterable<readonly string[]>, dimensions = DEFAULT_DIMENSIONS): LexicalEmbeddings {
    const corpus = new CorpusTerms();
    for (const terms of termLists) corpus.count(terms.map((t) => corpus.number(t)));
    return LexicalEmbeddings.fromCorpus(corpus, dimensions);
  }

  static fromCorpus(corpus: CorpusTerms, dimensions = DEFAULT_DIMENSIONS): LexicalEmbeddings {
    return new LexicalEmbeddings(dimensions, corpus.passages, corpus.terms, corpus.df);
  }

  static fromState(state: LexicalState): LexicalEmbeddings {
    return new LexicalEmbeddings(state.dimensions, state.passages, state.terms, state.df);
  }

  toJSON(): LexicalState {
    return {
      id: LEXICAL_EMBEDDER_ID,
      dimensions: this.dimensions,
      passages: this.passages,
      terms: [...this.terms],
      df: [...this.df],
    };
  }

  /** Embeds a passage given as its terms' numbers in the corpus it was fitted to: how ingest embeds. */
  vectorOfNumbers(numbers: ArrayLike<number>): Float32Array {
    return Float32Array.from(normalised(this.weigh(numbers)));
  }

  /** Embeds already-segmented terms. */
  vectorOf(terms: readonly string[]): number[] {
    // Terms the corpus never uses (a question's own words) are weighed apart, as if each were met in no passage.
    const numbers = this.numberOf();
    const known: number[] = [];
    const strangers = new Map<string, number>();
    for (const term of terms) {
      const n = numbers.get(term);
      if (n === undefined) strangers.set(term, (strangers.get(term) ?? 0) + 1);
      else known.push(n);
    }
    const vector = this.weigh(known);
    for (const [term, count] of strangers) {
      const { dimension, weight } = slotOf(term, 0, this.passages, this.dimensions);
      vector[dimension]! += (1 + Math.log(count)) * weight;
    }
    return Array.from(normalised(vector));
  }

  /** The sum of each term's slot, weighted by its count (1 + log tf); not yet normalised. */
  private weigh(numbers: ArrayLike<number>): Float64Array {
    const vector = new Float64Array(this.dimensions);
    const present: number[] = [];
    for (let i = 0; i < numbers.length; i++) {
      const n = numbers[i]!;
      if (this.counts[n]!++ === 0) present.push(n);
    }
    for (const n of present) {
      if (Number.isNaN(this.slotWeights[n])) {
        const slot = slotOf(this.terms[n]!, this.df[n]!, this.passages, this.dimensions);
        this.slotDimensions[n] = slot.dimension;
        this.slotWeights[n] = slot.weight;
      }
      vector[this.slotDimensions[n]!]! += (1 + Math.log(this.counts[n]!)) * this.slotWeights[n]!;
      this.counts[n] = 0;
    }
    return vector;
  }

  private numberOf(): Map<string, number> {
    this.numbers ??= new Map(this.terms.map((t, i) => [t, i]));
    return this.numbers;
  }

  async embedDocuments(texts: string[]): Promise<number[][]> {
    return texts.map((t) => this.vectorOf(searchTerms(t)));
  }

  async embedQuery(text: string): Promise<number[]> {
    return this.vectorOf(searchTerms(text));
  }
}

const DEFAULT_DIMENSIONS = 512;

/** A term's dimension and signed weight: its hash picks both; its IDF (halved for a bigram) is the size. */
function slotOf(term: string, df: number, passages: number, dimensions: number): { dimension: number; weight: number } {
  const h = fnv1a(term);
  const weight = idf(df, passages) * (term.startsWith('#') ? 0.5 : 1);
  return { dimension: h % dimensions, weight: h & 0x80000000 ? -weight : weight };
}

function normalised(vector: Float64Array): Float64Array {
  let norm = 0;
  for (const v of vector) norm += v * v;
  norm = Math.sqrt(norm) || 1;
  for (let i = 0; i < vector.length; i++) vector[i]! /= norm;
  return vector;
}

function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}
