import { beforeAll, describe, expect, it } from 'vitest';
import { quantitiesIn, readClaim } from '../../src/question/claims.js';
import { documentAspects, ordinalOf } from '../../src/question/cues.js';
import { chineseInteger } from '../../src/core/text.js';
import { QuerySchema, type ConversationState } from '../../src/question/query.js';
import { readQuestion } from '../../src/question/read.js';
import { loadCorpus, type Corpus } from '../../src/retrieval/corpus.js';
import { sharedBot } from '../helpers/index.js';

let corpus: Corpus;
beforeAll(async () => {
  const { indexDir } = await sharedBot();
  corpus = await loadCorpus(indexDir, { provider: 'lexical' });
});

const read = (q: string, state: ConversationState | null = null) => QuerySchema.parse(readQuestion(q, corpus, state));

describe('readQuestion', () => {
  it.each([
    ['加氢站目标是多少', 'value'],
    ['智慧医疗由谁负责', 'units'],
    ['智慧医疗由谁牵头', 'lead'],
    ['省科技厅负责哪些任务', 'duties'],
    ['省能源局牵头的任务有哪些', 'lead_duties'],
    ['应用场景有哪几类', 'list'],
    ['重点行动一共有几个', 'count'],
    ['NB-IoT网络什么时候实现覆盖', 'when'],
    ['低时延数据中心核心区在哪', 'where'],
    ['加氢站的目标是50座，对吗', 'verify'],
    ['要求是2021年底前完成？', 'verify'],
    ['工业互联网产业园区和5G产业园，哪个要建得多', 'compare'],
    ['这个方案的全称是什么', 'document'],
    ['我们是做海洋传感器的公司，方案里有相关内容吗', 'enterprise'],
    ['淄博在这个方案里有什么任务', 'place'],
    ['数字乡村建设试点', 'summary'],
  ])('reads %s as %s', (q, ask) => {
    expect(read(q).ask).toBe(ask);
  });

  it('splits several subjects at a conjunction jieba segments alone, never inside a word or a unit name', () => {
    expect(read('数据中心集聚区和智慧社区样板分别要建多少').subjects).toEqual(['数据中心集聚区', '智慧社区样板']);
    expect(read('省工业和信息化厅负责哪些任务').subjects).toEqual([]);
    expect(read('省公安厅要参与哪些工作').subjects).toEqual([]);
    expect(read('智慧工厂和智慧海洋各由哪些部门负责').subjects).toEqual(['智慧工厂', '智慧海洋']);
  });

  it('puts a framing part in front of each part it frames, and leaves out context that asks nothing', () => {
    expect(read('工业互联网这块，创新企业、产业园区分别是多少').subjects).toEqual([
      '工业互联网 创新企业',
      '工业互联网 产业园区',
    ]);
    expect(read('下周给区县培训，PPT上要放两个核心数：5G基站建多少，加氢站建多少？').subjects).toEqual([
      '5g基站',
      '加氢站',
    ]);
  });

  it('reads the claim of a yes/no question, and whether it is the asker’s own situation', () => {
    expect(read('加氢站的目标是50座，对吗').claim).toMatchObject({
      quantities: [{ raw: '50座', amount: 50, measure: '座' }],
      condition: false,
    });
    expect(read('我们的数据中心上架率只有55%，可以申请扩建吗').claim).toMatchObject({
      condition: true,
      quantities: [{ raw: '55%' }],
    });
    expect(read('智慧医疗是省卫生健康委负责的吗').claim?.units).toEqual(['省卫生健康委']);
    expect(read('聊城市政府有没有智慧农业的责任').claim?.units).toEqual(['各市政府', '有关市政府']);
  });

  it('reads an enterprise’s business and city apart from what it asks', () => {
    expect(read('我们是聊城的一家做智慧农业的企业，有什么政策').asker).toEqual({ business: '智慧农业', city: '聊城' });
    expect(read('本公司主营医用机器人和可穿戴医疗设备，方案有什么支持方向？').asker?.business).toBe(
      '医用机器人和可穿戴医疗设备',
    );
    expect(read('我们要做什么').asker).toBeNull();
  });

  it('reads English through the glossary, and Latin words inside a Chinese question too', () => {
    expect(read('Who is responsible for smart education?')).toMatchObject({
      language: 'en',
      ask: 'units',
      subjects: ['智慧教育'],
    });
    expect(read('5G基站target是多少')).toMatchObject({ language: 'zh', ask: 'value', unknown: [] });
  });

  it('corrects typos by sound and Latin terms by one letter, and reads 2020s years written short', () => {
    expect(read('特高亚由谁负责').corrections).toEqual([{ from: '特高亚', to: '特高压' }]);
    expect(read('NB-loT什么时候覆盖').corrections).toEqual([{ from: 'nb-lot', to: 'nb-iot' }]);
    expect(read('22年工业互联网创新企业目标').years).toEqual(['2022年']);
  });

  it('names the words the policy never uses, compounds included, and nothing it does use', () => {
    expect(read('量子通信网络要建多少公里').unknown).toContain('量子');
    expect(read('4G基站要建多少').unknown).toEqual(['4g基站']);
    expect(read('换电站要建多少座').unknown).toEqual(['换电站']);
    expect(read('全省充电桩保有量目标').unknown).toEqual([]);
    expect(read('公共停车场充电桩占车位的比例是多少').unknown).toEqual([]);
  });

  it('continues a conversation only where the question leaves something unsaid', () => {
    const state: ConversationState = {
      ask: 'value',
      subjects: ['加氢站'],
      unit: null,
      clauses: ['x#2.2.1'],
      list: [],
      siblings: [],
      quoted: [],
      asker: null,
    };
    expect(read('谁负责', state)).toMatchObject({ ask: 'units', subjects: ['加氢站'], continues: state });
    expect(read('那充电桩呢', state)).toMatchObject({ ask: 'value', subjects: ['充电桩'], continues: state });
    expect(read('5G基站要建多少', state).continues).toBeNull();
    expect(read('还有呢', state)).toMatchObject({ ask: 'more', subjects: ['加氢站'] });
  });
});

