import { chineseInteger, escapeRegExp, MEASURE } from '../core/text.js';
import type { DocumentAspect } from './query.js';

/**
 * Cue phrases: words that say what kind of answer is wanted and name no topic. Each list is used twice, to
 * recognise the kind of question and to strip the phrase from the topic, so the two never drift apart.
 */
// biome-ignore format: a word list reads best packed
const WHO = [
  '谁负责', '由谁', '谁来', '责任单位', '责任部门', '负责单位', '负责部门', '主管部门', '落实单位', '归口单位', '归口部门',
  '哪些部门', '哪个部门', '什么部门', '哪些单位', '哪个单位', '什么单位', '哪家单位', '哪几个部门', '哪几个单位', '归哪', '谁管',
  '归口', '负责的部门', '负责的单位', '由哪些', '由哪个', '谁', '部门有哪些',
];
// biome-ignore format: a word list reads best packed
const LEAD = [
  '谁牵头', '牵头单位', '牵头部门', '牵头的', '牵头', '排在第一位', '排在第一', '排第一位', '排第一', '排在首位', '排首位', '第一位',
  '首位', '打头阵', '打头', '领头', '带头', '挑头', '为首', '领衔', '排在最前', '排在前面', '第一责任单位', '第一责任', '主责单位', '主责部门', '主责',
];
const WHEN = [
  '什么时候',
  '什么时间',
  '何时',
  '哪一年',
  '哪年',
  '时间节点',
  '截止时间',
  '截止',
  '期限',
  '时限',
  '几年',
  '啥时候',
  '多久',
];
// biome-ignore format: a word list reads best packed
const WHERE = [
  '哪些城市', '哪个城市', '哪几个城市', '哪几个市', '哪些市', '哪个市', '哪些地方', '哪个地方', '哪些地区', '哪个地区', '哪里', '什么地方',
  '在哪儿', '在哪', '哪儿', '什么位置', '哪些地市',
];
const COUNT_WORDS = ['一共', '总共', '共有', '总计', '合计'];
// biome-ignore format: a word list reads best packed
const YES_NO = [
  '对不对', '对吗', '对么', '是不是', '是否', '正确吗', '准确吗', '没错吧', '没错吗', '对吧', '是吗', '是么', '是吧', '是这样吧',
  '是这样吗', '在不在', '有没有列', '能不能', '可不可以', '能否', '可否', '行不行', '有没有', '算不算', '够不够', '属实吗', '吗',
];
// biome-ignore format: a word list reads best packed
const COMPARE = [
  '哪个更多', '哪个更少', '哪个多', '哪个少', '哪个大', '哪个小', '哪个高', '哪个低', '哪一个多', '哪一个少', '哪项多', '谁多', '谁少', '谁大',
  '更多', '更少', '更大', '更小', '更高', '更低', '较多', '较少', '多多少', '少多少', '大多少', '小多少', '高多少', '低多少', '相差多少',
  '相差', '差多少', '差距', '差几', '多几', '少几', '多出',
];
const DOCUMENT_REFS = [
  '这个方案',
  '这份方案',
  '本方案',
  '该方案',
  '此方案',
  '这个文件',
  '这份文件',
  '本文件',
  '该文件',
  '这个政策',
  '本政策',
  '该政策',
  '行动方案',
  '方案',
  '文件',
  '政策',
  '这个',
  '本',
];

const WHICH_MORE =
  '(?:哪(?:个|一个|项|样|类)|谁)(?:[要建设培育计划得的还会]|目标|数量|规模){0,4}(?:更)?(?:多|少|大|小|高|低)';
const anyOf = (phrases: readonly string[]) => new RegExp(phrases.map(escapeRegExp).join('|'));

