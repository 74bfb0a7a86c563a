import { packPostings, type Postings } from './postings.js';

/**
 * A corpus's terms, numbered in the order they are first met, with the passages that use each: the lexical
 * embedder's document frequencies and BM25's posting lists, counted in one pass as the passages are cut. Numbers
 * rather than strings, because an ingest of 15 MB meets its terms millions of times, and a lookup per occurrence is
 * all a term costs once it has its number.
 */
export class CorpusTerms {
  readonly terms: string[] = [];
  readonly df: number[] = [];
  passages = 0;
  private readonly numbers = new Map<string, number>();
  /** Each term's (passage, count) pairs, in passage order. */
  private readonly lists: number[][] = [];
  private readonly lengths: number[] = [];
  /** Occurrences of each term in the passage being counted: zero outside `count`. */
  private counts = new Int32Array(1024);

  /** A term's number, numbering it when it is new. */
  number(term: string): number {
    const known = this.numbers.get(term);
    if (known !== undefined) return known;
    const n = this.terms.length;
    this.numbers.set(term, n);
    this.terms.push(term);
    this.df.push(0);
    this.lists.push([]);
    return n;
  }

  /** Counts the next passage, given as its terms' numbers. */
  count(numbers: ArrayLike<number>): void {
    const passage = this.passages++;
    if (this.counts.length < this.terms.length) {
      this.counts = new Int32Array(Math.max(this.terms.length, this.counts.length * 2));
    }
    const present: number[] = [];
    for (let i = 0; i < numbers.length; i++) {
      const n = numbers[i]!;
      if (this.counts[n]!++ === 0) present.push(n);
    }
    for (const n of present) {
      this.df[n]!++;
      this.lists[n]!.push(passage, this.counts[n]!);
      this.counts[n] = 0;
    }
    this.lengths.push(numbers.length);
  }

  /** BM25's posting lists of the passages counted so far. */
  postings(): Postings {
    return packPostings(this.terms, this.lists, this.lengths);
  }
}
