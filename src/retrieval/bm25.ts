import { idf } from '../core/text.js';

const K1 = 1.2;
const B = 0.75;

export interface ScoredPassage {
  passage: number;
  score: number;
}

/** Okapi BM25 over pre-segmented passages; postings are packed (passage, tf) pairs to keep a large corpus small. */
export class Bm25 {
  private constructor(
    private readonly postings: Map<string, Int32Array>,
    private readonly lengths: Float32Array,
    private readonly averageLength: number,
  ) {}

  /** `terms[i]` holds the space-separated terms of passage i. */
  static build(terms: readonly string[]): Bm25 {
    const growing = new Map<string, number[]>();
    const lengths = new Float32Array(terms.length);
    terms.forEach((line, passage) => {
      const counts = new Map<string, number>();
      const list = line.length > 0 ? line.split(' ') : [];
      for (const t of list) counts.set(t, (counts.get(t) ?? 0) + 1);
      lengths[passage] = list.length;
      for (const [t, tf] of counts) {
        const posting = growing.get(t) ?? [];
        if (posting.length === 0) growing.set(t, posting);
        posting.push(passage, tf);
      }
    });
    const postings = new Map<string, Int32Array>();
    for (const [t, p] of growing) postings.set(t, Int32Array.from(p));
    const total = lengths.reduce((a, b) => a + b, 0);
    return new Bm25(postings, lengths, terms.length > 0 ? total / terms.length : 0);
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

  /** Top passages for weighted query terms, best first. */
  search(query: ReadonlyMap<string, number>, limit: number): ScoredPassage[] {
    // Scores in an array the size of the corpus, and the passages touched in a list: no Map over long postings.
    const scores = new Float64Array(this.size);
    const touched: number[] = [];
    for (const [term, weight] of query) {
      const posting = this.postings.get(term);
      if (!posting) continue;
      const idf = this.idf(term) * weight;
      for (let i = 0; i < posting.length; i += 2) {
        const passage = posting[i]!;
        const tf = posting[i + 1]!;
        const norm = tf + K1 * (1 - B + (B * this.lengths[passage]!) / this.averageLength);
        if (scores[passage] === 0) touched.push(passage);
        scores[passage] = scores[passage]! + (idf * tf * (K1 + 1)) / norm;
      }
    }
    return topK(touched, (p) => scores[p]!, limit).map((passage) => ({ passage, score: scores[passage]! }));
  }
}

/** The `k` items of highest score, best first (ties by lower item); a bounded insertion, not a sort of everything. */
function topK(items: readonly number[], score: (item: number) => number, k: number): number[] {
  const best: number[] = [];
  const better = (a: number, b: number) => score(a) > score(b) || (score(a) === score(b) && a < b);
  for (const item of items) {
    if (best.length === k && !better(item, best[k - 1]!)) continue;
    let at = best.length === k ? k - 1 : best.length;
    while (at > 0 && better(item, best[at - 1]!)) {
      best[at] = best[at - 1]!;
      at--;
    }
    best[at] = item;
  }
  return best;
}
