/** A ranked list of keys from one signal, best first, with how much that signal counts. */
export interface RankedList<K> {
  name: string;
  keys: readonly K[];
  weight: number;
}

const RRF_K = 60;

/**
 * Reciprocal rank fusion: each signal adds weight / (60 + rank). Ranks, not raw scores, so BM25 scores,
 * cosine similarities and structural matches combine without calibration. Empty lists add nothing.
 */
export function reciprocalRankFusion<K>(lists: readonly RankedList<K>[]): Map<K, number> {
  const fused = new Map<K, number>();
  for (const { keys, weight } of lists) {
    keys.forEach((key, rank) => {
      fused.set(key, (fused.get(key) ?? 0) + weight / (RRF_K + rank + 1));
    });
  }
  return fused;
}
