import { readFileSync } from 'node:fs';
import nodejieba from 'nodejieba';
import { beforeAll, describe, expect, it } from 'vitest';
import { ingestDocument } from '../../ingest/document.js';
import { Tokenizer } from '../../src/core/tokenizer.js';
import { normalizeQuestion } from '../../src/question/normalize.js';
import { TypoCorrector } from '../../src/question/typos.js';
import { readCases } from '../../src/eval/score.js';

// Not from ../helpers: that module opens the whole bot, and this unit needs only the ingested policy.
const POLICY_FILE = 'seeds/shandong-new-infrastructure-2020-2022.txt';
const { document } = ingestDocument(POLICY_FILE, readFileSync(POLICY_FILE));
const clauses = document!.clauses;
// As loadCorpus builds it: every clause's path, text and units, lower-cased.
const corpusText = clauses.map((c) => `${c.path} ${c.text} ${c.units.join(' ')}`.toLowerCase()).join('\n');

// jieba's dictionary alone (no HMM) keeps a text whole only if it is a word of the general language.
const isWord = (text: string) => {
  const cut = nodejieba.cut(text, false);
  return cut.length === 1 && cut[0] === text;
};

let corrector: TypoCorrector;
let withoutDictionary: TypoCorrector;
beforeAll(() => {
  // The vocabulary the app has after ingest: headings, 责任单位, target subjects, and the words of every clause as
  // ingest's own tokenizer (jieba search mode, taught the headings and units first) cuts them: ~940 terms. All
  // 2–6-character n-grams (~10,000) would add fragments such as 计算济 (from 超级计算济南中心) to correct toward.
  const tokenizer = new Tokenizer(clauses.flatMap((c) => [...c.units, c.heading]));
  const vocabulary = [
    ...clauses.flatMap((c) => [c.heading, ...c.units, ...tokenizer.words(`${c.path} ${c.text}`)]),
    ...document!.targets.map((t) => t.subject),
  ];
  const contains = (t: string) => corpusText.includes(t);
  corrector = TypoCorrector.build(vocabulary, contains, { isWord });
  withoutDictionary = TypoCorrector.build(vocabulary, contains);
});

const correct = (question: string) => corrector.correct(normalizeQuestion(question));
const containedIn = (text: string) => (t: string) => text.includes(t);

