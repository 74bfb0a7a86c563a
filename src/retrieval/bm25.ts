import type { Postings } from '../core/postings.js';
import { CorpusTerms } from '../core/terms.js';
import { idf } from '../core/text.js';

const K1 = 1.2;
const B = 0.75;

export interface ScoredPassage {
  passage: number;
  score: number;
}

/** Okapi BM25 over pre-segmented passages; postings are packed (passage, tf) pairs to keep a large corpus small. */
export class Bm25 {
  /** Each passage's length normalisation, K1·(1 − B + B·len/avg), computed once rather than per posting. */
  private readonly norms: Float64Array;
  /** Scratch scores the size of the corpus, reused by every search: zero outside a search. */
  private readonly scores: Float64Array;
  /** Scratch: the passages a search touched, in the order it did. */
  private readonly touched: Int32Array;
  /** Scratch: their scores, reordered while the k-th best is selected. */
  private readonly selection: Float64Array;

  private constructor(
    private readonly postings: Map<string, Int32Array>,
    private readonly lengths: Int32Array,
  ) {
    const averageLength = lengths.length > 0 ? lengths.reduce((a, b) => a + b, 0) / lengths.length : 0;
    this.norms = Float64Array.from(lengths, (length) => K1 * (1 - B + (B * length) / averageLength));
    this.scores = new Float64Array(lengths.length);
    this.touched = new Int32Array(lengths.length);
    this.selection = new Float64Array(lengths.length);
  }

  /** The index ingest counted and stored: its posting lists are read as they are, views into one array. */
  static fromPostings({ terms, lengths, starts, ends, pairs }: Postings): Bm25 {
    // Terms that share a range share one view, which a search tells by identity.
    const views = new Map<number, Int32Array>();
    const postings = new Map<string, Int32Array>();
    terms.forEach((term, n) => {
      const [start, end] = [starts[n]!, ends[n]!];
      const shared = views.get(start);
      const view = shared?.length === end - start ? shared : pairs.subarray(start, end);
      views.set(start, view);
      postings.set(term, view);
    });
    return new Bm25(postings, lengths);
  }

  /** `lines[i]` holds the space-separated terms of passage i. */
  static build(lines: readonly string[]): Bm25 {
    const corpus = new CorpusTerms();
    for (const line of lines) corpus.count(line.length === 0 ? [] : line.split(' ').map((t) => corpus.number(t)));
    return Bm25.fromPostings(corpus.postings());
  }

  /** Every indexed term, in the order the passages first use them. */
  terms(): IterableIterator<string> {
    return this.postings.keys();
  }

  get size(): number {
    return this.lengths.length;
  }

  df(term: string): number {
    return (this.postings.get(term)?.length ?? 0) / 2;
  }

  /** The passages a term occurs in, in passage order. */
  passagesWith(term: string): number[] {
    const posting = this.postings.get(term);
    if (!posting) return [];
    const passages: number[] = [];
    for (let i = 0; i < posting.length; i += 2) passages.push(posting[i]!);
    return passages;
  }

  idf(term: string): number {
    return idf(this.df(term), this.size);
  }

  /** Top passages for weighted query terms, best first (ties by lower passage). */
  search(query: ReadonlyMap<string, number>, limit: number): ScoredPassage[] {
    // Term at a time into the scratch array; the passages touched are listed so only they are ranked and reset.
    const { scores, norms, touched } = this;
    let count = 0;
    // Terms that always occur together (a word and the bigram it is made of) share one posting list: it is walked
    // once, with their gains summed.
    const gains = new Map<Int32Array, number>();
    for (const [term, weight] of query) {
      const posting = this.postings.get(term);
      if (posting) gains.set(posting, (gains.get(posting) ?? 0) + this.idf(term) * weight * (K1 + 1));
    }
    for (const [posting, gain] of gains) {
      for (let i = 0; i < posting.length; i += 2) {
        const passage = posting[i]!;
        const tf = posting[i + 1]!;
        const score = scores[passage]!;
        if (score === 0) touched[count++] = passage;
        scores[passage] = score + (gain * tf) / (tf + norms[passage]!);
      }
    }
    const best = this.best(count, limit).map((passage) => ({ passage, score: scores[passage]! }));
    for (let i = 0; i < count; i++) scores[touched[i]!] = 0;
    return best;
  }

  /**
   * The `k` best of the first `count` touched passages. In a large corpus a question touches most passages: the
   * k-th score is selected in linear time and only the passages at or above it are sorted.
   */
  private best(count: number, k: number): number[] {
    const { scores, touched, selection } = this;
    const best: number[] = [];
    if (k <= 0) return best;
    if (count <= k) {
      for (let i = 0; i < count; i++) best.push(touched[i]!);
    } else {
      for (let i = 0; i < count; i++) selection[i] = scores[touched[i]!]!;
      const threshold = kthLargest(selection, count, k);
      for (let i = 0; i < count; i++) if (scores[touched[i]!]! >= threshold) best.push(touched[i]!);
    }
    best.sort((a, b) => scores[b]! - scores[a]! || a - b);
    if (best.length > k) best.length = k;
    return best;
  }
}

/** The k-th largest of `values[0, count)` (Hoare's quickselect, reordering them in place). */
function kthLargest(values: Float64Array, count: number, k: number): number {
  const target = k - 1;
  let lo = 0;
  let hi = count - 1;
  while (lo < hi) {
    const pivot = values[(lo + hi) >> 1]!;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (values[i]! > pivot) i++;
      while (values[j]! < pivot) j--;
      if (i <= j) {
        const swap = values[i]!;
        values[i++] = values[j]!;
        values[j--] = swap;
      }
    }
    if (target <= j) hi = j;
    else if (target >= i) lo = i;
    else break;
  }
  return values[target]!;
}
