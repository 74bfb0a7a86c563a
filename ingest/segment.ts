import { NumberedPassageVectors } from '../src/core/embed.js';
import { bigramTerm, bigramText, forEachBigram, type Tokenizer } from '../src/core/tokenizer.js';

/** A batch of passage texts cut into search terms, numbered by the segmenter that cut them. */
export interface SegmentedBatch {
  /** The terms this segmenter numbered first in this batch, in the order of their numbers. */
  newTerms: string[];
  /** Every text's terms as this segmenter's numbers, text after text; text i's end at `ends[i]`. */
  numbers: Int32Array<ArrayBuffer>;
  ends: Int32Array<ArrayBuffer>;
  /** Each text's lexical vector, one after another, when the segmenter makes them. */
  vectors: Float32Array<ArrayBuffer> | null;
}

/**
 * Cuts batches of texts into search terms and numbers each term the first time it is met, so what crosses from a
 * worker to the ingest is numbers and each new term once, not every occurrence of every term as a string. Given
 * the dimensions, it also embeds each text with the lexical embedder, which needs nothing but the text's terms.
 */
export class BatchSegmenter {
  private readonly numbered = new Map<string, number>();
  /** Bigrams by their pair of codes: most terms are bigrams, and a number is looked up without making a string. */
  private readonly numberedPairs = new Map<number, number>();
  private size = 0;
  private readonly embedder: NumberedPassageVectors | null;

  constructor(
    private readonly tokenizer: Tokenizer,
    vectorDimensions: number | null,
  ) {
    this.embedder = vectorDimensions ? new NumberedPassageVectors(vectorDimensions) : null;
  }

  /** Cuts each text into its search terms (`searchTerms`: its words, then its bigrams) as numbers. */
  segment(texts: readonly string[]): SegmentedBatch {
    const { embedder } = this;
    const dimensions = embedder?.dimensions ?? 0;
    const newTerms: string[] = [];
    const numbers: number[] = [];
    const ends = new Int32Array(texts.length);
    const vectors = embedder ? new Float32Array(texts.length * dimensions) : null;
    const fresh = (term: string) => {
      const n = this.size++;
      newTerms.push(term);
      embedder?.numbered(n, term);
      return n;
    };
    texts.forEach((text, i) => {
      const start = numbers.length;
      for (const word of this.tokenizer.words(text)) {
        let n = this.numbered.get(word);
        if (n === undefined) {
          n = fresh(word);
          this.numbered.set(word, n);
        }
        numbers.push(n);
      }
      forEachBigram(text, (pair) => {
        let n = this.numberedPairs.get(pair);
        if (n === undefined) {
          n = fresh(bigramTerm(bigramText(pair)));
          this.numberedPairs.set(pair, n);
        }
        numbers.push(n);
      });
      ends[i] = numbers.length;
      if (embedder && vectors) embedder.embed(numbers.slice(start), vectors, i * dimensions);
    });
    return { newTerms, numbers: Int32Array.from(numbers), ends, vectors };
  }
}
