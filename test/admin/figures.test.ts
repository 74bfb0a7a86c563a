import { describe, expect, it } from 'vitest';
import { gatherFigures, percent } from '../../src/admin/figures.js';
import { SqliteStore } from '../../src/store/sqlite.js';
import { TABLES } from '../../src/admin/tables.js';
import {
  ASKED,
  QUIZZES,
  TOTAL_ASKED,
  TOTAL_NOT_FOUND,
  beijingDay,
  expectedPerDay,
  seedDashboard,
} from './helpers/seed.js';

const NOW = new Date('2024-05-20T03:00:00Z'); // 11:00 in Beijing

function seeded(): SqliteStore {
  const store = SqliteStore.open(':memory:');
  seedDashboard(store, NOW);
  return store;
}

describe('gatherFigures', () => {
  it('counts questions per Beijing day over the window, days without questions as zeros, oldest first', () => {
    const store = seeded();
    const f = gatherFigures(store, { days: 14, limit: 20, now: NOW });
    store.close();
    expect(f.perDay).toHaveLength(14);
    expect(f.perDay[0]!.day).toBe('2024-05-07');
    expect(f.perDay.at(-1)!.day).toBe('2024-05-20');
    const expected = expectedPerDay(NOW);
    for (const d of f.perDay) {
      expect({ answered: d.answered, notFound: d.notFound }).toEqual(
        expected.get(d.day) ?? { answered: 0, notFound: 0 },
      );
    }
  });

  it('leaves out questions before the window', () => {
    const store = seeded();
    const f = gatherFigures(store, { days: 3, limit: 20, now: NOW });
    store.close();
    expect(f.perDay.map((d) => d.day)).toEqual(['2024-05-18', '2024-05-19', '2024-05-20']);
    const inWindow = ASKED.filter(([daysAgo]) => daysAgo < 3).reduce((n, [, , , times]) => n + times, 0);
    expect(f.perDay.reduce((n, d) => n + d.answered + d.notFound, 0)).toBe(inWindow);
  });

  it('puts a question asked at 23:30 Beijing time on that day, not the next UTC one', () => {
    const store = SqliteStore.open(':memory:');
    store.logQuestion(
      {
        surface: 'dm',
        user: 'U1',
        channel: 'D1',
        question: '深夜的问题',
        status: 'answered',
        answer: '',
        citations: [],
        ms: 1,
      },
      new Date('2024-05-19T15:30:00Z'),
    );
    const f = gatherFigures(store, { days: 2, limit: 5, now: NOW });
    store.close();
    expect(f.perDay).toEqual([
      { day: '2024-05-19', answered: 1, notFound: 0 },
      { day: '2024-05-20', answered: 0, notFound: 0 },
    ]);
  });

  it('gives the totals with the shares answered and not found', () => {
    const store = seeded();
    const { totals } = gatherFigures(store, { days: 30, limit: 20, now: NOW });
    store.close();
    expect(totals).toMatchObject({
      questions: TOTAL_ASKED,
      answered: TOTAL_ASKED - TOTAL_NOT_FOUND,
      notFound: TOTAL_NOT_FOUND,
      up: 1,
      down: 4,
    });
    expect(totals.answeredShare + totals.notFoundShare).toBeCloseTo(1);
    expect(percent(totals.notFoundShare)).toBe(percent(TOTAL_NOT_FOUND / TOTAL_ASKED));
  });

  it('groups unanswered questions by wording (punctuation aside), most asked first', () => {
    const store = seeded();
    const f = gatherFigures(store, { days: 30, limit: 20, now: NOW });
    store.close();
    expect(f.unanswered.map((q) => [q.question, q.count])).toEqual([
      ['无人驾驶出租车什么时候开通', 3],
      ['火星基地建设目标', 1],
      ['量子通信网络覆盖哪些城市', 1],
    ]);
    expect(f.mostAsked[0]).toMatchObject({ question: '加氢站目标是多少', count: 4 });
  });

  it('lists downvoted answers with each 👎 reason and note, and the clauses they cited', () => {
    const store = seeded();
    const f = gatherFigures(store, { days: 30, limit: 20, now: NOW });
    store.close();
    const fiveG = f.downvoted.find((d) => d.question === '5G基站建多少个')!;
    expect(fiveG).toMatchObject({ down: 2, up: 0, status: 'answered' });
    expect(fiveG.reasons.map((r) => [r.user, r.reason, r.note])).toEqual([
      ['UREADER1', 'inaccurate', '数字和文件里的不一致'],
      ['UREADER2', 'outdated', ''],
    ]);
    expect(fiveG.citations).toEqual([
      {
        doc: 'shandong-new-infrastructure-2020-2022',
        title: '山东省新基建三年行动方案（2020-2022年）',
        section: '2.1.1',
        heading: '加快5G网络建设',
      },
    ]);
    const silent = f.downvoted.find((d) => d.question === '充电桩保有量目标')!;
    expect(silent.reasons).toMatchObject([{ user: 'UREADER5', reason: null, note: '' }]);
    const row = TABLES.downvoted.rows(f).find((r) => r[2] === '5G基站建多少个')!;
    expect(row[6]).toBe('不准确：数字和文件里的不一致（UREADER1）\n已过时（UREADER2）');
    expect(row[7]).toBe('《山东省新基建三年行动方案（2020-2022年）》 2.1.1 加快5G网络建设');
  });

  it('summarises each quiz (participants, average score) newest first, and lists every participant', () => {
    const store = seeded();
    const f = gatherFigures(store, { days: 30, limit: 20, now: NOW });
    store.close();
    expect(f.quizzes.map((q) => [q.id, q.questions, q.participants, q.averageCorrect])).toEqual([
      ['Q-team', 5, 2, 4.5],
      ['Q-private', 4, 1, 2],
      ['Q-channel', 5, 3, 4],
    ]);
    expect(f.quizzes[2]).toMatchObject({
      owner: 'UTRAINER',
      channel: 'CONBOARD',
      part: '智慧+民生',
      averageShare: 0.8,
    });
    expect(f.participants).toHaveLength(QUIZZES.reduce((n, q) => n + q[6].length, 0));
    expect(f.participants.filter((p) => p.quizId === 'Q-channel').map((p) => [p.user, p.correct])).toEqual([
      ['UNEW1', 5],
      ['UNEW3', 4],
      ['UNEW2', 3],
    ]);
    expect(beijingDay(new Date(f.quizzes[0]!.ts))).toBe('2024-05-19');
  });

  it('is all zeros and empty lists for an empty store', () => {
    const store = SqliteStore.open(':memory:');
    const f = gatherFigures(store, { days: 7, limit: 5, now: NOW });
    store.close();
    expect(f.perDay.every((d) => d.answered === 0 && d.notFound === 0)).toBe(true);
    expect(f.totals).toMatchObject({ questions: 0, answeredShare: 0, notFoundShare: 0 });
    expect([f.mostAsked, f.unanswered, f.downvoted, f.quizzes, f.participants]).toEqual([[], [], [], [], []]);
  });
});

