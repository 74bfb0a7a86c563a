import { pinyin } from 'pinyin-pro';
import type { Correction } from './query.js';

const MIN_SPAN = 2;
const MAX_SPAN = 8;
const HAN_RUN = /\p{Script=Han}+/gu;
const TONELESS = { toneType: 'none', type: 'array' } as const;

/**
 * Visually confusable characters, for typos made by handwriting or shape-based input rather than by pinyin.
 * Generic pairs any Chinese reader knows, not words of this corpus; each group is matched as one shape.
 */
const SHAPE_GROUPS = [
  '己已巳',
  '未末',
  '汽气',
  '侯候',
  '拨拔',
  '戊戌戍',
  '日曰',
  '人入',
  '土士',
  '干千于',
  '天夭',
  '刀力',
  '贝见',
  '折析',
  '斤斥',
  '冶治',
  '券卷',
  '崇祟',
  '徒徙',
  '栗粟',
  '壁璧',
  '往住',
  '材村',
  '枝技',
  '杨扬',
  '货贷',
];
const SHAPE = new Map(SHAPE_GROUPS.flatMap((group) => [...group].map((ch) => [ch, group[0]!] as const)));

/**
 * The sounds Mandarin speakers commonly merge: flat and retroflex initials (zh/z, ch/c, sh/s), n/l, and the
 * front and back nasal finals (-ng/-n, but not -ong, which has no -on). Only used for spans of four or more
 * characters with one character changed, and only when no term has the exact sound.
 */
function blur(syllable: string): string {
  let s = syllable.replace(/^([zcs])h/, '$1').replace(/^n(?!g)/, 'l');
  if (s.endsWith('ng') && !s.endsWith('ong')) s = s.slice(0, -1);
  return s;
}

/**
 * Never a typo of a term, whatever a term sounds like: what a question asks with (哪年, 什么, 多少), and the copula and
 * particles that join its parts ("青岛是…" is 青岛 and 是, not 青岛市).
 */
const KEPT_AS_WRITTEN = new Set('哪啥吗呢谁怎么几是的和与及');

// A corrected pair must read, with its neighbours, as a corpus phrase this long; longer still when the pair is a word.
const PHRASE = 4;
const STRONG_PHRASE = 5;

/** How many characters may differ from the term: one in a short span, a third of a long one. */
const maxChanges = (length: number) => (length <= 4 ? 1 : Math.floor(length / 3));

interface Match {
  /** Code-point offsets within the Han run. */
  start: number;
  length: number;
  /** Terms the span may be a typo of; more than one is a tie, and a tie corrects nothing. */
  terms: string[];
}

/** What the corrector may know besides the corpus. */
export interface TypoOptions {
  /**
   * Whether a text is a word of the general language (a dictionary lookup, e.g. jieba's dictionary). A span that
   * is a word in its own right (研究员, not a typo of 研究院) is left alone, and so is a span whose changed edge
   * character forms a word with the character beyond it (国家机关 is not 国家级 + 关). Without it only the corpus
   * is known: such real-word errors are made, and two-character spans are never corrected.
   */
  isWord?: (text: string) => boolean;
}

/** Which corpus terms sound (or look) like a span: indexes built once per corpus. */
interface Index {
  terms: ReadonlySet<string>;
  bySound: ReadonlyMap<string, string[]>;
  byBlurredSound: ReadonlyMap<string, string[]>;
  byShape: ReadonlyMap<string, string[]>;
}

/**
 * Corrects typos in a question toward the terms a corpus uses, by sound (same toneless pinyin) and by shape.
 * Precision comes first: a span is corrected only if the corpus never writes it, it is not a word in its own
 * right, exactly one corpus term fits, few characters change, and none of them is part of a corpus term already
 * in the question, a question word, or the edge of a word reaching beyond the span.
 */
export class TypoCorrector {
  private constructor(
    private readonly index: Index,
    private readonly contains: (text: string) => boolean,
    private readonly isWord: (text: string) => boolean,
    private readonly correctsPairs: boolean,
  ) {}

