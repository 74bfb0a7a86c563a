import { packPostings, type Postings } from './postings.js';

/**
 * A corpus's terms, numbered in the order they are first met, with the passages that use each: BM25's posting lists
 * and, from them, the lexical embedder's document frequencies, counted in one pass as the passages are cut. Numbers
 * rather than strings, because an ingest of 15 MB meets its terms millions of times, and a lookup per occurrence is
 * all a term costs once it has its number.
 */
export class CorpusTerms {
  readonly terms: string[] = [];
  private readonly numbers = new Map<string, number>();
  /** Each term's (passage, count) pairs, in passage order. */
  private readonly lists: number[][] = [];
  /** Each passage's length in terms. */
  private readonly lengths: number[] = [];
  private counts = new Uint32Array(1024);

  get passages(): number {
    return this.lengths.length;
  }

  /** How many passages use each term. */
  get df(): number[] {
    return this.lists.map((list) => list.length / 2);
  }

  /** A term's number, numbering it when it is new. */
  number(term: string): number {
    const known = this.numbers.get(term);
    if (known !== undefined) return known;
    const n = this.terms.length;
    this.numbers.set(term, n);
    this.terms.push(term);
    this.lists.push([]);
    return n;
  }

  /** Counts the next passage, given as its terms' numbers. */
  count(numbers: ArrayLike<number>): void {
    const passage = this.passages;
    if (this.counts.length < this.terms.length) {
      this.counts = new Uint32Array(Math.max(this.terms.length, this.counts.length * 2));
    }
    forEachCount(numbers, this.counts, (n, count) => this.lists[n]!.push(passage, count));
    this.lengths.push(numbers.length);
  }

  /** BM25's posting lists of the passages counted so far. */
  postings(): Postings {
    return packPostings(this.terms, this.lists, this.lengths);
  }
}

/**
 * Visits each distinct number of a passage once, with how often it occurs, in the order of first occurrence.
 * `counts` is scratch indexed by number (at least as long as the largest number), all zero before and after.
 */
export function forEachCount(
  numbers: ArrayLike<number>,
  counts: Uint32Array,
  visit: (n: number, count: number) => void,
): void {
  const present: number[] = [];
  for (let i = 0; i < numbers.length; i++) {
    const n = numbers[i]!;
    if (counts[n]!++ === 0) present.push(n);
  }
  for (const n of present) {
    visit(n, counts[n]!);
    counts[n] = 0;
  }
}
