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

  private constructor(
    private readonly postings: Map<string, Int32Array>,
    private readonly lengths: Float32Array,
    averageLength: number,
  ) {
    this.norms = Float64Array.from(lengths, (length) => K1 * (1 - B + (B * length) / averageLength));
    this.scores = new Float64Array(lengths.length);
  }

  /** `terms[i]` holds the space-separated terms of passage i. */
  static build(terms: readonly string[]): Bm25 {
    // Terms are numbered as first met and counted in a reused array: no Map a passage, on millions of terms.
    const ids = new Map<string, number>();
    const growing: number[][] = [];
    let counts: Int32Array = new Int32Array(1024);
    const touched: number[] = [];
    const lengths = new Float32Array(terms.length);
    terms.forEach((line, passage) => {
      if (line.length === 0) return;
      const list = line.split(' ');
      for (const term of list) {
        let id = ids.get(term);
        if (id === undefined) {
          id = growing.length;
          ids.set(term, id);
          growing.push([]);
          if (id >= counts.length) counts = grow(counts);
        }
        if (counts[id] === 0) touched.push(id);
        counts[id] = counts[id]! + 1;
      }
      lengths[passage] = list.length;
      for (const id of touched) {
        growing[id]!.push(passage, counts[id]!);
        counts[id] = 0;
      }
      touched.length = 0;
    });
    const postings = new Map<string, Int32Array>();
    const shared = new PostingPool();
    for (const [term, id] of ids) postings.set(term, shared.intern(growing[id]!));
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
    // Term at a time into the scratch array; the passages touched are listed so only they are ranked and reset.
    const { scores, norms } = this;
    const touched: number[] = [];
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
        if (scores[passage] === 0) touched.push(passage);
        scores[passage] = scores[passage]! + (gain * tf) / (tf + norms[passage]!);
      }
    }
    const best = topK(touched, scores, limit).map((passage) => ({ passage, score: scores[passage]! }));
    for (const passage of touched) scores[passage] = 0;
    return best;
  }
}

/** The `k` items of highest score, best first (ties by lower item); a bounded insertion, not a sort of everything. */
function topK(items: readonly number[], scores: Float64Array, k: number): number[] {
  const best: number[] = [];
  if (k <= 0) return best;
  const better = (a: number, b: number) => scores[a]! > scores[b]! || (scores[a] === scores[b] && a < b);
  for (const item of items) {
    // Most items lose to the last of a full list: decided inline, without the comparison's call.
    if (best.length === k) {
      const last = best[k - 1]!;
      const score = scores[item]!;
      if (score < scores[last]! || (score === scores[last] && item > last)) continue;
    }
    let at = best.length === k ? k - 1 : best.length;
    while (at > 0 && better(item, best[at - 1]!)) {
      best[at] = best[at - 1]!;
      at--;
    }
    best[at] = item;
  }
  return best;
}

function grow(counts: Int32Array): Int32Array {
  const bigger = new Int32Array(counts.length * 2);
  bigger.set(counts);
  return bigger;
}

/** Hands out one array for posting lists with the same contents, so a search can tell them the same by identity. */
class PostingPool {
  private readonly byHash = new Map<number, Int32Array[]>();

  intern(values: readonly number[]): Int32Array {
    let hash = 0x811c9dc5;
    for (const v of values) hash = Math.imul(hash ^ v, 0x01000193);
    const bucket = this.byHash.get(hash);
    const same = bucket?.find((p) => p.length === values.length && p.every((v, i) => v === values[i]));
    if (same) return same;
    const posting = Int32Array.from(values);
    if (bucket) bucket.push(posting);
    else this.byHash.set(hash, [posting]);
    return posting;
  }
}
