import type { Clause, DocumentMeta, Target } from '../../../src/core/schema.js';
import type { Answer, Citation } from '../../../src/answer/types.js';

export const DOC = 'shandong-new-infrastructure-2020-2022';
export const TITLE = '山东省新基建三年行动方案（2020-2022年）';

export const HYDROGEN_CLAUSE: Clause = {
  doc: DOC,
  title: TITLE,
  section: '2.2.1',
  path: '二、重点行动 › （二）融合基础设施升级行动 › 1.科学配置充电桩和加氢站',
  marker: '1.',
  heading: '科学配置充电桩和加氢站',
  text: '合理配置、适度超前布局加氢站。到2022年，全省各类充电桩保有量达10万个以上、加氢站30座。',
  units: ['省能源局', '省发展改革委'],
  lines: [29, 29],
};

export const FIVE_G_CLAUSE: Clause = {
  doc: DOC,
  title: TITLE,
  section: '2.1.1',
  path: '二、重点行动 › （一）信息基础设施建设行动 › 1.加快5G商用',
  marker: '1.',
  heading: '加快5G商用',
  text: '优化5G基站布局，到2022年建成5G基站11.2万个。',
  units: ['省工业和信息化厅', '省通信管理局'],
  lines: [15, 15],
};

export const GOALS_CLAUSE: Clause = {
  doc: DOC,
  title: TITLE,
  section: '1',
  path: '一、行动目标',
  marker: '一、',
  heading: '行动目标',
  text: '到2022年，全省5G网络广泛覆盖。',
  units: [],
  lines: [7, 9],
};

export const DOCUMENT: DocumentMeta = {
  id: DOC,
  file: 'seeds/shandong-new-infrastructure-2020-2022.txt',
  title: TITLE,
  encoding: 'utf-8',
  sha256: '0'.repeat(64),
  header: [{ line: 3, text: TITLE }],
  facts: {
    title: TITLE,
    period: { start: 2020, end: 2022 },
    number: '鲁政字〔2020〕228号',
    issuer: '山东省人民政府',
    issued: '2020-11-02',
    sources: { title: 'text', period: 'text', number: 'metadata', issuer: 'metadata', issued: 'metadata' },
  },
  preamble: '',
  footer: [],
  repairs: [],
  outline: [
    { section: '2', marker: '二、', heading: '重点行动', path: '二、重点行动', line: 11 },
    {
      section: '2.1',
      marker: '（一）',
      heading: '信息基础设施建设行动',
      path: '二、重点行动 › （一）信息基础设施建设行动',
      line: 13,
    },
    {
      section: '2.2',
      marker: '（二）',
      heading: '融合基础设施升级行动',
      path: '二、重点行动 › （二）融合基础设施升级行动',
      line: 27,
    },
  ],
};

export const HYDROGEN_TARGET: Target = {
  doc: DOC,
  section: '2.2.1',
  subject: '加氢站',
  value: 30,
  unit: '座',
  qualifier: '',
  year: 2022,
  deadline: '到2022年',
  figure: '30座',
  quote: '到2022年，全省各类充电桩保有量达10万个以上、加氢站30座。',
};

export const CHARGER_TARGET: Target = {
  ...HYDROGEN_TARGET,
  subject: '充电桩',
  value: 10,
  unit: '万个',
  qualifier: '以上',
  figure: '10万个',
};

export function citationOf(clause: Clause, quote: string): Citation {
  const { doc, title, section, path, heading, units } = clause;
  return { doc, title, section, path, heading, units, quote, score: 0.9 };
}

/** Shaped like the engine's answers: the lead, then lines restating the citation. */
export const HYDROGEN_ANSWER: Answer = {
  question: '加氢站目标是多少',
  status: 'answered',
  answer: [
    '加氢站：到2022年，30座。',
    `原文：“${HYDROGEN_TARGET.quote}”`,
    `出处：${TITLE} › ${HYDROGEN_CLAUSE.path}（2.2.1）`,
    '责任单位：省能源局、省发展改革委',
  ].join('\n'),
  lead: '加氢站：到2022年，30座。',
  citations: [citationOf(HYDROGEN_CLAUSE, HYDROGEN_TARGET.quote)],
  ms: 5,
  intent: 'number',
  suggestions: [],
  query: null,
};

export const NOT_FOUND_ANSWER: Answer = {
  question: '火星基地建设目标',
  status: 'not_found',
  answer: '本政策文件中没有找到相关内容。\n您可以问问本政策涉及的这些内容：完善升级物联网；优化布局数据中心',
  lead: '本政策文件中没有找到相关内容。',
  citations: [],
  ms: 1,
  intent: 'number',
  suggestions: ['完善升级物联网', '优化布局数据中心'],
  query: null,
};