  /**
   * Built once per loaded corpus from its vocabulary (terms the corpus uses: words of 2+ Chinese characters,
   * headings, unit names, target subjects). Each entry contributes its runs of 2–8 Chinese characters.
   */
  static build(
    vocabulary: Iterable<string>,
    contains: (text: string) => boolean,
    options: TypoOptions = {},
  ): TypoCorrector {
    const terms = new Set<string>();
    for (const entry of vocabulary) {
      for (const run of entry.toLowerCase().match(HAN_RUN) ?? []) {
        const length = [...run].length;
        if (length >= MIN_SPAN && length <= MAX_SPAN) terms.add(run);
      }
    }
    const bySound = new Map<string, string[]>();
    const byBlurredSound = new Map<string, string[]>();
    const byShape = new Map<string, string[]>();
    for (const term of terms) {
      const chars = [...term];
      // Read as a whole, so a polyphonic character (行, 重, 长 …) gets the reading the word gives it.
      const syllables = pinyin(term, TONELESS);
      if (syllables.length !== chars.length) continue;
      push(bySound, syllables.join(' '), term);
      if (chars.length >= 4) push(byBlurredSound, syllables.map(blur).join(' '), term);
      if (chars.length >= 3 && chars.some((ch) => SHAPE.has(ch))) push(byShape, shapeOf(chars), term);
    }
    const { isWord } = options;
    // Whether a pair is a word in its own right takes a dictionary: without one, pairs stay as typed.
    const index = { terms, bySound, byBlurredSound, byShape };
    return new TypoCorrector(index, contains, isWord ?? (() => false), isWord !== undefined);
  }

  /**
   * Returns the text with likely typos replaced by corpus terms, and what was replaced. Text is normalised
   * (simplified, lower-case): pass what `normalizeQuestion` returns. Only Chinese characters change.
   */
  correct(text: string): { text: string; corrections: Correction[] } {
    const corrections: Correction[] = [];
    // A run of Chinese characters is the widest a correction may reach: never across punctuation or Latin.
    const corrected = text.replace(HAN_RUN, (run) => {
      const chars = [...run];
      if (chars.length < MIN_SPAN) return run;
      const syllables = pinyin(run, TONELESS);
      if (syllables.length !== chars.length) return run;
      const accepted = this.resolve(chars, this.matches(chars, syllables));
      for (const m of accepted) {
        corrections.push({ from: chars.slice(m.start, m.start + m.length).join(''), to: m.terms[0]! });
      }
      // Right to left, so splicing one correction leaves the offsets of the others valid.
      for (const m of accepted.reverse()) chars.splice(m.start, m.length, ...m.terms[0]!);
      return chars.join('');
    });
    return { text: corrected, corrections };
  }

  /** Every span that sounds or looks like a corpus term it is not, and may be a typo of it. */
  private matches(chars: string[], syllables: string[]): Match[] {
    const { terms, bySound, byBlurredSound, byShape } = this.index;
    const protectedAt = new Uint8Array(chars.length);
    const found: Match[] = [];
    const blurred = syllables.map(blur);
    for (let start = 0; start + MIN_SPAN <= chars.length; start++) {
      let span = chars[start]!;
      let sound = syllables[start]!;
      let blurredSound = blurred[start]!;
      let shaped = SHAPE.has(span);
      for (let length = 2; length <= MAX_SPAN && start + length <= chars.length; length++) {
        const end = start + length - 1;
        span += chars[end];
        sound += ` ${syllables[end]}`;
        blurredSound += ` ${blurred[end]}`;
        shaped ||= SHAPE.has(chars[end]!);
        if (terms.has(span)) {
          protectedAt.fill(1, start, end + 1);
          continue;
        }
        if (length === 2 && !this.correctsPairs) continue;
        // Lookups first: almost every span misses all three maps, and the span's characters are copied only on a hit.
        let fits = fitting(chars, start, bySound.get(sound), maxChanges(length));
        if (fits.length === 0 && length >= 4) fits = fitting(chars, start, byBlurredSound.get(blurredSound), 1);
        if (fits.length === 0 && length >= 3 && shaped) {
          fits = fitting(chars, start, byShape.get(shapeOf(chars.slice(start, end + 1))), 1);
        }
        if (fits.length > 0) found.push({ start, length, terms: fits });
      }
    }
    // Checked after the scan, when every corpus term in the question is known; the costly tests only for matches.
    return found.filter((m) => {
      const span = chars.slice(m.start, m.start + m.length).join('');
      if (this.contains(span)) return false;
      // A pair that is a word in its own right (建康) is a typo only where the fix reads as a longer phrase the corpus writes (电子健康卡).
      if (
        this.isWord(span) &&
        !(m.length === 2 && m.terms.length === 1 && this.completesPhrase(chars, m, STRONG_PHRASE))
      )
        return false;
      if (m.terms.length > 1) return true;
      const term = [...m.terms[0]!];
      for (let k = 0; k < m.length; k++) {
        const at = m.start + k;
        if (term[k] === chars[at]) continue;
        if (protectedAt[at] || KEPT_AS_WRITTEN.has(chars[at]!) || this.wordAcrossEdge(chars, m, at)) return false;
      }
      return true;
    });
  }

