import { DEADLINES } from '../core/text.js';
import type { Asker } from './query.js';
import type { TaggedWord, Tokenizer } from '../core/tokenizer.js';
import { QUESTION_WORDS, askedBy } from './cues.js';
import { SHANDONG_CITIES } from './places.js';

/**
 * An enterprise describing itself ("我们是做数据中心的企业", "我们公司做化工", "本企业从事物联网"): what it does is
 * the topic; that it is an enterprise is not, or every clause that mentions 企业 would look relevant.
 */
const SELF = /(?:我们|我们这|我|本|我司|咱们)(?:这边|这里)?(?:是|为)?(?:一家|一个|家)?/;
// What an asker may be: a company, a factory, a cooperative, an association, a hospital, a school, a park.
const ORG =
  '初创企业|初创公司|初创|创业公司|企业|公司|厂家|工厂|厂|单位|合作社|协会|机构|医院|学校|园区|集团|商户|个体户|运营商|服务商|供应商|厂商|开发商|制造商';
const DOES = '做|从事|经营|搞|生产|研发|主营|主要做|主要从事|专注|专门做|提供|开发|制造|运营';
const LEADING_DOES = new RegExp(`^(?:${DOES})`);
const ASKER_PATTERNS = [
  // 我们是(聊城的)(一家)做X的企业 / 我们是X企业
  new RegExp(
    `${SELF.source}(?:[^，,。；？?]{0,8}?的)?(?:一家|一个)?(?:${DOES})?([^，,。；？?]{2,}?)(?:方面|领域|行业|相关)?的?(?:${ORG})`,
    'u',
  ),
  // 我们公司做X / 本公司主营X / 我司从事X
  new RegExp(`(?:我们|我|本|咱们)(?:的)?(?:${ORG}|司)(?:是|主要)?(?:${DOES})([^，,。；？?]{2,})`, 'u'),
  // 我们做X，… / 公司是做X的: only at the start, where it describes the asker rather than asks what to do
  new RegExp(`^(?:我们|咱们|我|(?:我们|本|我)?(?:${ORG}))(?:这边|主要|是)*(?:${DOES})([^，,。；？?]{2,})`, 'u'),
];
const BUSINESS_FILLER = /^(?:一家|一个|家|专门|主要|也|在|是)+|(?:的|业务|生意|产品|方面|领域|行业|相关)+$/g;

/** The enterprise a question describes, or null. */
export function readAsker(text: string): Asker | null {
  for (const pattern of ASKER_PATTERNS) {
    const m = pattern.exec(text);
    if (!m) continue;
    const city = SHANDONG_CITIES.find((c) => text.includes(c)) ?? null;
    const business = businessOf(m[1]!, city);
    // "我们做什么": a question, not a business.
    if (topicOf(business, null).length >= 2) return { business, city };
  }
  return null;
}

/** "我们是聊城的一家做智慧农业的企业": the place is where it is, and 一家 and 做 are not what it does. */
function businessOf(described: string, city: string | null): string {
  return described
    .replace(city ? new RegExp(`^${city}(?:市)?的?`) : /^$/, '')
    .replace(BUSINESS_FILLER, '')
    .replace(LEADING_DOES, '');
}

/** The question without its cue phrases (and without an enterprise's self-description): what it is about. */
export function topicOf(text: string, asker: Asker | null): string {
  const withoutAsker = asker ? stripAsker(text) : text;
  return clean(withoutAsker.replace(QUESTION_WORDS, ' '));
}

/** The question with the enterprise's self-description put as what it does alone ("我们是济南一家云服务企业" → 云服务). */
function stripAsker(text: string): string {
  const city = SHANDONG_CITIES.find((c) => text.includes(c)) ?? null;
  let rest = text;
  for (const pattern of ASKER_PATTERNS)
    rest = rest.replace(pattern, (_m, described: string) => ` ${businessOf(described, city)} `);
  return rest;
}

