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
  /**
   * Every passage's distinct terms with their counts, passage after passage, laid out as posting lists only when
   * asked: typed arrays that double, not a growing array per term (half a million of them, in a large corpus).
   */
  private readonly entries = new GrowingInts();
  private readonly entryCounts = new GrowingInts();
  /** Where each passage's entries end. */
  private readonly ends = new GrowingInts();
  /** Each passage's length in terms. */
  private readonly lengths = new GrowingInts();
  private counts = new Uint32Array(1024);

  get passages(): number {
    return this.lengths.size;
  }

  /** How many passages use each term: the length of its posting list. */
  get df(): number[] {
    return Array.from(this.documentFrequencies());
  }

  /** A term's number, numbering it when it is new. */
  number(term: string): number {
    const known = this.numbers.get(term);
    if (known !== undefined) return known;
    const n = this.terms.length;
    this.numbers.set(term, n);
    this.terms.push(term);
    return n;
  }

  /** Counts the next passage, given as its terms' numbers. */
  count(numbers: ArrayLike<number>): void {
    if (this.counts.length < this.terms.length) {
      this.counts = new Uint32Array(Math.max(this.terms.length, this.counts.length * 2));
    }
    forEachCount(numbers, this.counts, (n, count) => {
      this.entries.push(n);
      this.entryCounts.push(count);
    });
    this.ends.push(this.entries.size);
    this.lengths.push(numbers.length);
  }

  /** BM25's posting lists of the passages counted so far. */
  postings(): Postings {
    const terms = this.terms.length;
    const df = this.documentFrequencies();
    // Each term's list gets its place, then each passage's entries are dealt into them, so every list is in
    // passage order.
    const starts = new Int32Array(terms + 1);
    for (let n = 0; n < terms; n++) starts[n + 1] = starts[n]! + 2 * df[n]!;
    const next = starts.slice(0, terms);
    const pairs = new Int32Array(starts[terms]!);
    const entries = this.entries.view();
    const entryCounts = this.entryCounts.view();
    const ends = this.ends.view();
    let entry = 0;
    ends.forEach((end, passage) => {
      for (; entry < end; entry++) {
        const n = entries[entry]!;
        pairs[next[n]!++] = passage;
        pairs[next[n]!++] = entryCounts[entry]!;
      }
    });
    return packPostings([...this.terms], pairs, starts, Int32Array.from(this.lengths.view()));
  }

  private documentFrequencies(): Int32Array {
    const df = new Int32Array(this.terms.length);
    for (const n of this.entries.view()) df[n]!++;
    return df;
  }
}

/** An Int32Array that grows as numbers are pushed, by doubling. */
class GrowingInts {
  private values = new Int32Array(1024);
  size = 0;

  push(value: number): void {
    if (this.size === this.values.length) {
      const grown = new Int32Array(this.values.length * 2);
      grown.set(this.values);
      this.values = grown;
    }
    this.values[this.size++] = value;
  }

  /** The numbers pushed so far; valid until the next push. */
  view(): Int32Array {
    return this.values.subarray(0, this.size);
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
