import { cpSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { PolicyBot } from '../../src/bot.js';
import { openBot } from '../../src/open.js';
import { POLICY_FILE, tempDir } from '../helpers/index.js';

let bot: PolicyBot;
beforeAll(async () => {
  const seeds = join(tempDir(), 'seeds');
  mkdirSync(seeds);
  cpSync(POLICY_FILE, join(seeds, 'shandong.txt'));
  cpSync('test/fixtures/seeds-extra/jinan-digital-economy.txt', join(seeds, 'jinan.txt'));
  bot = await openBot({ indexDir: join(tempDir(), 'index'), seedsDir: seeds });
});

describe('a corpus of several policies', () => {
  it('answers from the policy the question is about and cites it by title', async () => {
    const a = await bot.ask('算力中心要建几个');
    expect(a.citations[0]).toMatchObject({
      doc: 'jinan',
      section: '1.1',
      title: '济南市数字经济发展行动方案（2021-2023年）',
    });
    expect(a.answer.split('\n')[0]).toContain('3个');
    expect((await bot.ask('加氢站目标是多少')).citations[0]).toMatchObject({ doc: 'shandong', section: '2.2.1' });
  });

  it('picks, among parts of the same name, the one of the policy the question names', async () => {
    const a = await bot.ask('济南市数字经济发展的保障措施有哪些');
    expect(a.intent).toBe('overview');
    expect(a.answer).toContain('加强组织领导');
    expect(a.citations.map((c) => `${c.doc}:${c.section}`)).toEqual(['jinan:2.1', 'jinan:2.2']);
  });

  it('keeps a unit of one policy apart from the others', () => {
    expect(bot.clausesForUnit('市财政局').clauses.map((c) => `${c.doc}:${c.section}`)).toEqual(['jinan:2.2']);
  });
});
