import type { Intent } from '../answer/types.js';

/** Phrases that ask who, when or where; they say what kind of answer is wanted and name no topic. */
const WHO = [
  '谁负责', '由谁', '谁来', '谁牵头', '责任单位', '牵头单位', '牵头部门', '责任部门', '负责单位', '负责部门', '主管部门', '落实单位',
  '哪些部门', '哪个部门', '什么部门', '哪些单位', '哪个单位', '什么单位', '归哪', '谁管',
];
const WHEN = ['什么时候', '何时', '哪一年', '哪年', '时间节点', '期限', '截止'];
const WHERE = ['哪些城市', '哪个城市', '哪几个市', '哪些市', '哪些地方', '哪些地区', '哪里', '什么地方', '在哪'];
const anyOf = (phrases: readonly string[]) => new RegExp(phrases.join('|'));

const CUES: Record<Exclude<Intent, 'fact' | 'by_unit' | 'overview'>, RegExp> = {
  who: anyOf([...WHO, '归口']),
  // "几个" counts, "哪几个方面" lists.
  number: /多少|(?<!哪)几[个座家项所处条类种]|[建有是达]几|目标值|数量|规模|比例|比重|百分之|占比|多大|多高|多低/,
  // A deadline ("年底前") asks when, but stays in the topic: the clause says it too.
  when: anyOf([...WHEN, '几年', '年底前', '之前完成', '时限']),
  where: anyOf(WHERE),
};
const UNIT_DUTY = /负责|涉及|承担|牵头|参与|落实|任务|工作|事项|职责|职能|分工|要做|干什么|做什么|管什么/;
const LIST = /分为|包括|包含|有哪些|有哪几|哪几部分|哪几个方面|哪些方面|哪几方面|主要内容|哪几类|哪些措施|是什么|概况|概要|总体/;
const TARGET_WORD = /目标|指标/;

/**
 * Words that ask rather than name a topic; retrieval ignores them. Longest first, so "哪些部门" goes before "哪些".
 * Words the policy uses as topics (上架率, 比例) are not here: they stay in the topic.
 */
const QUESTION_PHRASES = [
  ...WHO, ...WHEN, ...WHERE, '归口单位', '归口部门', '部门', '单位', '事项', '负责', '多少', '几个', '几座', '几家', '几项', '几所',
  '几处', '几条', '几类', '几种', '哪一条', '哪条', '哪项', '哪些', '哪个', '哪几', '什么', '怎么', '如何', '是否', '有没有', '能否',
  '请问', '一下', '目标值', '目标', '指标', '数量', '要求', '情况', '内容', '方面', '规定', '政策', '任务', '工作', '条款', '我们公司',
  '我公司', '本公司', '我司', '我们单位', '我们企业', '分为', '包括', '包含', '部分', '吗', '呢', '呀', '吧',
].sort((a, b) => b.length - a.length);
const QUESTION_WORDS = new RegExp(QUESTION_PHRASES.join('|'), 'g');
/**
 * An enterprise describing itself ("我们是做数据中心的企业", "做物联网的公司"): what it does is the topic; that it
 * is an enterprise is not, or every clause that mentions 企业 would look relevant.
 */
const ASKER = /(?:(?:我们|我|本)(?:是|这边是)?(?:一家|一个)?(?:做|从事|经营)?|(?:做|从事|经营))([^，,。？?]{2,}?)(?:的|相关)?(?:企业|公司|单位)/g;

export interface IntentSignals {
  /** A 责任单位 the question names (as the corpus spells it). */
  unit: string | null;
  /** An outline heading the question names (a part of the policy with sub-parts). */
  part: boolean;
}

/** Decides what kind of answer the question wants. */
export function detectIntent(question: string, signals: IntentSignals): Intent {
  if (signals.unit && !CUES.who.test(question) && UNIT_DUTY.test(question)) return 'by_unit';
  if (CUES.who.test(question)) return 'who';
  if (signals.part && LIST.test(question) && !CUES.number.test(question)) return 'overview';
  if (CUES.number.test(question) || TARGET_WORD.test(question)) return 'number';
  if (CUES.when.test(question)) return 'when';
  if (CUES.where.test(question)) return 'where';
  return 'fact';
}

/** The question without its cue phrases: what it is about. */
export function topicOf(question: string): string {
  // Punctuation goes, except inside terms such as NB-IoT, 11.2, 5G+ and 15%.
  return question
    .replace(ASKER, '$1 ')
    .replace(QUESTION_WORDS, ' ')
    .replace(/(?![-.+%](?<=[a-z0-9][-.+%])(?=[a-z0-9]))[\p{P}\p{S}]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** "那充电桩呢？", "还有加氢站": a follow-up that only names a new topic and borrows the rest from the thread. */
export function isFollowUp(question: string): boolean {
  return /^(那|那么|还有|另外|再问|那个)/.test(question) || (/[呢]\s*[?？]?$/.test(question) && question.length <= 12);
}
