import type { Repair } from '../src/core/schema.js';
import { FOOTER_RE, UNITS_ONLY_RE, matchMarker } from './markers.js';
import { layOut, type Layout } from './notice.js';

/** A run of source lines that reads as one paragraph after repair. */
export interface Paragraph {
  text: string;
  /** 1-based first and last source line. */
  line: number;
  endLine: number;
}

export interface Repaired {
  /** Every paragraph in source order: `layout`'s parts, one after the other. */
  paragraphs: Paragraph[];
  layout: Layout;
  repairs: Repair[];
}

const HAN = '\\p{Script=Han}';
// Punctuation that may end a paragraph; a paragraph ending in anything else was cut by a page break.
const TERMINAL = /[。！？；：…”’」』》）)\]】.!?;:]$/u;
const FULLWIDTH_ALNUM = /[０-９Ａ-Ｚａ-ｚ％]/g;
const FULLWIDTH_DOT_IN_NUMBER = /(?<=[0-9０-９])．(?=[0-9０-９])/g;
const STRAY_LATIN = new RegExp(`(?<=${HAN})\\s*\\b(and|or)\\b\\s*(?=${HAN})`, 'giu');
const LATIN_REPLACEMENT: Record<string, string> = { and: '和', or: '或' };
// Tried first: the lookbehind above costs a scan of every line, and almost no line has either word.
const HAS_AND_OR = /\b(?:and|or)\b/i;
// Spacing inserted around Latin words and numbers in Chinese text ("到 2022 年", "11.2 万个", "PUE 值").
const CJK_SPACING = new RegExp(
  `(?<=[${HAN}\\p{Ps}\\p{Pe}\\p{Po}])[ \\t\u3000]+|[ \\t\u3000]+(?=[${HAN}\\p{Ps}\\p{Pe}\\p{Po}])`,
  'gu',
);

/**
 * Repairs the defects of text copied out of PDFs and web pages, logging every change:
 * full-width digits and letters, spacing around numbers, stray English connectives, and
 * paragraphs cut in two by page breaks (物\n\n联网, 山\n\n东惠才卡). The notice, title and the lines
 * under the title are set apart first: none of them is ever joined to the next line.
 */
export function repairText(text: string): Repaired {
  const repairs: Repair[] = [];
  const lines = text.split('\n').map((raw, i) => repairLine(raw, i + 1, repairs));
  const front = layOut(lines.flatMap((line, i) => (line === '' ? [] : [{ text: line, line: i + 1, endLine: i + 1 }])));

  const body: Paragraph[] = [];
  for (const { text: line, line: i } of front.body) {
    const previous = body.at(-1);
    if (previous && continuesAfterPageBreak(previous, line)) {
      repairs.push({
        kind: 'page-break-join',
        line: i,
        before: `${previous.text.slice(-8)}⏎${line.slice(0, 8)}`,
        after: `${previous.text.slice(-8)}${line.slice(0, 8)}`,
      });
      previous.text += line;
      previous.endLine = i;
      continue;
    }
    body.push({ text: line, line: i, endLine: i });
  }
  const layout = { ...front, body };
  return {
    paragraphs: [...layout.notice, ...(layout.title ? [layout.title] : []), ...layout.subtitle, ...body],
    layout,
    repairs,
  };
}

function repairLine(raw: string, line: number, repairs: Repair[]): string {
  const text = raw
    .replace(FULLWIDTH_DOT_IN_NUMBER, '.')
    .replace(FULLWIDTH_ALNUM, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
  if (text !== raw) repairs.push({ kind: 'fullwidth', line, ...excerpt(raw, text) });

  const stray = HAS_AND_OR.test(text)
    ? text.replace(STRAY_LATIN, (_m, word: string) => LATIN_REPLACEMENT[word.toLowerCase()]!)
    : text;
  if (stray !== text) repairs.push({ kind: 'stray-latin', line, ...excerpt(text, stray) });

  // Whitespace carries no text, so removing it is not logged.
  return stray.replace(CJK_SPACING, '').trim();
}

/** The changed stretch of a line with a little context on each side, so a log entry can be read and replayed. */
export function excerpt(before: string, after: string, context = 6): { before: string; after: string } {
  let start = 0;
  while (start < before.length && before[start] === after[start]) start++;
  let end = 0;
  while (end < before.length - start && end < after.length - start && before.at(-1 - end) === after.at(-1 - end)) end++;
  const from = Math.max(0, start - context);
  return {
    before: before.slice(from, Math.min(before.length, before.length - end + context)),
    after: after.slice(from, Math.min(after.length, after.length - end + context)),
  };
}

/** Headings and finished sentences end a paragraph; a new marker, 责任单位 or 抄送 starts one. */
function continuesAfterPageBreak(previous: Paragraph, next: string): boolean {
  if (TERMINAL.test(previous.text) || isHeadingLine(previous.text)) return false;
  return matchMarker(next) === null && !UNITS_ONLY_RE.test(next) && !FOOTER_RE.test(next);
}

/** "一、行动目标", "第三章 总则": a marker and a short title with no sentence in it. */
export function isHeadingLine(text: string): boolean {
  const marker = matchMarker(text);
  return marker !== null && marker.rest.length <= 40 && !/[。；]/.test(marker.rest.slice(0, -1));
}
