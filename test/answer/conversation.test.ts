import { beforeAll, describe, expect, it } from 'vitest';
import type { Answer } from '../../src/answer/types.js';
import type { PolicyBot } from '../../src/bot.js';
import { openBot } from '../../src/open.js';
import { sharedBot } from '../helpers/index.js';

let bot: PolicyBot;
let indexDir: string;
beforeAll(async () => {
  ({ bot, indexDir } = await sharedBot());
});

const sections = (a: Answer) => a.citations.map((c) => c.section);

describe('conversation: a follow-up read in the light of its thread', () => {
  it('carries the subject to a question that names none: who, where, when', async () => {
    const who = await bot.ask('谁负责', { thread: ['智慧文旅有什么要求'] });
    expect(who.query?.continues?.subjects).toEqual(['智慧文旅']);
    expect(who.lead).toContain('省文化和旅游厅');
    expect(sections(who)[0]).toBe('3.1.3');
    const where = await bot.ask('涉及哪个城市', { thread: ['特高压有什么安排'] });
    expect(where.lead).toMatch(/^泰安/);
    expect(sections(where)[0]).toBe('2.2.2');
    const when = await bot.ask('什么时候完成？', { thread: ['NB-IoT网络覆盖有什么要求？'] });
    expect(when.lead).toMatch(/^2020年底前/);
  });

  it('carries the kind of question to a new subject: "那X呢"', async () => {
    const a = await bot.ask('那充电桩呢？', { thread: ['加氢站目标是多少'] });
    expect(a.query?.ask).toBe('value');
    expect(a.lead.split('\n')[0]).toContain('10万个');
  });

  it('carries a unit’s list to a new unit, and says a complete list is complete', async () => {
    const next = await bot.ask('那省农业农村厅呢', { thread: ['省海洋局负责哪些任务'] });
    expect(next.query?.ask).toBe('duties');
    expect(sections(next)).toEqual(['3.1.2']);
    const more = await bot.ask('还有呢', { thread: ['省海洋局负责哪些任务'] });
    expect(more.query?.ask).toBe('more');
    expect(more.lead).toMatch(/^上一条回答已列出全部相关条款，共1条/);
    expect(more.lead).not.toContain('null');
  });

  it('picks an item of the last list by its ordinal, and the next ordinal from the same list', async () => {
    const first = await bot.ask('第一类包括哪些', { thread: ['应用场景有哪几类'] });
    expect(first.lead).toContain('「（一）“智慧+产业”」包括以下4部分');
    expect(sections(first).every((s) => s.startsWith('3.1.'))).toBe(true);
    const third = await bot.ask('第三项呢？', { thread: ['重点行动有哪几项？', '第一项包括哪些内容？'] });
    expect(third.lead).toContain('（三）创新基础设施突破行动');
    expect(sections(third)).toEqual(['2.3.1', '2.3.2']);
  });

  it('keeps to the clause it is about when the follow-up names part of it', async () => {
    const a = await bot.ask('核心区在哪', { thread: ['数据中心集聚区要建几个'] });
    expect(sections(a)[0]).toBe('2.1.2');
    expect(a.lead).toContain('济南、青岛');
  });

  it('shows the rest of the clause, then the next clauses, for "还有吗"', async () => {
    const a = await bot.ask('还有吗', { thread: ['加氢站目标是多少'] });
    expect(a.lead).toMatch(/^「科学配置充电桩和加氢站」（2\.2\.1）还提到：/);
    expect(a.lead).toContain('公共停车场充电桩占车位比不低于15%');
  });

  it('leaves a question that stands on its own alone, and a not-found turn changes nothing', async () => {
    const fresh = await bot.ask('5G基站要建多少', { thread: ['加氢站目标是多少'] });
    expect(fresh.query?.continues).toBeNull();
    expect(sections(fresh)[0]).toBe('2.1.1');
    const after = await bot.ask('谁负责', { thread: ['智慧文旅有什么要求', '元宇宙产业园建几个'] });
    expect(sections(after)[0]).toBe('3.1.3');
  });

  it('answers the same in a thread however the engine is reached: a remembered conversation equals a replayed one', async () => {
    const thread = ['智慧农业有什么安排', '谁负责'];
    const warm = await bot.ask('还有呢', { thread });
    const cold = await (await openBot({ indexDir })).ask('还有呢', { thread });
    expect({ ...warm, ms: 0 }).toEqual({ ...cold, ms: 0 });
  });

  it('reads a message that asks several things as a conversation of its own', async () => {
    const a = await bot.ask('陇东-泰安西那个特高压直流工程是多少千伏的，牵头部门是哪个');
    expect(a.query?.questions).toHaveLength(2);
    expect(a.lead).toContain('800千伏');
    expect(a.lead).toContain('排在首位的是省能源局');
  });
});