describe('cues', () => {
  it('reads Chinese numerals and ordinals', () => {
    const read = ['三', '十', '十二', '二十', '五十', '一百零五', '两千', '三千五百', '甲', '二二', ''].map(
      chineseInteger,
    );
    expect(read).toEqual([3, 10, 12, 20, 50, 105, 2000, 3500, null, null, null]);
    expect([ordinalOf('第一类包括哪些'), ordinalOf('第3项呢'), ordinalOf('第几项')]).toEqual([1, 3, null]);
  });

  it('lists the document facts a question asks, in the order it asks them', () => {
    expect(documentAspects('这个方案是谁印发的，文号是多少')).toEqual(['issuer', 'number']);
    expect(documentAspects('方案的实施期是哪几年')).toEqual(['period']);
    expect(documentAspects('加氢站要建几座')).toEqual([]);
  });

  it('reads figures with magnitude and measure, not years, 号 or terms such as 5G', () => {
    expect(quantitiesIn('12万个5G基站')).toEqual([{ raw: '12万个', value: 12, amount: 120000, measure: '个' }]);
    expect(quantitiesIn('2号线和2022年').length).toBe(0);
    expect(quantitiesIn('PUE 1.2，上架率68%').map((q) => q.raw)).toEqual(['1.2', '68%']);
  });

  it('reads figures written in Chinese numerals, in the order written, and not articles, ordinals or names', () => {
    const figures = (text: string) => quantitiesIn(text).map((q) => [q.raw, q.amount, q.measure]);
    expect(figures('加氢站五十座，充电桩十万个，占比不低于百分之十五，另有2个')).toEqual([
      ['五十座', 50, '座'],
      ['十万个', 100000, '个'],
      ['百分之十五', 15, '%'],
      ['2个', 2, '个'],
    ]);
    expect(figures('两个低时延数据中心核心区')).toEqual([['两个', 2, '个']]);
    expect(figures('布局建设一批重大科技基础设施，第三类，十四五规划，千家万户')).toEqual([]);
    // What the corpus writes itself in Chinese numerals is its wording or a name, not a claimed figure.
    const writes = (phrase: string) => ['两个低时', '三个课堂'].includes(phrase);
    const claimed = (text: string) => readClaim(text, [], [], writes).quantities.map((q) => q.raw);
    expect(claimed('两个低时延数据中心核心区吗')).toEqual([]);
    expect(claimed('三个课堂是五十个吗')).toEqual(['五十个']);
    expect(claimed('2个低时延数据中心核心区吗')).toEqual(['2个']);
  });
});
