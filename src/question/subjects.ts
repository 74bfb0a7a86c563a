import { QUESTION_WORDS } from './cues.js';
import { SHANDONG_CITIES } from './places.js';

/**
 * An enterprise describing itself ("我们是做数据中心的企业", "我们公司做化工", "本企业从事物联网"): what it does is
 * the topic; that it is an enterprise is not, or every clause that mentions 企业 would look relevant.
 */
const SELF = /(?:我们|我们这|我|本|我司|咱们)(?:这边|这里)?(?:是|为)?(?:一家|一个|家)?/;
const ASKER_PATTERNS = [
  // 我们是(聊城的)(一家)做X的企业 / 我们是X企业
  new RegExp(`${SELF.source}(?:[^，,。；？?]{0,8}?的)?(?:一家|一个)?(?:做|从事|经营|搞|生产|研发)?([^，,。；？?]{2,}?)(?:方面|领域|行业|相关)?的?(?:企业|公司|厂|单位|工厂|厂家|园区)`, 'u'),
  // 我们公司做X / 我司从事X
  /(?:我们|我|本|咱们)(?:的)?(?:公司|企业|司|单位|厂|工厂)(?:是|主要)?(?:做|从事|经营|搞|生产|研发)([^，,。；？?]{2,})/u,
];
const BUSINESS_FILLER = /^(?:一家|一个|家|专门|主要|也|在|是)+|(?:的|业务|生意|产品|方面|领域|行业|相关)+$/g;

export interface Asker {
  business: string;
  city: string | null;
}

/** The enterprise a question describes, or null. */
export function readAsker(text: string): Asker | null {
  for (const pattern of ASKER_PATTERNS) {
    const m = pattern.exec(text);
    if (!m) continue;
    let business = m[1]!.replace(BUSINESS_FILLER, '');
    const city = SHANDONG_CITIES.find((c) => text.includes(c)) ?? null;
    // "我们是聊城的一家做智慧农业的企业": the place is where it is, not what it does.
    if (city) business = business.replace(new RegExp(`^${city}(?:市)?的?`), '');
    business = business.replace(/^(?:做|从事|经营|搞|生产|研发)/, '');
    if (business.length >= 2) return { business, city };
  }
  return null;
}

/** The question without its cue phrases (and without an enterprise's self-description): what it is about. */
export function topicOf(text: string, asker: Asker | null): string {
  const withoutAsker = asker ? stripAsker(text) : text;
  return clean(withoutAsker.replace(QUESTION_WORDS, ' '));
}

function stripAsker(text: string): string {
  let rest = text;
  for (const pattern of ASKER_PATTERNS) rest = rest.replace(pattern, (_m, business: string) => ` ${business} `);
  return rest;
}

/** Punctuation goes, except inside terms such as NB-IoT, 11.2, 5G+ and 15%. */
export function clean(text: string): string {
  return text
    .replace(/(?![-.+%](?<=[a-z0-9][-.+%])(?=[a-z0-9]))[\p{P}\p{S}]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

// "和", "与", "及" join two subjects; so does a comma or "、" between noun phrases, and "比" in a comparison.
const JOINERS = /以及|还有|和|与|及|跟|同|、|，|,|;|；|比/;
// A conjunction inside a word the corpus spells with it (省工业和信息化厅, 文化和旅游) is not a joiner.
const MASK = '\u0001';

/**
 * Splits a topic into the subjects it joins: "数据中心集聚区 智慧社区样板" from "数据中心集聚区和智慧社区样板".
 * Words the corpus writes with a conjunction inside (unit names) stay whole. One subject when nothing splits.
 */
export function splitSubjects(topic: string, protectedTerms: readonly string[]): string[] {
  const kept: string[] = [];
  let masked = topic;
  for (const term of protectedTerms) {
    if (!JOINERS.test(term) || !masked.includes(term)) continue;
    masked = masked.split(term).join(`${MASK}${kept.length}${MASK}`);
    kept.push(term);
  }
  const restore = (s: string) => s.replace(new RegExp(`${MASK}(\\d+)${MASK}`, 'g'), (_m, i: string) => kept[Number(i)]!);
  const parts = masked
    .split(new RegExp(JOINERS.source, 'g'))
    // A lone character between spaces ("个" left of "多少个") is a measure word or particle, not part of a subject.
    .map((p) => restore(p).replace(/(?:^|\s)\p{Script=Han}(?=\s|$)/gu, ' ').trim())
    .filter((p) => p.length > 0);
  // A piece of one character ("市") is a modifier cut loose, not a subject.
  if (parts.length < 2 || parts.some((p) => p.replace(/\s/g, '').length < 2)) return topic ? [topic] : [];
  return parts;
}
