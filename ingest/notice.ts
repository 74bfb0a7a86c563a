import { matchMarker, parseNumber } from './markers.js';
import type { Paragraph } from './repair.js';

/**
 * The lines a government document carries around its title, and where they end. A policy is often published with
 * the notice that issues it ahead of its title:
 *
 *   山东省人民政府 / 关于印发山东省新基建三年行动方案（2020-2022年）的通知 / 鲁政字〔2020〕228号 / 各市人民政府……：
 *   / 现将《……》印发给你们，请认真组织实施。 / 山东省人民政府 / 2020年11月2日 / （此件公开发布）
 *
 * or with its 文号, issuer and date on the lines right below the title.
 */
export interface Layout {
  /** The notice before the title: 发文机关, 关于印发…的通知, 文号, 主送, its text, signature, date. */
  notice: Paragraph[];
  /** The policy's own title line; null when the text has none. */
  title: Paragraph | null;
  /** Lines right below the title giving its 文号, issuer or date. */
  subtitle: Paragraph[];
  /** The policy's text: preamble, sections, 抄送. */
  body: Paragraph[];
}

const HAN = '\\p{Script=Han}';
// 〔〕 as typeset, and what web pages and OCR put in its place.
const OPEN = '[〔﹝\\[［（(【]';
const CLOSE = '[〕﹞\\]］）)】]';
const ISSUER_SUFFIX = '政府|办公厅|办公室|委员会|常委会|领导小组|厅|局|委|部|院|署|办';
const ISSUER = `${HAN}{1,40}?(?:${ISSUER_SUFFIX})`;
const CN_YEAR_DIGIT = '〇○零OＯ一二三四五六七八九';
const DATE = `(\\d{4}|[${CN_YEAR_DIGIT}]{4})年(\\d{1,2}|[一二三四五六七八九十]{1,3})月(\\d{1,2}|[一二三四五六七八九十]{1,3})日`;
const MAX_TITLE = 80;
// A notice is a few lines; a "date" further down is something else.
const MAX_NOTICE = 15;

/** "鲁政字〔2020〕228号", "国发[2021]5号", alone on a line or in brackets. */
const NUMBER_LINE = new RegExp(`^[（(]?(${HAN}{1,12}?)${OPEN}(\\d{4})${CLOSE}(\\d{1,5})号[）)]?$`, 'u');
/** An issuing body alone on a line: "山东省人民政府", "山东省发展和改革委员会". */
const ISSUER_LINE = new RegExp(`^(?!.*(?:关于|印发|通知))${ISSUER}$`, 'u');
/** 发文机关标志: "山东省人民政府文件". */
const BANNER_LINE = new RegExp(`^(${ISSUER})文件$`, 'u');
/** "山东省人民政府关于印发山东省新基建三年行动方案（2020-2022年）的通知". */
const NOTICE_TITLE = new RegExp(`^(${HAN}*?)关于(?:印发|转发)(.+)的通知$`, 'u');
/** The notice's own text: "现将《…》印发给你们", and the 主送 line it is addressed to. */
const NOTICE_TEXT = /印发给你们|转发给你们|^[^。；]{2,200}[：:]$/;
const DATE_LINE = new RegExp(`^[（(]?${DATE}[）)]?$`, 'u');
/** A bracketed note with a date: "（2020年11月2日山东省人民政府印发）". */
const DATED_NOTE = new RegExp(`^[（(][^（）()]{0,40}${DATE}[^（）()]{0,40}[）)]$`, 'u');
const PUBLICITY = /^[（(]此件[^（）()]{1,10}[）)]$/;

/** Splits a seed's paragraphs into notice, title, the lines below the title, and the policy's text. */
export function layOut(paragraphs: Paragraph[]): Layout {
  const n = noticeLength(paragraphs);
  const first = paragraphs[n];
  const hasTitle =
    first !== undefined &&
    matchMarker(first.text) === null &&
    first.text.length <= MAX_TITLE &&
    paragraphs.length - n > 1;
  let end = hasTitle ? n + 1 : n;
  if (hasTitle) while (end < paragraphs.length - 1 && isSubtitleLine(paragraphs[end]!.text)) end++;
  return {
    notice: paragraphs.slice(0, n),
    title: hasTitle ? first : null,
    subtitle: paragraphs.slice(hasTitle ? n + 1 : n, end),
    body: paragraphs.slice(end),
  };
}

