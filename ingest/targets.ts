import type { Clause, Target } from '../src/core/schema.js';
import { MEASURE, splitSentences } from '../src/core/text.js';

const COMPARATOR = '不低于|不少于|不高于|不超过|低于|高于|超过|少于|多于|达到|达|约|力争';
const POST_QUALIFIER = '以上|左右|以下|以内|多';
// A number, an optional range ("1—2"), a magnitude and a measure word; a bare number only after a comparator ("PUE值低于1.25").
const QUANTITY = new RegExp(
  `(?<![\\d.+±第A-Za-z])(\\d+(?:\\.\\d+)?)(?:[—–~～至-](\\d+(?:\\.\\d+)?))?(万|亿|千(?![伏瓦米]))?(${MEASURE})?(${POST_QUALIFIER})?(?![\\d.A-Za-z+年月日号级期届])`,
  'g',
);
const YEAR = /(到|至|在|于)?(\d{4})年(底前|年底前|前|底|内)?/g;
const LEADING =
  /^(?:(?:到|至|在)?\d{4}年(?:底前|前|底|内)?|全省|全市|各市|率先|力争|积极|加快|大力|重点|累计|新增|逐步|基本|支持|推动|组织|建成|建设|培育|培养|引进|打造|形成|实现|发展|完成|建|达到|达|[，、,])+/;
const TRAILING = new RegExp(`(?:${COMPARATOR}|为|是|的)+$`);
const COMPARATOR_AT_END = new RegExp(`(${COMPARATOR})$`);
const CLAUSE_BREAK = /[，,。；;：:（(]/;

/** Extracts every quantitative target of a clause, each with the verbatim sentence it comes from. */
export function extractTargets(clause: Clause): Target[] {
  return splitSentences(clause.text).flatMap((sentence) => targetsOfSentence(clause, sentence));
}

function targetsOfSentence(clause: Clause, sentence: string): Target[] {
  const targets: Target[] = [];
  const years = [...sentence.matchAll(YEAR)].filter((m) => !/[-—～~]$/.test(sentence.slice(0, m.index)));
  for (const m of sentence.matchAll(QUANTITY)) {
    const [figure, first, upper, magnitude = '', measure = '', post = ''] = m;
    const before = sentence.slice(0, m.index);
    const comparator = COMPARATOR_AT_END.exec(before)?.[1] ?? '';
    if (!measure && !comparator) continue;
    if (years.some((y) => y.index === m.index)) continue;
    const after = sentence.slice(m.index + figure.length);
    const year = years.filter((y) => y.index < m.index).at(-1);
    targets.push({
      doc: clause.doc,
      section: clause.section,
      subject: subjectAfter(after) || subjectBefore(before),
      value: Number(upper ?? first),
      unit: `${magnitude}${measure === '％' ? '%' : measure}`,
      qualifier: post || (comparator === '达' || comparator === '达到' ? '' : comparator),
      year: year ? Number(year[2]) : null,
      deadline: year ? year[0] : '',
      figure: figure.replace(new RegExp(`(${POST_QUALIFIER})$`), ''),
      quote: sentence,
    });
  }
  return targets;
}

/** "10个以上工业互联网产业园区": the counted thing follows; after a long modifier, it is what follows the last 的. */
function subjectAfter(after: string): string {
  if (!/^\p{Script=Han}|^\d*[A-Za-z]/u.test(after) || /^(的|和|及|与|或|以)/.test(after)) return '';
  const phrase = after.split(CLAUSE_BREAK)[0]!.split(/[和及与、](?=\d)/)[0]!;
  return phrase.slice(phrase.lastIndexOf('的') + 1);
}

/** "全省各类充电桩保有量达10万个": the counted thing precedes, after the time phrase and the verbs. */
function subjectBefore(before: string): string {
  const phrase = before.split(/[，,。；;：:、]/).at(-1) ?? '';
  return phrase.replace(TRAILING, '').replace(LEADING, '');
}
