/**
 * BM25's inverted index, as ingest counts it (`CorpusTerms`) and the index stores it, so that loading is reading: each term's
 * posting list of (passage, term frequency) pairs, and each passage's length in terms. Terms whose lists are the
 * same (a word and the bigram it is made of, in a large corpus) share one range of `pairs`.
 */
export interface Postings {
  /** Term i, in the order the passages first use them. */
  terms: string[];
  /** Each passage's length in terms. */
  lengths: Int32Array;
  /** Term i's pairs are `pairs[starts[i]]` up to `pairs[ends[i]]`. */
  starts: Int32Array;
  ends: Int32Array;
  pairs: Int32Array;
}

/** Lays each term's (passage, count) pairs end to end, identical lists on one range. */
export function packPostings(
  terms: readonly string[],
  lists: readonly number[][],
  lengths: readonly number[],
): Postings {
  const shared = new SharedRanges(lists.reduce((sum, list) => sum + list.length, 0));
  const starts = new Int32Array(terms.length);
  const ends = new Int32Array(terms.length);
  lists.forEach((list, n) => {
    starts[n] = shared.rangeOf(list);
    ends[n] = starts[n]! + list.length;
  });
  return { terms: [...terms], lengths: Int32Array.from(lengths), starts, ends, pairs: shared.packed() };
}

/** Lays identical lists on one range, so a search can tell them the same by where they start. */
class SharedRanges {
  private readonly values: Int32Array;
  private size = 0;
  private readonly byHash = new Map<number, { start: number; length: number }[]>();

  /** `capacity`: the lists' total length, what they take if none is shared. */
  constructor(capacity: number) {
    this.values = new Int32Array(capacity);
  }

  packed(): Int32Array {
    return this.values.subarray(0, this.size);
  }

  rangeOf(list: readonly number[]): number {
    let hash = 0x811c9dc5;
    for (const v of list) hash = Math.imul(hash ^ v, 0x01000193);
    const bucket = this.byHash.get(hash) ?? this.byHash.set(hash, []).get(hash)!;
    const same = bucket.find((r) => r.length === list.length && list.every((v, i) => this.values[r.start + i] === v));
    if (same) return same.start;
    const start = this.size;
    this.values.set(list, start);
    this.size += list.length;
    bucket.push({ start, length: list.length });
    return start;
  }
}