/**
 * How many paragraphs the notice ahead of the title takes. It opens with 发文机关, 文号 or 关于印发…的通知; one that
 * says what it issues runs to its date (and a 此件公开发布 note). Otherwise only the run of notice lines at the top
 * counts, so the title of "山东省人民政府 / 山东省数据条例 / 2020年11月2日" is not taken for part of a notice.
 */
function noticeLength(paragraphs: Paragraph[]): number {
  if (paragraphs.length === 0 || !opensNotice(paragraphs[0]!.text)) return 0;
  const firstMarker = paragraphs.findIndex((p) => matchMarker(p.text) !== null);
  const limit = Math.min(firstMarker < 0 ? paragraphs.length : firstMarker, MAX_NOTICE);
  const head = paragraphs.slice(0, limit);
  const date = head.findIndex((p) => DATE_LINE.test(p.text));
  const issuesSomething = head
    .slice(0, Math.max(date, 0))
    .some((p) => NOTICE_TITLE.test(p.text) || NOTICE_TEXT.test(p.text));
  let n = 0;
  if (date >= 0 && issuesSomething) n = date + 1;
  else while (n < head.length && isNoticeLine(head[n]!.text)) n++;
  while (n < head.length && PUBLICITY.test(head[n]!.text)) n++;
  return n;
}

function opensNotice(text: string): boolean {
  return NUMBER_LINE.test(text) || ISSUER_LINE.test(text) || BANNER_LINE.test(text) || NOTICE_TITLE.test(text);
}

function isNoticeLine(text: string): boolean {
  return opensNotice(text) || DATE_LINE.test(text) || NOTICE_TEXT.test(text);
}

function isSubtitleLine(text: string): boolean {
  return (
    NUMBER_LINE.test(text) ||
    ISSUER_LINE.test(text) ||
    BANNER_LINE.test(text) ||
    DATE_LINE.test(text) ||
    DATED_NOTE.test(text) ||
    PUBLICITY.test(text)
  );
}

/** The 文号 a line consists of, brackets normalised: "鲁政字[2020]228号" → "鲁政字〔2020〕228号". */
export function docNumberOf(text: string): string | null {
  const m = NUMBER_LINE.exec(text);
  return m ? `${m[1]}〔${m[2]}〕${m[3]}号` : null;
}

/** The issuing body a line consists of: "山东省人民政府", or the same in a "山东省人民政府文件" banner. */
export function issuerOf(text: string): string | null {
  if (ISSUER_LINE.test(text)) return text;
  return BANNER_LINE.exec(text)?.[1] ?? null;
}

/** Who issues what, from "山东省人民政府关于印发《…》的通知"; the issuer is "" when the line does not name it. */
export function noticeTitleOf(text: string): { issuer: string; name: string } | null {
  const m = NOTICE_TITLE.exec(text);
  return m ? { issuer: m[1]!, name: m[2]!.replace(/^《(.*)》$/, '$1') } : null;
}

/** Whether the line is a date alone (the signature date of a notice). */
export function isDateLine(text: string): boolean {
  return DATE_LINE.test(text);
}

/** The ISO date of a line that is a date or a bracketed note with one: "二〇二〇年十一月二日" → "2020-11-02". */
export function dateOf(text: string): string | null {
  const m = DATE_LINE.exec(text) ?? DATED_NOTE.exec(text);
  if (!m) return null;
  const year = Number(
    m[1]!.replace(/[〇○零OＯ]/g, '0').replace(/[一二三四五六七八九]/g, (c) => String(parseNumber(c))),
  );
  const month = parseNumber(m[2]!);
  const day = parseNumber(m[3]!);
  if (month === null || day === null) return null;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return date.toISOString().slice(0, 10);
}