describe('SqliteStore.questionRows', () => {
  it('reads the whole log oldest first, across pages, with each question’s votes and cited clauses', () => {
    const store = seeded();
    for (let i = 0; i < 1200; i++) {
      store.logQuestion({
        surface: 'dm',
        user: 'U9',
        channel: null,
        question: `第${i}问`,
        status: 'not_found',
        answer: '',
        citations: [],
        ms: 1,
      });
    }
    const rows = [...store.questionRows()];
    // Another query between pages must work: no cursor is held open.
    const iterator = store.questionRows()[Symbol.iterator]();
    iterator.next();
    expect(store.totals().questions).toBe(TOTAL_ASKED + 1200);
    store.close();
    expect(rows).toHaveLength(TOTAL_ASKED + 1200);
    expect(rows.map((r) => r.id)).toEqual([...rows.map((r) => r.id)].sort((a, b) => a - b));
    const fiveG = rows.find((r) => r.question === '5G基站建多少个')!;
    expect(fiveG).toMatchObject({ up: 0, down: 2, status: 'answered', surface: 'mention' });
    expect(fiveG.citations[0]).toMatchObject({ section: '2.1.1', heading: '加快5G网络建设' });
    expect(rows.at(-1)).toMatchObject({ question: '第1199问', channel: null, up: 0, down: 0 });
  });
});