describe('TypoCorrector', () => {
  it.each([
    ['加青站的建设目标是多少', '加青站', '加氢站'],
    ['全省冲电桩保有量要达到多少', '冲电桩', '充电桩'],
    ['特高亚输电通道有哪些', '特高亚', '特高压'],
    ['人工只能技术领先指什么', '人工只能', '人工智能'],
    ['数剧中心的上架率要求是多少', '数剧中心', '数据中心'],
  ])('reads %s by its sound as the policy term', (question, from, to) => {
    expect(correct(question)).toEqual({ text: question.replace(from, to), corrections: [{ from, to }] });
  });

  it('corrects several typos in one question and leaves everything outside them as typed', () => {
    const question = normalizeQuestion('请问，到2022年要建设多少个加青站（和冲电桩）？5G基站呢');
    expect(corrector.correct(question)).toEqual({
      text: question.replace('加青站', '加氢站').replace('冲电桩', '充电桩'),
      corrections: [
        { from: '加青站', to: '加氢站' },
        { from: '冲电桩', to: '充电桩' },
      ],
    });
  });

  it('lists the corrections of one run in reading order', () => {
    expect(correct('加青站和冲电桩').corrections).toEqual([
      { from: '加青站', to: '加氢站' },
      { from: '冲电桩', to: '充电桩' },
    ]);
  });

  it('prefers the longest term that fits', () => {
    expect(correct('大数剧中心集聚发展').corrections).toEqual([{ from: '大数剧中心', to: '大数据中心' }]);
  });

  it('merges sounds people commonly confuse only in spans of four or more characters', () => {
    expect(correct('大数据总心').text).toBe('大数据中心');
    expect(correct('加亲站').text).toBe('加亲站');
  });

  it('corrects by shape with generic confusable characters', () => {
    expect(correct('枝术开发平台').corrections).toEqual([{ from: '枝术开发', to: '技术开发' }]);
  });

  it('never corrects across punctuation', () => {
    expect(correct('冲电，桩').corrections).toEqual([]);
    expect(correct('特高、亚').corrections).toEqual([]);
  });

  it.each([
    '量子通信网络',
    '元宇宙产业园',
    '卫星互联网地面站',
    '氢燃料电池',
    '数字人民币',
    '海上风电',
    '核电站',
    '储能电站',
    '光伏发电',
    '自动驾驶',
    '北斗导航',
    '脑机接口',
    '低空经济',
    '数字孪生',
    '碳达峰',
    '东数西算',
    '量子计算机',
    '边缘计算',
    '充电宝',
    '加气站',
    '换电站',
    '虚拟电厂',
    '数据中台',
    '人工智障',
    '超高清视频',
    '工业母机',
  ])('does not turn %s, which the policy never mentions, into a policy term', (term) => {
    expect(corpusText).not.toContain(term);
    expect(correct(term).corrections).toEqual([]);
    expect(correct(`${term}的建设目标是什么`).corrections).toEqual([]);
    expect(withoutDictionary.correct(`山东省${term}有哪些支持政策`).corrections).toEqual([]);
  });

  it('leaves correctly spelt questions and the policy’s own headings unchanged', () => {
    const fixtures = readCases('test/fixtures/questions.jsonl')
      .map((c) => c.q)
      .filter((q) => !q.includes('氫')); // the one fixture typed in traditional characters is normalised to 加氢站
    const questions = [
      ...fixtures,
      ...clauses.map((c) => c.heading),
      '区块链在政务中的应用',
      '新基建三年行动方案的目标',
    ];
    const changed = questions.map(normalizeQuestion).filter((q) => corrector.correct(q).corrections.length > 0);
    expect(changed).toEqual([]);
  });

  it('leaves a word in its own right, or a span cutting through one, as typed', () => {
    // Each sounds like a policy term with one character changed: 研究院, 国家级 (+关), 加油站 (+略).
    for (const question of ['研究员有哪些', '国家机关', '加油战略']) {
      expect(correct(question).corrections).toEqual([]);
    }
  });

  it('corrects a two-character span only with a dictionary, and only where it completes a phrase of the policy', () => {
    expect(correct('打早算力新高地').corrections).toEqual([{ from: '打早', to: '打造' }]);
    expect(withoutDictionary.correct('打早算力新高地').corrections).toEqual([]);
    expect(correct('数剧').corrections).toEqual([]);
  });

  it('does not guess between two terms that sound alike', () => {
    const tied = TypoCorrector.build(['实验室', '试验室'], containedIn('实验室\n试验室'));
    expect(tied.correct('事验室').corrections).toEqual([]);
    expect(TypoCorrector.build(['实验室'], containedIn('实验室')).correct('事验室').text).toBe('实验室');
  });

  it('does not change a character that is part of a corpus term already in the question', () => {
    const protectedTerm = TypoCorrector.build(['加氢站', '青站'], containedIn('加氢站\n青站'));
    expect(protectedTerm.correct('加青站').corrections).toEqual([]);
  });

  it('does not correct a question word', () => {
    // 哪年 sounds like 纳年, as in an n-gram fragment; an interrogative is never taken for a typo.
    const withFragment = TypoCorrector.build(['企业纳年'], containedIn('企业纳年'));
    expect(withFragment.correct('企业哪年').corrections).toEqual([]);
  });

  it('does not take the copula or a joining particle for part of a term that sounds alike', () => {
    // 青岛是 sounds like 青岛市, a term of the policy; "济南和青岛是…" says 青岛 is something.
    expect(corrector.correct('济南和青岛是两个低时延数据中心核心区吗').corrections).toEqual([]);
  });
});
