import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { reportText, runReport } from '../../src/feedback/report.js';
import { SqliteStore } from '../../src/store/sqlite.js';

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
    expect(text.match(/（无）/g)).toHaveLength(3);
  });
});

describe('runReport', () => {
  it('prints the report of the database POLICYBOT_DB_PATH names', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'policybot-report-')), 'feedback.sqlite');
    seeded(path).close();
    const out = capture();
    runReport({ POLICYBOT_DB_PATH: path }, out);
    expect(out.text()).toContain('2× 加氢站目标是多少？');
  });

  it('explains, without creating it, when there is no database yet', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'policybot-report-')), 'missing', 'feedback.sqlite');
    const out = capture();
    runReport({ POLICYBOT_DB_PATH: path }, out);
    expect(out.text()).toContain(`no feedback database at ${path}`);
    expect(existsSync(path)).toBe(false);
  });
});
