import { chineseInteger } from '../src/core/text.js';

/** Structural markers of Chinese government documents, in the order they usually nest. */
export type MarkerKind = 'chapter' | 'part' | 'article' | 'cn' | 'cn-paren' | 'num' | 'num-paren' | 'circled';

const CN_DIGITS = '〇零一二三四五六七八九十百千两';
const N = `[${CN_DIGITS}\\d]+`;

const MARKERS: { kind: MarkerKind; re: RegExp }[] = [
  { kind: 'chapter', re: new RegExp(`^第(${N})章[\\s\u3000]*`) },
  { kind: 'part', re: new RegExp(`^第(${N})节[\\s\u3000]*`) },
  { kind: 'article', re: new RegExp(`^第(${N})条[\\s\u3000]*`) },
  { kind: 'cn', re: new RegExp(`^([${CN_DIGITS}]+)[、．.][\\s\u3000]*`) },
  { kind: 'cn-paren', re: new RegExp(`^[（(]([${CN_DIGITS}]+)[）)][\\s\u3000]*`) },
  // "1." but not "1.25" or "2020年": at most three digits, not followed by another digit.
  { kind: 'num', re: /^(\d{1,3})[.．、](?!\d)[\s\u3000]*/ },
  { kind: 'num-paren', re: /^[（(](\d{1,3})[）)][\s\u3000]*/ },
  { kind: 'circled', re: /^([①-⑳])[\s\u3000]*/ },
];

export interface Marker {
  kind: MarkerKind;
  number: number;
  /** The marker as written, e.g. "二、", "（三）", "1.", "第十二条". */
  text: string;
  /** What follows the marker on the same paragraph. */
  rest: string;
}

export function matchMarker(paragraph: string): Marker | null {
  for (const { kind, re } of MARKERS) {
    const m = re.exec(paragraph);
    if (!m) continue;
    const number = kind === 'circled' ? m[1]!.charCodeAt(0) - 0x2460 + 1 : parseNumber(m[1]!);
    if (number === null) continue;
    return { kind, number, text: m[0].trimEnd(), rest: paragraph.slice(m[0].length) };
  }
  return null;
}

const UNIT_LABEL = '责任单位|牵头单位|责任部门|牵头部门';
// The unit list may hold one level of brackets of its own: "各县（市、区）政府".
const UNIT_LIST = '((?:[^（）()]|[（(][^（）()]*[）)])*)';
/** A 责任单位 parenthetical closing a paragraph: "（责任单位：省能源局、省发展改革委，各市政府）". */
export const UNITS_RE = new RegExp(`[（(](?:${UNIT_LABEL})[：:]${UNIT_LIST}[）)]$`);
/** A paragraph that is nothing but a 责任单位 parenthetical: it belongs to the clause before it. */
export const UNITS_ONLY_RE = new RegExp(`^[（(](?:${UNIT_LABEL})[：:]${UNIT_LIST}[）)]$`);
/** Closing metadata lines that belong to the document, not to its last clause. */
export const FOOTER_RE = /^(抄送|主送|印发|发送|附件)[：:]/;

/** Splits on 、，；, but not inside brackets: "各县（市、区）政府" is one unit. */
export function splitUnits(raw: string): string[] {
  const units: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of raw) {
    if ('（('.includes(ch)) depth++;
    if ('）)'.includes(ch)) depth = Math.max(0, depth - 1);
    if (depth === 0 && '、，,；;'.includes(ch)) {
      units.push(current);
      current = '';
    } else current += ch;
  }
  units.push(current);
  return units.map((u) => u.trim()).filter((u) => u.length > 0);
}

/** "十二" → 12, "二十" → 20, "一百零三" → 103, "12" → 12; null for anything else. */
export function parseNumber(s: string): number | null {
  return /^\d+$/.test(s) ? Number(s) : chineseInteger(s);
}
