import { beforeAll, describe, expect, it } from 'vitest';
import { ungroundedNumbers, ungroundedUnits } from '../../src/answer/grounding.js';
import { NOT_FOUND, NOT_FOUND_EN } from '../../src/answer/messages.js';
import type { Answer } from '../../src/answer/types.js';
import type { PolicyBot } from '../../src/bot.js';
import { openBot } from '../../src/open.js';
import { QuerySchema } from '../../src/question/query.js';
import { sharedBot } from '../helpers/index.js';

let bot: PolicyBot;
let indexDir: string;
beforeAll(async () => {
  ({ bot, indexDir } = await sharedBot());
});

const sections = (a: Answer) => a.citations.map((c) => c.section);
/** The answer's lead with whitespace removed, as the eval rules read it. */
const lead = (a: Answer) => a.lead.replace(/\s+/g, '');

describe('query kinds on the real policy', () => {
  it('value: the figure with its deadline first, from the clause that sets it', async () => {
    const a = await bot.ask('5G基站到2022年要建多少个');
    expect(a.query?.ask).toBe('value');
    expect(a.intent).toBe('number');
    expect(a.lead.split('\n')[0]).toBe('5G基站：到2022年，11.2万个。');
    expect(sections(a)[0]).toBe('2.1.1');
  });

  it('value: of two figures of one subject in one sentence, the one whose part the question names', async () => {
    // "支持…上架率高于65%的数据中心建设项目，上架率达到60%以上的可申请扩建": two thresholds, one for each purpose.
    expect((await bot.ask('数据中心上架率多少可以申请扩建')).lead).toMatch(/^上架率：60%以上。/);
    expect((await bot.ask('上架率达到多少能申请扩建')).lead).toMatch(/^上架率：60%以上。/);
    expect((await bot.ask('支持建设的数据中心上架率要高于多少')).lead).toMatch(/^上架率：高于65%。/);
  });

  it('multi: one figure for each subject, each from its own clause', async () => {
    const a = await bot.ask('数据中心集聚区和智慧社区样板分别要建多少');
    expect(a.query?.subjects).toHaveLength(2);
    expect(a.lead).toContain('省级数据中心集聚区：5个左右');
    expect(a.lead).toContain('智慧社区建设样板：到2022年，20个左右');
    expect(sections(a)).toEqual(['2.1.2', '3.3.1']);
  });

  it('multi: a subject the policy never names is said to be missing, the others answered', async () => {
    const a = await bot.ask('加氢站和量子通信网络分别要建多少');
    expect(a.status).toBe('answered');
    expect(a.lead).toContain('加氢站：到2022年，30座');
    expect(a.lead).toContain(`「量子通信网络」：${NOT_FOUND}`);
    expect(sections(a)).toEqual(['2.2.1']);
  });

  it('several questions in one message: each answered, in order', async () => {
    const a = await bot.ask('加氢站要建多少座，谁牵头？');
    expect(a.query?.questions).toEqual(['加氢站要建多少座', '谁牵头']);
    const lines = a.lead.split('\n');
    expect(lines[0]).toContain('30座');
    expect(a.lead).toContain('排在首位的是省能源局');
  });

  it('compare: which is larger, with both figures', async () => {
    const a = await bot.ask('工业互联网产业园区和5G产业园，哪个要建得多');
    expect(a.query).toMatchObject({ ask: 'compare', comparison: 'larger' });
    expect(a.lead).toMatch(/^工业互联网产业园区更多：工业互联网产业园区30个以上，5G产业园15个/);
    expect(sections(a)).toEqual(['2.1.3', '2.1.1']);
  });

  it('compare: a difference worked out from the quoted figures, with its working', async () => {
    const a = await bot.ask('智慧农业应用基地比智慧物流基地多多少个');
    expect(a.query?.comparison).toBe('difference');
    expect(lead(a)).toContain('多396个');
    expect(lead(a)).toContain('400个−4个=396个');
    // Both figures come from one clause: cited once, both sentences quoted.
    expect(a.citations).toHaveLength(1);
    expect(a.citations[0]!.quote).toContain('400个智慧农业应用基地');
    expect(a.citations[0]!.quote).toContain('4个区域性现代农业智慧物流基地');
  });

  it('compare: figures of different measure words are not compared', async () => {
    const a = await bot.ask('加氢站和工业互联网创新企业哪个多');
    expect(a.lead).toContain('计量单位不同，不能直接比较');
  });

  it('verify: a wrong figure is corrected, a right one confirmed', async () => {
    const wrong = await bot.ask('加氢站的目标是50座，对吗');
    expect(wrong.query?.claim?.quantities[0]).toMatchObject({ raw: '50座', amount: 50 });
    expect(wrong.lead).toMatch(/^不对。/);
    expect(wrong.lead).toContain('30座');
    const right = await bot.ask('5G基站目标是11.2万个，没错吧');
    expect(right.lead).toMatch(/^对。/);
  });

  it('verify: the asker’s own figures against the thresholds the question names', async () => {
    const expand = await bot.ask('我们的数据中心上架率只有55%，可以申请扩建吗');
    expect(expand.query?.claim?.condition).toBe(true);
    expect(expand.lead).toMatch(/^不能。/);
    expect(expand.lead).toContain('上架率达到60%以上的可申请扩建');
    const build = await bot.ask('新建数据中心PUE是1.2，上架率68%，符合支持建设的条件吗');
    expect(build.lead).toMatch(/^符合。/);
    expect(build.lead).toContain('PUE值低于1.25');
    expect(build.lead).toContain('上架率高于65%');
    // Who asks is no part of what is checked, even a business the policy never names; what is checked still is.
    const asker = '我们是济南一家云服务企业，';
    const cloud = await bot.ask(
      `${asker}新建数据中心设计PUE 1.2，投产后上架率预计68%，这个符合方案里支持建设的条件吗？`,
    );
    expect(cloud.lead).toMatch(/^符合。/);
    expect(cloud.query?.subjects.join(' ')).not.toMatch(/济南|一家|云服务/);
    expect(cloud.query?.ignored).toEqual(['云服务']);
    const swapping = await bot.ask(`${asker}新建换电站设计PUE 1.2，上架率预计68%，这个符合方案里支持建设的条件吗？`);
    expect(swapping.status).toBe('not_found');
  });

  it('verify: units, a lead unit, a year and a place against the clause', async () => {
    expect((await bot.ask('智慧医疗是省卫生健康委负责的吗')).lead).toMatch(/^是的，/);
    const notTheirs = await bot.ask('智慧教育是省科技厅负责的吗');
    expect(notTheirs.lead).toMatch(/^不是。/);
    expect(notTheirs.lead).toContain('省教育厅');
    expect((await bot.ask('加氢站是不是省发展改革委牵头')).lead).toMatch(/^不是。.*排在首位的是省能源局/);
    const year = await bot.ask('NB-IoT网络主城区普遍覆盖是2021年底前完成吗');
    expect(year.lead).toMatch(/^不是。/);
    expect(year.lead).toContain('2020年底前');
    expect((await bot.ask('潍坊是不是智慧农业试验区之一')).lead).toMatch(/^是的，/);
    expect((await bot.ask('淄博是不是人工智能产业聚集区之一')).lead).toMatch(/^不是。/);
    // A numbered thing claimed for a place must be one the text numbers for that place, not another's.
    const line = (city: string, n: number) => bot.ask(`${city}城市轨道交通${n}号线是方案里点名要加快建设的吗`);
    expect((await line('青岛', 2)).lead).toMatch(/^不是。原文写的是“青岛城市轨道交通1号、4号、6号、8号线”，不含2号/);
    expect((await line('济南', 4)).lead).toMatch(/^不是。原文写的是“济南城市轨道交通2号线”，不含4号/);
    expect((await line('青岛', 4)).lead).toMatch(/^是的，/);
    expect((await line('济南', 2)).lead).toMatch(/^是的，/);
  });

  it('sameness: "一样吗" sets both answers side by side, never confirms a mention with 是的', async () => {
    const units = await bot.ask('智慧医疗和智慧教育的责任单位一样吗');
    expect(units.lead).toMatch(/^「智慧医疗」的责任单位：省卫生健康委。\n「智慧教育」的责任单位：省教育厅。/);
    const leads = await bot.ask('特高压入鲁和城际高铁轨道交通这两项，排第一的责任单位分别是谁？一样吗？');
    expect(leads.lead).toContain('排在首位的是省能源局');
    expect(leads.lead).toContain('排在首位的是省发展改革委');
    const figures = await bot.ask('加氢站和充电桩的目标相同吗');
    expect(figures.lead).toMatch(/^加氢站：到2022年，30座。/);
    expect(figures.lead).toContain('10万个以上');
    for (const a of [units, leads, figures]) expect(a.lead).not.toMatch(/^是的/);
    // Said alone in a thread, it asks the thread's question again.
    const again = await bot.ask('一样吗', { thread: ['智慧医疗和智慧教育的责任单位分别是谁'] });
    expect(again.lead).toBe(units.lead);
  });

  it('verify: figures in Chinese numerals, every part of a claim, and the policy’s own numeral wording', async () => {
    expect((await bot.ask('加氢站目标是五十座吗')).lead).toMatch(
      /^不对。原文中加氢站的目标是到2022年30座，不是五十座。/,
    );
    expect((await bot.ask('加氢站目标是三十座吗')).lead).toMatch(/^对。/);
    expect((await bot.ask('停车场充电桩占车位比不低于百分之二十，对吗')).lead).toMatch(/^不对。.*不低于15%/);
    // A right figure does not make wrong places right.
    expect((await bot.ask('三个智慧农业试验区是济南、青岛、烟台吗？')).lead).toMatch(/^不是。原文没有提到烟台/);
    expect((await bot.ask('3个智慧农业试验区是济南、青岛、潍坊吗？')).lead).toMatch(/^对。/);
    // The policy writes these itself: a count in its words and a name, not figures to hold against its targets.
    expect((await bot.ask('济南和青岛是两个低时延数据中心核心区吗')).lead).toMatch(/^是的，/);
    expect((await bot.ask('三个课堂是方案里提到的吗')).lead).toMatch(/^是的，/);
  });

  it('verify: a claim the text neither confirms nor contradicts gets no 是', async () => {
    const a = await bot.ask('特高压直流输电工程是2021年开工的吗');
    expect(a.lead).not.toMatch(/^是的/);
    expect(a.lead).toMatch(/^方案没有写明这一点/);
  });

  it('lead: the first listed unit, said as the order of the text supports', async () => {
    const a = await bot.ask('智慧交通由谁牵头');
    expect(a.query?.ask).toBe('lead');
    expect(a.lead).toContain('排在首位的是省交通运输厅，按排列顺序通常视为牵头单位（原文未写明“牵头”）');
  });

  it('lead_duties and duties: every clause that lists a unit first, or at all, and no other', async () => {
    const lead = await bot.ask('省发展改革委排在第一位的责任条款有哪几条');
    expect(lead.intent).toBe('lead_by_unit');
    expect(sections(lead)).toEqual(['2.2.3', '2.3.1', '4.4']);
    const all = await bot.ask('省教育厅负责哪些任务');
    expect(sections(all)).toEqual(bot.clauses.filter((c) => c.units.includes('省教育厅')).map((c) => c.section));
  });

  it('duties of a unit within a subject: the subject’s clause, and whether the unit is among its units', async () => {
    const a = await bot.ask('聊城市政府在新型智慧城市建设里要干啥');
    expect(a.lead).toMatch(/^「智慧城市」的责任单位包括各市政府（含聊城市）/);
    expect(sections(a)[0]).toBe('3.3.1');
  });

  it('list and count: the parts of a part of the policy', async () => {
    const list = await bot.ask('应用场景有哪几类');
    expect(list.query?.ask).toBe('list');
    expect(list.lead).toContain('• （一）“智慧+产业”');
    const count = await bot.ask('重点行动一共有几个');
    expect(count.query?.ask).toBe('count');
    expect(count.lead).toBe(
      '「二、重点行动」共3项：（一）信息基础设施建设行动；（二）融合基础设施升级行动；（三）创新基础设施突破行动。',
    );
  });

  it('when and where: the deadline and the places of the best sentence, said once', async () => {
    const when = await bot.ask('NB-IoT网络什么时候实现主城区普遍覆盖');
    expect(when.lead).toMatch(/^2020年底前/);
    expect(when.lead).not.toMatch(/^2020年底前：2020年底前/);
    const where = await bot.ask('低时延数据中心核心区在哪');
    expect(where.lead).toMatch(/^济南、青岛：/);
  });

  it('document: title, period, issuer, 文号, date and parts, from the text and the metadata file', async () => {
    expect((await bot.ask('这个方案的全称是什么')).lead).toContain('《山东省新基建三年行动方案（2020-2022年）》');
    expect((await bot.ask('方案的实施期是哪几年')).lead).toContain('2020年至2022年');
    const issuance = await bot.ask('这个方案是谁印发的，文号是多少');
    expect(issuance.query?.aspects).toEqual(['issuer', 'number']);
    expect(issuance.lead).toContain('山东省人民政府');
    expect(issuance.lead).toContain('鲁政字〔2020〕228号');
    expect((await bot.ask('方案是什么时候印发的')).lead).toContain('2020年11月2日');
    expect((await bot.ask('这个方案是2021年印发的吗')).lead).toMatch(/^不是。/);
    const parts = await bot.ask('这个方案分为哪几部分');
    expect(parts.lead).toContain('共4部分');
    expect(parts.lead).toContain('• 四、保障措施');
  });

  it('document: whether the plan is in force is judged against today', async () => {
    const ended = await bot.ask('这个方案现在还有效吗');
    expect(ended.lead).toContain('已于2022年底到期');
    const during = await openBot({ indexDir, today: new Date('2021-06-01T00:00:00Z') });
    expect((await during.ask('这个方案现在还有效吗')).lead).toContain('仍在实施期内');
    // A target of a plan whose period is over is said to be a target, not a result.
    expect((await bot.ask('加氢站目标是多少')).answer).toContain('以上是方案设定的目标，不代表完成情况');
    expect((await during.ask('加氢站目标是多少')).answer).not.toContain('不代表完成情况');
  });

  it('enterprise: every clause that concerns its business, best first, with the figures and where it applies', async () => {
    const a = await bot.ask('我们是聊城的一家做智慧农业的企业，有什么政策');
    expect(a.query?.asker).toEqual({ business: '智慧农业', city: '聊城' });
    expect(sections(a)[0]).toBe('3.1.2');
    expect(a.lead).toContain('智慧农业应用基地400个');
    expect(a.lead).toContain('责任单位含各市政府，聊城适用');
    const chemicals = await bot.ask('我们公司做化工，想搞智慧化改造，有啥政策');
    expect(sections(chemicals)[0]).toBe('3.1.1');
    expect(chemicals.lead).toContain('智安化工');
  });

  it('enterprise: words of a self-description the policy never uses are set aside when the rest is specific', async () => {
    const a = await bot.ask('我们是做K12在线教育平台的公司，这个方案跟我们有关系吗');
    expect(a.query?.ignored).toContain('k12');
    expect(sections(a)[0]).toBe('3.2.1');
    expect((await bot.ask('我们是做量子通信的公司，有什么政策')).status).toBe('not_found');
  });

  it('place: a city the text does not name is in scope through the clauses of every city government', async () => {
    const a = await bot.ask('淄博在这个方案里有什么任务');
    expect(a.query?.ask).toBe('place');
    expect(a.lead).toMatch(/^方案没有点名淄博。/);
    expect(a.lead).toContain('责任单位包括各市政府的条款，适用于淄博');
    expect(sections(a)).toEqual(expect.arrayContaining(['2.2.1', '3.1.2', '3.3.1', '4.1']));
    const named = await bot.ask('德州在这个方案里有什么角色');
    expect(named.lead).toContain('方案中点名德州的条款');
    expect(sections(named)[0]).toBe('3.1.2');
  });

  it('a subject asked with a city the clause does not name says whether the clause applies there', async () => {
    const a = await bot.ask('菏泽在智慧农业上有啥任务');
    expect(a.lead).toContain('该条款责任单位包括各市政府，菏泽适用');
  });

  it('English: the fact in English first, then the Chinese quote and the official unit names', async () => {
    const a = await bot.ask('How many 5G base stations will Shandong build by 2022?');
    expect(a.query?.language).toBe('en');
    expect(a.lead).toBe('5G base station (5G基站): 11.2万个 by 2022.');
    expect(a.answer).toContain('Quote (原文): “优化5G基站布局，到2022年建成5G基站11.2万个');
    expect(a.answer).toContain('省工业和信息化厅 (Provincial Department of Industry and Information Technology)');
    const who = await bot.ask('Who is responsible for smart education?');
    expect(who.lead).toContain('省教育厅 (Provincial Department of Education)');
  });

  it('English: another province, or a word the glossary cannot place, is not in this policy', async () => {
    for (const q of ["What is Guangdong's hydrogen station target?", 'How many quantum communication networks?']) {
      const a = await bot.ask(q);
      expect(a.status, q).toBe('not_found');
      expect(a.answer.startsWith(NOT_FOUND_EN), q).toBe(true);
      expect(a.citations).toEqual([]);
    }
    // A short glossary word never matches inside a longer English word.
    expect((await bot.ask('What did the plan say about maintaining things?')).query?.text).not.toContain('人工智能');
  });

  it('typos: a likely typo is read by sound or shape, and the answer says so', async () => {
    const a = await bot.ask('加青站要建几座');
    expect(a.query?.corrections).toEqual([{ from: '加青站', to: '加氢站' }]);
    expect(a.lead.split('\n')[0]).toBe('按“加氢站”理解。');
    expect(a.lead).toContain('30座');
    expect((await bot.ask('NB-loT网络覆盖的时间节点')).query?.corrections).toEqual([{ from: 'nb-lot', to: 'nb-iot' }]);
  });

  it('no evidence, no answer: terms, compounds and places the policy never names', async () => {
    for (const q of [
      '量子通信网络要建多少公里',
      '元宇宙产业园建几个',
      '6G基站要建多少',
      '4G基站要建多少个',
      '换电站要建多少座',
      '工业机器人产业园要建几个',
      '智慧养老社区建几个',
      '广东省的充电桩目标是多少',
      '山东省新基建2025年目标是多少',
    ]) {
      const a = await bot.ask(q);
      expect(a.status, q).toBe('not_found');
      expect(a.citations, q).toEqual([]);
    }
  });

  it('every answer states only numbers and units its citations or the document’s facts hold, and its query validates', async () => {
    const questions = [
      '数据中心集聚区和智慧社区样板分别要建多少',
      '智慧农业应用基地比智慧物流基地多多少个',
      '加氢站的目标是50座，对吗',
      '省能源局牵头的任务有哪些',
      '重点行动一共有几个',
      '这个方案是谁印发的，文号是多少',
      '淄博在这个方案里有什么任务',
      '我们是聊城的一家做智慧农业的企业，有什么政策',
      'How many 5G base stations will Shandong build by 2022?',
    ];
    const facts = ['鲁政字〔2020〕228号 2020年11月2日 2020-11-02 2020 2022', new Date().toISOString().slice(0, 10)];
    for (const q of questions) {
      const a = await bot.ask(q);
      expect(() => QuerySchema.parse(a.query), q).not.toThrow();
      const counts = a.answer.match(/(?:共|有|（)(\d+)(?:项|部分|条)/g)?.map((m) => m.replace(/\D/g, '')) ?? [];
      const worked = a.answer.match(/=\s*(\d+)/g)?.map((m) => m.replace(/\D/g, '')) ?? [];
      expect(
        ungroundedNumbers(a.answer, a.citations, [
          ...facts,
          ...counts,
          ...worked,
          ...(a.query?.claim?.quantities.map((c) => c.raw) ?? []),
        ]),
        q,
      ).toEqual([]);
      expect(ungroundedUnits(a.answer, a.citations, unitsOf(bot)), q).toEqual([]);
    }
  });
});

function unitsOf(b: PolicyBot): string[] {
  return [...new Set(b.clauses.flatMap((c) => c.units))].sort((x, y) => y.length - x.length);
}
