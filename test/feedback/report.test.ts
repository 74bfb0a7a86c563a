import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { percent } from '../../src/admin/figures.js';
import { reportText, runReport } from '../../src/feedback/report.js';
import { SqliteStore } from '../../src/store/sqlite.js';
import { tempDir } from '../helpers/temp.js';
import { TOTAL_ASKED, TOTAL_NOT_FOUND, expectedPerDay, seedDashboard } from '../admin/helpers/seed.js';

function seeded(path = ':memory:'): SqliteStore {
  const store = SqliteStore.open(path);
  const ask = (question: string, status: 'answered' | 'not_found' = 'answered') =>
    store.logQuestion({
      surface: 'dm',
      user: 'U1',
      channel: 'D1',
      question,
      status,
      answer: `关于“${question}”的回答`,
      citations: [],
      ms: 3,
    });
  ask('加氢站目标是多少');
  ask('加氢站目标是多少？');
  const disliked = ask('5G基站建多少个');
  ask('火星基地建设目标', 'not_found');
  store.addVote(disliked, 'U2', -1);
  return store;
}

function capture(): PassThrough & { text(): string } {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  return Object.assign(out, { text: () => Buffer.concat(chunks).toString('utf8') });
}

describe('reportText', () => {
  it('lists the most asked, the unanswered and the downvoted questions', () => {
    const store = seeded();
    const text = reportText(store);
    store.close();
    expect(text).toContain('问答统计：共 4 个问题，已回答 3，未找到答案 1；👍 0，👎 1');
    expect(text).toMatch(/最常问的问题：\n {2}1\. 2× 加氢站目标是多少？\n/);
    expect(text).toMatch(/未找到答案的问题：\n {2}1\. 1× 火星基地建设目标（最近 \d{4}-/);
    expect(text).toMatch(/被点 👎 的回答：\n {2}1\. #\d+ 👎1 👍0 5G基站建多少个\n {5}→ 关于“5G基站建多少个”的回答/);
  });

  it('says （无） for empty lists', () => {
    const store = SqliteStore.open(':memory:');
    const text = reportText(store);
    store.close();
    // Questions per day, most asked, unanswered, downvoted, quizzes.
    expect(text.match(/（无）/g)).toHaveLength(5);
    expect(text).toContain('回答情况：已回答 0%，未找到答案 0%');
  });

  it('prints the dashboard’s figures: shares, questions per day, 👎 reasons and cited clauses, quiz results', () => {
    const now = new Date('2024-05-20T03:00:00Z');
    const store = SqliteStore.open(':memory:');
    seedDashboard(store, now);
    const text = reportText(store, { now, days: 14 });
    store.close();
    expect(text).toContain(
      `回答情况：已回答 ${percent(1 - TOTAL_NOT_FOUND / TOTAL_ASKED)}，未找到答案 ${percent(TOTAL_NOT_FOUND / TOTAL_ASKED)}`,
    );
    expect(text).toContain('每日提问（最近 14 天，北京时间；只列有提问的日子）：');
    const perDay = expectedPerDay(now);
    for (const [day, { answered, notFound }] of perDay) {
      if (day < '2024-05-07') continue;
      expect(text).toMatch(
        new RegExp(`\n {2}${day} {2}█+ ${answered + notFound}（已回答 ${answered}，未找到答案 ${notFound}）\n`),
      );
    }
    expect(text).toContain('  2024-05-20  ██████████████████████████████ 4（已回答 3，未找到答案 1）');
    expect(text).not.toContain('2024-05-09'); // a day without questions
    expect(text).toContain('  1. 3× 无人驾驶出租车什么时候开通（最近 2024-05-17 12:01）');
    expect(text).toMatch(
      /#\d+ 👎2 👍0 5G基站建多少个\n {5}→ .+\n {5}原因：不准确：数字和文件里的不一致（UREADER1）；已过时（UREADER2）\n {5}引用：《山东省新基建三年行动方案（2020-2022年）》 2\.1\.1 加快5G网络建设/,
    );
    expect(text).toContain(
      '测验结果：\n  1. Q-team 2024-05-19 12:00 UTRAINER，频道 CTEAM，范围 2.2：5 题，2 人参加，平均答对 4.5 题（90%）\n' +
        '     UNEW5 5/5 · UNEW6 4/5',
    );
    expect(text).toContain(
      'Q-private 2024-05-18 12:00 UNEW4，私下作答，范围 全部：4 题，1 人参加，平均答对 2 题（50%）',
    );
  });
});

describe('runReport', () => {
  it('prints the report of the database POLICYBOT_DB_PATH names', async () => {
    const path = join(tempDir('report-'), 'feedback.sqlite');
    seeded(path).close();
    const out = capture();
    runReport({ POLICYBOT_DB_PATH: path }, out);
    expect(out.text()).toContain('2× 加氢站目标是多少？');
  });

  it('explains, without creating it, when there is no database yet', () => {
    const path = join(tempDir('report-'), 'missing', 'feedback.sqlite');
    const out = capture();
    runReport({ POLICYBOT_DB_PATH: path }, out);
    expect(out.text()).toContain(`no feedback database at ${path}`);
    expect(existsSync(path)).toBe(false);
  });
});