/** Punctuation goes, except inside terms such as NB-IoT, 11.2, 5G+ and 15%. */
function clean(text: string): string {
  return text
    .replace(/(?![-.+%](?<=[a-z0-9][-.+%])(?=[a-z0-9]))[\p{P}\p{S}]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

const PUNCTUATION_MARKS = ['，', ',', ';', '；', '？', '?', '。', '！', '!', '：', ':'];
const PUNCTUATION = new Set(PUNCTUATION_MARKS);

// Words that join subjects, as jieba segments them: "与" alone, not inside "参与"; "比" alone, not inside "比例".
const JOINERS = new Set(['以及', '还有', '和', '与', '及', '跟', '同', '、', ...PUNCTUATION_MARKS]);
const FRAMED_BY = new Set(['：', ':']);
// "工业互联网这块，…", "数据中心上架率：…": a piece that frames the others; each of them is about it.
const FRAME = /(?:这块|这一块|这方面|这一方面|方面|领域|这边|板块|里|里面|中|当中|之中)$/;

export interface SubjectOptions {
  /** A comparison: "比" joins its two subjects. */
  comparing: boolean;
  /** Words that frame a question rather than name a subject. */
  framing: (word: string) => boolean;
  /** Whether a piece names something the corpus never does. */
  unknown: (piece: string) => boolean;
  /** Nothing else to go on (no conversation, unit or part): a piece naming no noun ("申请扩建") is still the subject. */
  alone: boolean;
  /** jieba with the corpus's own terms. */
  tokenizer: Tokenizer;
}

/**
 * The subjects a question asks about, one per part of a several-part question: "数据中心集聚区和智慧社区样板分别
 * 要建多少" names two. Each part keeps only what names its topic; a framing part ("工业互联网这块，…") is prefixed
 * to each of the others.
 */
export function subjectsOf(text: string, asker: Asker | null, options: SubjectOptions): string[] {
  const { comparing, framing, alone, tokenizer } = options;
  const frames: Piece[] = [];
  const pieces: Piece[] = [];
  let raw = '';
  const close = (joiner: string | null) => {
    const subject = tidy(topicOf(raw.replace(DEADLINES, ' '), null));
    if (subject && names(tokenizer.tagged(subject), subject, framing, alone)) {
      const frame = joiner !== null && (FRAME.test(raw.trim()) || FRAMED_BY.has(joiner));
      const piece = {
        subject: subject.replace(FRAME, '').trim(),
        chatter: PUNCTUATION.has(joiner ?? '。') && !askedBy(raw),
      };
      (frame ? frames : pieces).push(piece);
    }
    raw = '';
  };
  for (const token of tokenizer.segments(asker ? stripAsker(text) : text)) {
    if (JOINERS.has(token) || (comparing && token === '比')) close(token);
    else raw += token;
  }
  close(null);
  // Context around the question ("下周给区县培训，PPT上要放两个核心数：…") asks nothing and names what the policy
  // does not: it is left out when something else is asked. A subject joined by 和 or 、 is never context.
  const asked = pieces.filter((p) => !(p.chatter && options.unknown(p.subject)));
  const kept = asked.some((p) => !p.chatter) ? asked : pieces;
  const frame = frames
    .filter((f) => !(kept !== pieces && options.unknown(f.subject)))
    .map((f) => f.subject)
    .filter(Boolean)
    .join(' ');
  if (kept.length === 0) return frame ? [frame] : [];
  return kept.map((p) => (frame ? `${frame} ${p.subject}` : p.subject));
}

interface Piece {
  subject: string;
  /** Ended by punctuation, and asks nothing itself: may be context rather than a subject. */
  chatter: boolean;
}

/** Whether a piece names anything: a noun that does not merely frame the question ("列出 作为 全部" names nothing). */
function names(
  tagged: readonly TaggedWord[],
  piece: string,
  framing: (word: string) => boolean,
  alone: boolean,
): boolean {
  // Verbal nouns name a subject too ("测试", "扩建"), unless they merely frame it ("建设", "完成").
  const found = tagged.filter((t) => t.noun || t.verbal).map((t) => t.word);
  if (found.length === 0) return alone || /[a-z0-9]/.test(piece);
  return found.some((w) => !framing(w)) || /[a-z0-9]/.test(piece);
}

// "特高压入鲁和城际高铁这两项": words that point back at the subjects just named add nothing to the last of them.
const BACK_REFERENCE = /(?:这|那)(?:两|二|三|四|几)(?:项|个|件|类|者|方面)$|(?:两|二)者$/;

/** A subject without the particles around it ("加氢站的 是" → "加氢站") and without loose single characters. */
function tidy(subject: string): string {
  return subject
    .split(' ')
    .map((w) =>
      w
        .replace(BACK_REFERENCE, '')
        .replace(/^(?:的|是|有|个|由|为|在|对|把|将|关于|针对|那)+|(?:的|是|有|要|建|各|都|呢|吗|了|啊|吧)+$/g, ''),
    )
    .filter((w) => w.length >= 2 || /[a-z0-9]/.test(w))
    .join(' ');
}
