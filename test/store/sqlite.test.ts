import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SqliteStore } from '../../src/store/sqlite.js';
import type { QuestionRecord } from '../../src/store/store.js';
import { normaliseQuestion } from '../../src/store/normalise.js';
import { tempDir } from '../helpers/temp.js';

const record = (question: string, status: QuestionRecord['status'] = 'answered'): QuestionRecord => ({
  surface: 'mention',
  user: 'UASKER',
  channel: 'CGENERAL',
  question,
  status,
  answer: status === 'answered' ? '加氢站：到2022年，30座。' : '本政策文件中没有找到相关内容。',
  citations: [],
  ms: 4.2,
});

describe('SqliteStore', () => {
  const stores: SqliteStore[] = [];
  const open = (path = ':memory:') => {
    const store = SqliteStore.open(path);
    stores.push(store);
    return store;
  };
  afterEach(() => {
    for (const store of stores.splice(0)) store.close();
  });

  it('creates the database file and its directory', () => {
    const path = join(tempDir('feedback-'), 'nested', 'dir', 'feedback.sqlite');
    open(path).logQuestion(record('加氢站目标是多少'));
    expect(existsSync(path)).toBe(true);
  });

  it('keeps its rows across reopening (the migration runs once)', () => {
    const path = join(tempDir('feedback-'), 'feedback.sqlite');
    const first = SqliteStore.open(path);
    const id = first.logQuestion(record('加氢站目标是多少'));
    first.addVote(id, 'U1', 1);
    first.close();
    const again = open(path);
    expect(again.totals()).toEqual({ questions: 1, answered: 1, notFound: 0, up: 1, down: 0 });
  });

  it('adds one vote row per click and refuses votes for unknown questions', () => {
    const store = open();
    const id = store.logQuestion(record('加氢站目标是多少'));
    expect(store.addVote(id, 'U1', 1)).toBe(true);
    expect(store.addVote(id, 'U1', -1)).toBe(true);
    expect(store.votes(id)).toEqual([
      { user: 'U1', vote: 1 },
      { user: 'U1', vote: -1 },
    ]);
    expect(store.addVote(id + 100, 'U1', 1)).toBe(false);
  });

  it('groups the most asked questions by normalised text, showing the latest wording', () => {
    const store = open();
    store.logQuestion(record('加氢站目标是多少？'));
    store.logQuestion(record(' 加氢站 目标是多少'));
    store.logQuestion(record('加氢站目标是多少!'));
    store.logQuestion(record('5G基站建多少个'));
    const top = store.mostAsked(10);
    expect(top.map((q) => [q.question, q.count])).toEqual([
      ['加氢站目标是多少!', 3],
      ['5G基站建多少个', 1],
    ]);
  });

  it('lists the unanswered questions separately', () => {
    const store = open();
    store.logQuestion(record('火星基地建设目标', 'not_found'));
    store.logQuestion(record('火星基地建设目标？', 'not_found'));
    store.logQuestion(record('加氢站目标是多少'));
    expect(store.mostAsked(10, 'not_found').map((q) => [q.question, q.count])).toEqual([['火星基地建设目标？', 2]]);
  });

  it('counts each user’s latest vote for the downvoted list', () => {
    const store = open();
    const a = store.logQuestion(record('加氢站目标是多少'));
    const b = store.logQuestion(record('5G基站建多少个'));
    store.addVote(a, 'U1', -1);
    store.addVote(a, 'U1', 1); // changed their mind
    store.addVote(b, 'U1', -1);
    store.addVote(b, 'U2', -1);
    store.addVote(b, 'U3', 1);
    expect(store.downvoted(10)).toEqual([
      { id: b, question: '5G基站建多少个', answer: '加氢站：到2022年，30座。', up: 1, down: 2 },
    ]);
    expect(store.totals()).toMatchObject({ up: 2, down: 2 });
  });
});

describe('normaliseQuestion', () => {
  it('ignores spaces, punctuation, full-width forms and case', () => {
    expect(normaliseQuestion(' ５Ｇ 基站，建多少个？')).toBe(normaliseQuestion('5g基站建多少个'));
  });
});
