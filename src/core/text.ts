/** Text patterns both the ingest and the answering use, each written once. */

/** Measure words a figure may carry: "个", "座", "万个" is 万 + 个. */
export const MEASURE =
  '个|座|家|所|项|条|台|套|处|名|人|户|张|批|类|种|元|公里|千米|米|千伏|千瓦|兆瓦|吉瓦|平方米|亩|吨|次|倍|%|％';
const MAGNITUDE: Record<string, number> = { 千: 1e3, 万: 1e4, 亿: 1e8 };

/** A figure with its magnitude applied: 11.2 with "万个" is 112,000; figures are compared by this. */
export function amountOf(value: number, unit: string): number {
  return value * (MAGNITUDE[unit[0] ?? ''] ?? 1);
}

/** The measure word without its magnitude: "万个" → "个". */
export function measureOf(unit: string): string {
  return unit.replace(/^[千万亿](?=.)/, '');
}

/**
 * The longest quote. A sentence past it (a page-break-mangled seed can run on for pages without a 。) is quoted by
 * its parts: a quote must fit a Slack section (3,000 characters), and a target's context stays its own phrase
 * rather than the whole run, which made extraction quadratic. The policy's longest sentence is 168 characters.
 */
const LONGEST_QUOTE = 500;

/** Sentences as written, each keeping its closing punctuation: the unit of a quote. */
export function splitSentences(text: string): string[] {
  return text
    .split(/(?<=[。；！？\n])/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0)
    .flatMap((s) => (s.length > LONGEST_QUOTE ? partsOf(s) : [s]));
}

// Where a figure may go on: its digits, decimal point, magnitude and per cent.
const FIGURE_CHAR = /[\dA-Za-z.%％万亿千]/;

/** A long sentence as runs of its phrases (split after commas), each run as long as a quote may be. */
function partsOf(sentence: string): string[] {
  const parts: string[] = [];
  let run = '';
  for (const phrase of sentence.split(/(?<=[，,、：:])/)) {
    for (const piece of cutToLength(phrase)) {
      if (run.length + piece.length > LONGEST_QUOTE && run.length > 0) {
        parts.push(run);
        run = '';
      }
      run += piece;
    }
  }
  parts.push(run);
  return parts.map((p) => p.trim()).filter((p) => p.length > 0);
}

/** A phrase longer than a quote may be, cut into quotes; never inside a figure, so no number loses its digits. */
function cutToLength(phrase: string): string[] {
  const pieces: string[] = [];
  let rest = phrase;
  while (rest.length > LONGEST_QUOTE) {
    let at = LONGEST_QUOTE;
    while (at > 1 && FIGURE_CHAR.test(rest[at - 1]!)) at--;
    // A phrase that is one figure throughout is cut where it must be.
    if (at === 1) at = LONGEST_QUOTE;
    pieces.push(rest.slice(0, at));
    rest = rest.slice(at);
  }
  pieces.push(rest);
  return pieces;
}

/** A deadline as the policy writes it: "到2022年", "2020年底前", "2020年"; the year is group 1. */
export const DEADLINE = /(?:到|至)?(\d{4})年(?:底前|年底前|底|前)?/;
/** Every deadline of a text, for `replace` and `matchAll` (both start from the beginning whatever `lastIndex` is). */
export const DEADLINES = new RegExp(DEADLINE.source, 'g');

/** Every deadline phrase of a text. */
export function deadlinesIn(text: string): RegExpMatchArray[] {
  return [...text.matchAll(DEADLINES)];
}

/** Inverse document frequency as BM25 weighs it (Robertson–Sparck Jones, never negative). */
export function idf(documentFrequency: number, documents: number): number {
  return Math.log(1 + (documents - documentFrequency + 0.5) / (documentFrequency + 0.5));
}

/** A string as a regular expression that matches it literally. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const CHINESE_DIGITS: Record<string, number> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};
const CHINESE_UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

/**
 * A whole number below ten thousand written in Chinese numerals (三 3, 十二 12, 五十 50, 一百零五 105, 两千 2000), or
 * null: for anything else, and for digits written one after another ("二二"), which are not read as positions.
 */
export function chineseInteger(text: string): number | null {
  let total = 0;
  let digit: number | null = null;
  let zero = false;
  for (const ch of text) {
    const d = CHINESE_DIGITS[ch];
    const unit = CHINESE_UNITS[ch];
    if (d !== undefined) {
      if (digit !== null && !zero) return null;
      zero = d === 0;
      digit = d;
    } else if (unit !== undefined) {
      total += (digit ?? 1) * unit;
      digit = null;
      zero = false;
    } else {
      return null;
    }
  }
  return text.length === 0 ? null : total + (digit ?? 0);
}