export const cue = {
  who: anyOf(WHO),
  lead: anyOf(LEAD),
  when: new RegExp(`${anyOf(WHEN).source}|年底前|之前完成|完成时间`),
  where: anyOf(WHERE),
  // "几个" counts, "哪几个方面" lists.
  number: new RegExp(
    `多少|(?<!哪)几(?:[千万亿])?(?:${MEASURE})|[建有是达]几|目标值|数量|规模|比例|比重|百分之|占比|多大|多高|多低|几成`,
  ),
  target: /目标|指标/,
  count: new RegExp(`${anyOf(COUNT_WORDS).source}|(?<!哪)几[个类项部分条大种方面]|多少[个类项条种]`),
  list: /分为|分成|包括|包含|有哪些|有哪几|哪几部分|哪几个方面|哪些方面|哪几方面|主要内容|哪几类|哪些类|哪些措施|是什么|有什么|概况|概要|总体|内容|组成/,
  duty: /负责|涉及|承担|牵头|参与|落实|任务|工作|事项|职责|职能|分工|要做|干什么|干啥|干些什么|做什么|做啥|做些什么|做哪些|管什么|管啥|干嘛|条款|排在|列为|列在/,
  yesNo: new RegExp(
    `${YES_NO.filter((p) => p !== '吗')
      .map(escapeRegExp)
      .join('|')}|吗[?？。!！]*$|吗[，,]|吧[?？。!！]*$|(?<=[^\\p{Script=Han}]|[可能行是对])不[?？]+$`,
    'u',
  ),
  /** Words that ask something; a statement ending in "？" without any of them puts itself to the test. */
  interrogative: /多少|几|什么|啥|哪|谁|怎|如何|吗|呢|是否|有没有|能否|可否|何时|为何/,
  /** "…一样吗", "有没有重合", "有什么不同" at the end: whether two answers are the same, or how they differ. */
  sameness:
    /(?:(?:是否|是不是)(?:一样|相同|一致)|(?:一样|相同|一致|重合|重叠)(?:吗|么|不|呢)|有没有(?:重合|重叠|区别|不同|差别|差异)|有(?:什么|哪些|何)(?:不一样|不同|区别|差别|差异))(?:的)?(?:吗|呢)?[？?。!！\s]*$/,
  /** "是不是…", "…对吗": a statement put to the test, not "有没有…", which asks what there is. */
  isIt: /是不是|是否|对吗|对不对|没错|正确吗|准确吗|是吗|是么|被列为|列入|在不在/,
  /** The asker's own situation checked against the text: "能申请扩建吗", "符合条件吗". */
  // "能" alone is no cue: it ends 智能, 功能, 赋能.
  condition:
    /能不能|可不可以|能否|可否|可以|能(?:申请|拿|享受|进|算|列入|获得|得到|获|被|够|要)|符合|满足|达标|够不够|够吗|算不算|享受|申请/,
  // "哪个要建得多": which, then a comparative a few characters on.
  compare: new RegExp(`${anyOf(COMPARE).source}|${WHICH_MORE}`),
  difference: /[多少大小高低](?:建|设|培育|出)?(?:多少|几)|相差|差多少|差距|差几|多出/,
  than: /比/,
  /** "还有呢", "还有别的吗": the rest of what the last answer left out. */
  more: /^(?:那)?(?:还有|其他|其它|别的|另外|再)(?:的|呢|吗|哪些|什么|别的|其他的?|的呢|没有|么)*[?？。!！]*$/,
  /** "还有吗，比如测试这块": more of the same, about what follows. */
  moreAbout: /^(?:那)?(?:还有|其他|其它|别的|另外)(?:的|呢|吗|没有|么)*[，,]\s*(?:比如|例如|像|特别是|尤其是)?/,
  /** "那充电桩呢", "还有加氢站": a follow-up that names a new subject and borrows the rest. */
  followUpStart: /^(?:那么|那个|那|还有|另外|再问一下|再问|换个问题)/,
  followUpEnd: /呢[?？。]*$/,
  /** Pronouns that point back at the conversation's subject. */
  deixis: /^(?:它|它们|这个|这项|这些|那个|那项|该项|该|其|此|上述|这一|这)$/,
  ordinal: /第([一二三四五六七八九十\d]+)(?:类|个|项|部分|条|方面|大类|种|点)/,
  documentRef: anyOf(DOCUMENT_REFS),
};

