import { searchTerms } from '../src/core/tokenizer.js';

/** A batch of passage texts cut into search terms, numbered by the segmenter that cut them. */
export interface SegmentedBatch {
  /** Each text's terms joined by spaces, as passages.json keeps them. */
  terms: string[];
  /** The terms this segmenter numbered first in this batch, in the order of their numbers. */
  newTerms: string[];
  /** Every text's terms as this segmenter's numbers, text after text; text i's end at `ends[i]`. */
  numbers: Int32Array<ArrayBuffer>;
  ends: Int32Array<ArrayBuffer>;
}

/**
 * Cuts batches of texts into search terms and numbers each term the first time it is met, so what crosses from a
 * worker to the ingest is numbers and each new term once, not every occurrence of every term as a string.
 */
export class BatchSegmenter {
  private readonly numbered = new Map<string, number>();

  segment(texts: readonly string[]): SegmentedBatch {
    const terms: string[] = [];
    const newTerms: string[] = [];
    const numbers: number[] = [];
    const ends = new Int32Array(texts.length);
    texts.forEach((text, i) => {
      const cut = searchTerms(text);
      for (const term of cut) {
        let n = this.numbered.get(term);
        if (n === undefined) {
          n = this.numbered.size;
          this.numbered.set(term, n);
          newTerms.push(term);
        }
        numbers.push(n);
      }
      terms.push(cut.join(' '));
      ends[i] = numbers.length;
    });
    return { terms, newTerms, numbers: Int32Array.from(numbers), ends };
  }
}
