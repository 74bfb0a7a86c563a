import type { Citation } from '../../../src/answer/types.js';
import type { QuizQuestion } from '../../../src/quiz/types.js';
import type { SqliteStore } from '../../../src/store/sqlite.js';

const DAY_MS = 86_400_000;
const BEIJING_MS = 8 * 3_600_000;

/** Noon, Beijing time, `daysAgo` days before `now`'s Beijing day: the day it is counted under is never in doubt. */
export function beijingNoon(now: Date, daysAgo: number): Date {
  const midnight = Math.floor((now.getTime() + BEIJING_MS) / DAY_MS) * DAY_MS - BEIJING_MS;
  return new Date(midnight - daysAgo * DAY_MS + 12 * 3_600_000);
}

export function beijingDay(date: Date): string {
  return new Date(date.getTime() + BEIJING_MS).toISOString().slice(0, 10);
}

const HYDROGEN: Citation = {
  doc: 'shandong-new-infrastructure-2020-2022',
  title: '山东省新基建三年行动方案（2020-2022年）',
  section: '2.2.1',
  path: '二、重点行动 › （二）融合基础设施升级行动 › 1.科学配置充电桩和加氢站',
  heading: '科学配置充电桩和加氢站',
  units: ['省能源局'],
  quote: '到2022年，全省各类充电桩保有量达10万个以上、加氢站30座。',
  score: 0.05,
};
const FIVE_G: Citation = {
  ...HYDROGEN,
  section: '2.1.1',
  path: '二、重点行动 › （一）信息基础设施提速行动 › 1.加快5G网络建设',
  heading: '加快5G网络建设',
  units: ['省通信管理局'],
  quote: '到2022年，累计开通5G基站10万个。',
};

/** [days ago, question, outcome, times asked, cited clause]. */
export const ASKED: [number, string, 'answered' | 'not_found', number, Citation | null][] = [
  [0, '加氢站目标是多少', 'answered', 3, HYDROGEN],
  [0, '火星基地建设目标', 'not_found', 1, null],
  [1, '5G基站建多少个', 'answered', 2, FIVE_G],
  [1, '智慧医疗的责任单位是？', 'answered', 1, HYDROGEN],
  [2, '充电桩保有量目标', 'answered', 2, HYDROGEN],
  [3, '数据中心机架数', 'answered', 1, FIVE_G],
  [3, '无人驾驶出租车什么时候开通', 'not_found', 2, null],
  [5, '工业互联网平台有哪些', 'answered', 2, FIVE_G],
  [6, '加氢站目标是多少？', 'answered', 1, HYDROGEN],
  [8, '量子通信网络覆盖哪些城市', 'not_found', 1, null],
  [10, '“智慧+民生”包括哪些场景？', 'answered', 2, HYDROGEN],
  [12, '无人驾驶出租车什么时候开通？', 'not_found', 1, null],
];

function question(i: number, correct: number): QuizQuestion {
  const options = ['30座', '10座', '50座', '100座'];
  return {
    id: `target-${i}`,
    kind: 'target',
    question: `第${i + 1}题：到2022年全省加氢站目标是多少座？`,
    options,
    answer: correct,
    doc: HYDROGEN.doc,
    section: HYDROGEN.section,
    quote: HYDROGEN.quote,
  };
}

/** [quiz id, days ago, owner, channel, part, questions, [participant, right answers][]]. */
export const QUIZZES: [string, number, string, string | null, string | null, number, [string, number][]][] = [
  [
    'Q-channel',
    4,
    'UTRAINER',
    'CONBOARD',
    '智慧+民生',
    5,
    [
      ['UNEW1', 5],
      ['UNEW2', 3],
      ['UNEW3', 4],
    ],
  ],
  ['Q-private', 2, 'UNEW4', null, null, 4, [['UNEW4', 2]]],
  [
    'Q-team',
    1,
    'UTRAINER',
    'CTEAM',
    '2.2',
    5,
    [
      ['UNEW5', 5],
      ['UNEW6', 4],
    ],
  ],
];

export interface Seeded {
  /** Question ids by wording (the first row of each). */
  ids: Map<string, number>;
}

/** A store with what a few weeks of use leave: questions on several days, votes with reasons, three quizzes. */
export function seedDashboard(store: SqliteStore, now = new Date()): Seeded {
  const ids = new Map<string, number>();
  // Oldest first, as they were asked.
  for (const [daysAgo, text, status, times, citation] of [...ASKED].sort((a, b) => b[0] - a[0])) {
    for (let i = 0; i < times; i++) {
      const id = store.logQuestion(
        {
          surface: i % 2 === 0 ? 'mention' : 'dm',
          user: `U${(text.length + i) % 7}`,
          channel: i % 2 === 0 ? 'CGENERAL' : 'D1',
          question: text,
          status,
          answer:
            status === 'answered' ? `${citation!.quote}（${citation!.heading}，${citation!.section}）` : '未找到答案',
          citations: citation ? [citation] : [],
          ms: 4 + i,
        },
        new Date(beijingNoon(now, daysAgo).getTime() + i * 60_000),
      );
      if (!ids.has(text)) ids.set(text, id);
    }
  }
  const at = beijingNoon(now, 0);
  const fiveG = ids.get('5G基站建多少个')!;
  store.addVote(fiveG, 'UREADER1', -1, at);
  store.explainVote(fiveG, 'UREADER1', 'inaccurate', '数字和文件里的不一致', at);
  store.explainVote(fiveG, 'UREADER2', 'outdated', '', at);
  store.explainVote(ids.get('数据中心机架数')!, 'UREADER3', 'incomplete', '只说了机架，没说PUE', at);
  store.addVote(ids.get('加氢站目标是多少')!, 'UREADER4', 1, at);
  store.addVote(ids.get('充电桩保有量目标')!, 'UREADER5', -1, at);

  for (const [id, daysAgo, owner, channel, part, count, scores] of QUIZZES) {
    const questions = Array.from({ length: count }, (_, i) => question(i, 0));
    store.saveQuiz({ id, owner, channel, part, seed: id, questions }, beijingNoon(now, daysAgo));
    for (const [user, right] of scores) {
      for (let q = 0; q < count; q++) store.answerQuiz(id, q, user, q < right ? 0 : 1, q < right);
    }
  }
  return { ids };
}

/** What the seeded store's figures must show, computed from the seed's own table. */
export function expectedPerDay(now: Date): Map<string, { answered: number; notFound: number }> {
  const days = new Map<string, { answered: number; notFound: number }>();
  for (const [daysAgo, , status, times] of ASKED) {
    const day = beijingDay(beijingNoon(now, daysAgo));
    const counts = days.get(day) ?? { answered: 0, notFound: 0 };
    if (status === 'answered') counts.answered += times;
    else counts.notFound += times;
    days.set(day, counts);
  }
  return days;
}

export const TOTAL_ASKED = ASKED.reduce((n, [, , , times]) => n + times, 0);
export const TOTAL_NOT_FOUND = ASKED.filter(([, , s]) => s === 'not_found').reduce((n, [, , , t]) => n + t, 0);