/** Phrases that ask rather than name a topic, longest first so "哪些部门" goes before "哪些". */
// biome-ignore format: a word list reads best packed
const QUESTION_PHRASES = [
  ...WHO, ...LEAD, ...WHEN, ...WHERE, ...COUNT_WORDS, ...YES_NO, ...COMPARE,
  '部门', '单位', '事项', '负责', '多少', '几个', '几座', '几家', '几项', '几所', '几处', '几条', '几类', '几种', '哪一条', '哪条', '哪项',
  '哪些', '哪个', '哪几', '什么', '怎么样', '怎么', '如何', '请问', '一下', '目标值', '目标', '指标', '数量', '要求', '情况', '内容',
  '方面', '规定', '政策', '任务', '工作', '条款', '分为', '分成', '包括', '包含', '部分', '分别', '各自', '具体', '打算',
  '安排', '有关', '相关', '提到', '提及', '说了', '讲了', '怎么说', '啥', '咱们', '我们', '省里', '咱省', '我省', '本省', '全省', '想知道',
  '了解', '告诉我', '介绍', '涉及', '这一块', '这块', '想问下', '想问一下', '问一下', '问下', '问问', '听说', '最近', '比如', '例如', '几号', '哪号', '都管', '管哪些', '管什么', '管啥', '主管', '分管', '承担', '参与', '这个数字', '这个数', '这个目标', '这么多', '这样', '列出', '列举', '罗列', '作为', '全部', '所有', '都有', '哪几条', '几条', '呢', '呀', '吧', '啊', '嘛', '哦', '的话', '要建',
].sort((a, b) => b.length - a.length);
// "几千伏", "多少万个": a count asked in any measure the corpus uses.
const ASKED_AMOUNT = `(?:几|多少)(?:[千万亿])?(?:${MEASURE})`;
export const QUESTION_WORDS = new RegExp(
  [ASKED_AMOUNT, WHICH_MORE, ...QUESTION_PHRASES.map(escapeRegExp)].join('|'),
  'g',
);

// biome-ignore format: a word list reads best packed
const ASPECTS: readonly [DocumentAspect, RegExp][] = [
  ['number', /文号|发文字号|字号/],
  // A 文号 in the question asks which document it is.
  ['title', /全称|全名|名称|标题|叫什么|题目|文件名|名字|〔\d{4}〕\d+号.*(?:什么|哪)/],
  ['status', /还在实施|仍在实施|实施期内|有效期内|还在执行期|还有效|有效吗|是否有效|仍然有效|依然有效|继续有效|失效|过期|到期|还适用|现行|废止|还在执行|仍在执行|继续执行|还管用|作废|有效期|过时/],
  ['issued', /(?:什么时候|啥时候|何时|哪天|哪一天|哪年|哪一年|几月|\d{4}年)(?:发布|印发|出台|下发|发的|公布|制定)|(?:发布|印发|出台|下发|发文|公布|成文)(?:时间|日期)/],
  ['issuer', /(?:谁|哪个部门|哪个单位|哪个机关|哪级政府|哪里|哪家)(?:发布|印发|出台|下发|制定|发的|出的)|(?:发文|印发|发布|出台|制定)(?:单位|机关|部门|主体)|谁发|(?:人民政府|省政府)(?:发|印发|发布|出台)|(?:政府|部门|委|厅|局)的?文件还是|谁的文件|哪个部门的文件|哪里的文件/],
  ['period', /实施期|执行期|实施期限|实施周期|实施时间|时间跨度|时间范围|哪几年|哪些年|起止|周期|时限|期限|覆盖.*年|几年的|多少年|时间段|年份/],
  ['parts', /部分|章节|结构|框架|板块|大块|组成|主要内容|讲了什么|讲什么|说了什么|主要讲/],
  ['goals', /目标/],
  ['preamble', /开篇|开头|前言|引言|序言|导语|开宗明义|第一段|首段/],
];

/** Which facts about the document itself a question asks for, in the order it asks them. */
export function documentAspects(text: string): DocumentAspect[] {
  return ASPECTS.map(([aspect, pattern]) => ({ aspect, at: pattern.exec(text)?.index ?? -1 }))
    .filter((a) => a.at >= 0)
    .sort((a, b) => a.at - b.at)
    .map((a) => a.aspect);
}

/** The kind of thing a piece of a question asks by its cue, or null when it asks nothing of its own. */
export function askedBy(piece: string): 'value' | 'units' | 'lead' | 'when' | 'where' | 'summary' | null {
  if (cue.lead.test(piece)) return 'lead';
  if (cue.who.test(piece)) return 'units';
  if (cue.number.test(piece) || cue.target.test(piece)) return 'value';
  if (cue.when.test(piece)) return 'when';
  if (cue.where.test(piece)) return 'where';
  if (/哪些|什么|啥|如何|怎么/.test(piece)) return 'summary';
  return null;
}

/** "第三类" → 3. */
export function ordinalOf(text: string): number | null {
  const m = cue.ordinal.exec(text);
  if (!m) return null;
  return /^\d+$/.test(m[1]!) ? Number(m[1]) : chineseInteger(m[1]!);
}
