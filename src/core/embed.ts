import { Embeddings } from '@langchain/core/embeddings';
import { z } from 'zod';
import { idf } from './text.js';
import { CorpusTerms, forEachCount } from './terms.js';
import type { Tokenizer } from './tokenizer.js';

export const LEXICAL_EMBEDDER_ID = 'lexical-tfidf-v4';
/** Any version of the lexical embedder: an index built with an earlier one is rebuilt, never refused. */
export const isLexicalEmbedder = (id: string) => id.startsWith('lexical-');
export const LEXICAL_DIMENSIONS = 512;

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
 * signed dimensions and L2-normalised. It weighs as SMART's lnc.ltc: a passage by its terms' log counts alone
 * (`passageVector`), a question by log counts times IDF, so their cosine weighs each shared term by its IDF once, as
 * BM25 does. A passage's vector needs no corpus statistics, so ingest embeds each passage as it is cut. No model
 * weights are needed, and it implements LangChain's Embeddings contract so a remote model can replace it by
 * configuration.
 */
export class LexicalEmbeddings extends Embeddings {
  /** Each corpus term's number, made when a question is first embedded: an ingest only saves the embedder. */
  private numbers: Map<string, number> | null = null;

  private constructor(
    readonly dimensions: number,
    private readonly passages: number,
    private readonly terms: readonly string[],
    private readonly df: readonly number[],
    /** Cuts the texts it embeds; null for an embedder that is only saved. */
    private readonly tokenizer: Tokenizer | null,
  ) {
    super({});
  }

  /** Fitted to passages given as their search terms; texts are cut by `tokenizer`. */
  static fit(termLists: Iterable<readonly string[]>, tokenizer: Tokenizer, dimensions = LEXICAL_DIMENSIONS) {
    const corpus = new CorpusTerms();
    for (const terms of termLists) corpus.count(terms.map((t) => corpus.number(t)));
    const { passages, terms, df } = corpus;
    return new LexicalEmbeddings(dimensions, passages, terms, df, tokenizer);
  }

  /** The state an ingest saves, from the corpus it counted. */
  static stateOf(corpus: CorpusTerms, dimensions = LEXICAL_DIMENSIONS): LexicalState {
    return new LexicalEmbeddings(dimensions, corpus.passages, corpus.terms, corpus.df, null).toJSON();
  }

  /** The embedder an ingest saved, cutting texts with the corpus's tokenizer. */
  static fromState(state: LexicalState, tokenizer: Tokenizer): LexicalEmbeddings {
    return new LexicalEmbeddings(state.dimensions, state.passages, state.terms, state.df, tokenizer);
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

  /** A question's already-segmented terms; a term the corpus never uses weighs as if met in no passage. */
  vectorOf(terms: readonly string[]): number[] {
    this.numbers ??= new Map(this.terms.map((t, i) => [t, i]));
    const vector = new Float64Array(this.dimensions);
    for (const [term, count] of counted(terms)) {
      const n = this.numbers.get(term);
      addTerm(vector, term, count, idf(n === undefined ? 0 : this.df[n]!, this.passages));
    }
    return Array.from(normalised(vector));
  }

  async embedDocuments(texts: string[]): Promise<number[][]> {
    return texts.map((t) => Array.from(passageVector(this.cut(t), this.dimensions)));
  }

  async embedQuery(text: string): Promise<number[]> {
    return this.vectorOf(this.cut(text));
  }

  private cut(text: string): string[] {
    if (!this.tokenizer) throw new Error('this lexical embedder was made to be saved, not to embed texts');
    return this.tokenizer.searchTerms(text);
  }
}

/** A passage's vector from its terms alone (lnc): what ingest stores in the graph. */
export function passageVector(terms: readonly string[], dimensions = LEXICAL_DIMENSIONS): Float32Array {
  const vector = new Float64Array(dimensions);
  for (const [term, count] of counted(terms)) addTerm(vector, term, count, 1);
  return Float32Array.from(normalised(vector));
}

/**
 * `passageVector` for passages given as term numbers (dense from 0) that a segmenter gave them: each number's slot
 * is worked out once, when the number is made, instead of hashing every occurrence of every term.
 */
export class NumberedPassageVectors {
  private dimensionOf = new Int32Array(1024);
  private weightOf = new Float64Array(1024);
  private counts = new Uint32Array(1024);
  private readonly scratch: Float64Array;

  constructor(readonly dimensions: number) {
    this.scratch = new Float64Array(dimensions);
  }

  /** Records the term a new number stands for. */
  numbered(n: number, term: string): void {
    if (n >= this.counts.length) this.grow();
    const { dimension, weight } = slotOf(term, this.dimensions, 1);
    this.dimensionOf[n] = dimension;
    this.weightOf[n] = weight;
  }

  /** Writes the vector of a passage's term numbers into `out` at `offset`. */
  embed(numbers: ArrayLike<number>, out: Float32Array, offset: number): void {
    const vector = this.scratch.fill(0);
    forEachCount(numbers, this.counts, (n, count) => {
      vector[this.dimensionOf[n]!]! += (1 + Math.log(count)) * this.weightOf[n]!;
    });
    out.set(normalised(vector), offset);
  }

  private grow(): void {
    const size = this.counts.length * 2;
    const dimensionOf = new Int32Array(size);
    const weightOf = new Float64Array(size);
    dimensionOf.set(this.dimensionOf);
    weightOf.set(this.weightOf);
    this.dimensionOf = dimensionOf;
    this.weightOf = weightOf;
    // Counts are zero between passages.
    this.counts = new Uint32Array(size);
  }
}

function counted(terms: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const term of terms) counts.set(term, (counts.get(term) ?? 0) + 1);
  return counts;
}

/** A term's dimension, which its hash picks, and its weight, signed by the hash and halved for a bigram. */
function slotOf(term: string, dimensions: number, weight: number): { dimension: number; weight: number } {
  const h = fnv1a(term);
  const signed = (h & 0x80000000 ? -weight : weight) * (term.startsWith('#') ? 0.5 : 1);
  return { dimension: h % dimensions, weight: signed };
}

/** Adds a term at its slot, weighed by 1 + log count. */
function addTerm(vector: Float64Array, term: string, count: number, weight: number): void {
  const slot = slotOf(term, vector.length, weight);
  vector[slot.dimension]! += (1 + Math.log(count)) * slot.weight;
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
