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

/**
 * Term i's (passage, count) pairs are `pairs[bounds[i]]` up to `pairs[bounds[i + 1]]`; identical lists are laid on
 * one range, in place, so the pairs shrink to what is not shared.
 */
export function packPostings(terms: string[], pairs: Int32Array, bounds: Int32Array, lengths: Int32Array): Postings {
  const starts = new Int32Array(terms.length);
  const ends = new Int32Array(terms.length);
  const byHash = new Map<number, { start: number; length: number }[]>();
  let size = 0;
  const same = (start: number, from: number, length: number) => {
    for (let i = 0; i < length; i++) if (pairs[start + i] !== pairs[from + i]) return false;
    return true;
  };
  for (let n = 0; n < terms.length; n++) {
    const from = bounds[n]!;
    const length = bounds[n + 1]! - from;
    let hash = 0x811c9dc5 ^ length;
    for (let i = from; i < from + length; i++) hash = Math.imul(hash ^ pairs[i]!, 0x01000193);
    const bucket = byHash.get(hash) ?? byHash.set(hash, []).get(hash)!;
    let start = bucket.find((r) => r.length === length && same(r.start, from, length))?.start;
    if (start === undefined) {
      // Everything before `from` is laid already, so moving a list down never overwrites one not yet read.
      pairs.copyWithin(size, from, from + length);
      start = size;
      size += length;
      bucket.push({ start, length });
    }
    starts[n] = start;
    ends[n] = start + length;
  }
  return { terms, lengths, starts, ends, pairs: pairs.subarray(0, size) };
}
