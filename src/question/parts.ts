import type { OutlineNode } from '../core/schema.js';

/** A part of a policy with sub-parts; `heading` is normalised for matching. */
export interface Part {
  doc: string;
  node: OutlineNode;
  heading: string;
}

// A part is named by enough of its heading: "创新基础设施" names "创新基础设施突破行动".
const MIN_PART_CHARS = 4;
const MIN_PART_SHARE = 0.5;

/**
 * The outline part whose heading the question names most of. Several documents may have a part of the same name
 * (保障措施): the first stands for them all, since a part is found among clauses by its heading. Two different
 * headings named equally well are ambiguous: none is returned.
 */
export function findPart(text: string, parts: readonly Part[]): Part | undefined {
  const scored = candidatesOf(text, parts)
    .map((p) => {
      const shared = longestCommonSubstring(text, p.heading);
      return { p, shared, share: p.heading.length ? shared / p.heading.length : 0 };
    })
    .filter((s) => s.shared >= Math.min(MIN_PART_CHARS, s.p.heading.length) && s.share >= MIN_PART_SHARE)
    .sort((a, b) => b.share - a.share || b.shared - a.shared);
  const best = scored[0];
  if (!best) return undefined;
  const tied = scored.filter((s) => s.share === best.share && s.shared === best.shared);
  return tied.every((s) => s.p.heading === best.p.heading) ? best.p : undefined;
}

interface PairIndex {
  /** For each pair of characters, the parts (by position) whose heading holds it. */
  byPair: Map<string, number[]>;
  /** Scratch counts, one a part, zero outside a lookup. */
  counts: Uint32Array;
}

const pairIndexes = new WeakMap<readonly Part[], PairIndex>();

/** The parts that share at least one pair of characters with the text: an index of pairs, built once a corpus. */
function candidatesOf(text: string, parts: readonly Part[]): Part[] {
  let index = pairIndexes.get(parts);
  if (!index) {
    const byPair = new Map<string, number[]>();
    parts.forEach((p, i) => {
      for (const pair of new Set(pairsOf(p.heading))) (byPair.get(pair) ?? byPair.set(pair, []).get(pair)!).push(i);
    });
    index = { byPair, counts: new Uint32Array(parts.length) };
    pairIndexes.set(parts, index);
  }
  // Only the parts the text's pairs reach are counted and looked at: a corpus of many documents has many parts.
  const { counts } = index;
  const touched: number[] = [];
  for (const pair of new Set(pairsOf(text)))
    for (const i of index.byPair.get(pair) ?? []) {
      if (counts[i] === 0) touched.push(i);
      counts[i] = counts[i]! + 1;
    }
  // A heading named by at least MIN_PART_CHARS characters in a row shares that many pairs, less one, with the text.
  const named = touched.filter(
    (i) => counts[i]! >= Math.max(1, Math.min(MIN_PART_CHARS, parts[i]!.heading.length) - 1),
  );
  for (const i of touched) counts[i] = 0;
  // Only the first part of each heading: it stands for the others (findPart), and many documents repeat one.
  const headings = new Set<string>();
  return named
    .sort((a, b) => a - b)
    .map((i) => parts[i]!)
    .filter((p) => !headings.has(p.heading) && headings.add(p.heading));
}

function pairsOf(text: string): string[] {
  return [...text].flatMap((_c, i, all) => (i + 1 < all.length ? [all[i]! + all[i + 1]!] : []));
}

function longestCommonSubstring(a: string, b: string): number {
  let best = 0;
  let previous = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    const row = new Array<number>(b.length + 1).fill(0);
    for (let j = 1; j <= b.length; j++) {
      if (a[i - 1] !== b[j - 1]) continue;
      row[j] = previous[j - 1]! + 1;
      best = Math.max(best, row[j]!);
    }
    previous = row;
  }
  return best;
}

/** "2.1" is inside "2" but not inside "20". */
export function isWithin(section: string, ancestor: string): boolean {
  return section === ancestor || section.startsWith(`${ancestor}.`);
}

export function compareSections(a: string, b: string): number {
  const x = a.split('.').map(Number);
  const y = b.split('.').map(Number);
  for (let i = 0; i < Math.max(x.length, y.length); i++)
    if ((x[i] ?? -1) !== (y[i] ?? -1)) return (x[i] ?? -1) - (y[i] ?? -1);
  return 0;
}