  /** Whether the character at `at`, on an edge of the match, starts or ends a word reaching beyond it. */
  private wordAcrossEdge(chars: string[], m: Match, at: number): boolean {
    const end = m.start + m.length - 1;
    for (let reach = 1; reach <= 3; reach++) {
      if (at === m.start && at - reach >= 0 && this.isWord(chars.slice(at - reach, at + 1).join(''))) return true;
      if (at === end && at + reach < chars.length && this.isWord(chars.slice(at, at + reach + 1).join(''))) return true;
    }
    return false;
  }

  /**
   * A two-character span is often a word in its own right, so it is corrected only when it is no word (which needs
   * `isWord`) and the corrected pair and at least two of its neighbours then read as a phrase the corpus writes
   * (打早算力 → 打造算力).
   */
  private completesPhrase(chars: string[], { start, terms }: Match, minLength = PHRASE): boolean {
    const fixed = [...chars.slice(0, start), ...terms[0]!, ...chars.slice(start + 2)];
    for (let from = Math.max(0, start - MAX_SPAN + 2); from <= start; from++) {
      for (let to = Math.max(start + 2, from + minLength); to <= Math.min(fixed.length, from + MAX_SPAN); to++) {
        if (this.contains(fixed.slice(from, to).join(''))) return true;
      }
    }
    return false;
  }

  /**
   * Longest spans first; a tie, or two overlapping spans of one length that change different characters, leaves
   * its characters alone, and a shorter span may not correct them either. Returns matches left to right.
   */
  private resolve(chars: string[], found: Match[]): Match[] {
    const claimed = new Uint8Array(chars.length);
    const accepted: Match[] = [];
    const free = (m: Match) => !claimed.subarray(m.start, m.start + m.length).some(Boolean);
    const overlap = (a: Match, b: Match) => a.start < b.start + b.length && b.start < a.start + a.length;
    const lengths = [...new Set(found.map((m) => m.length))].sort((a, b) => b - a);
    for (const length of lengths) {
      // A pair is checked against the corpus only where no longer span has claimed it: the check costs a few scans.
      const group = found.filter(
        (m) => m.length === length && free(m) && (length > 2 || m.terms.length > 1 || this.completesPhrase(chars, m)),
      );
      const doubtful = group.filter(
        (m) => m.terms.length > 1 || group.some((o) => o !== m && overlap(m, o) && edits(chars, o) !== edits(chars, m)),
      );
      for (const m of group) {
        if (!doubtful.includes(m) && free(m)) accepted.push(m);
        claimed.fill(1, m.start, m.start + m.length);
      }
    }
    return accepted.sort((a, b) => a.start - b.start);
  }
}

/** Terms the span at `start` may be a typo of: same length, at least one and at most `limit` characters different. */
function fitting(chars: string[], start: number, terms: string[] | undefined, limit: number): string[] {
  if (!terms) return [];
  return terms.filter((term) => {
    let changes = 0;
    let k = start;
    for (const ch of term) if (ch !== chars[k++]) changes++;
    return changes >= 1 && changes <= limit;
  });
}

/** What a match changes, as "offset:character" pairs, to tell whether two overlapping matches agree. */
function edits(chars: string[], m: Match): string {
  const term = [...m.terms[0]!];
  return term.flatMap((ch, k) => (ch === chars[m.start + k] ? [] : [`${m.start + k}:${ch}`])).join(' ');
}

const shapeOf = (chars: string[]) => chars.map((ch) => SHAPE.get(ch) ?? ch).join('');

function push(map: Map<string, string[]>, key: string, term: string): void {
  const list = map.get(key);
  if (list) list.push(term);
  else map.set(key, [term]);
}
