import { describe, expect, it } from 'vitest';
import type { QuizQuestion } from '../../src/quiz/types.js';
import { SqliteStore } from '../../src/store/sqlite.js';

const question: QuizQuestion = {
  id: 'target:policy:2.2.1:加氢站',
  kind: 'target',
  question: '到2022年全省加氢站目标是多少座？',
  options: ['10座', '30座', '50座', '100座'],
  answer: 1,
  doc: 'policy',
  section: '2.2.1',
  quote: '到2022年，全省累计建成加氢站30座。',
};

describe('SqliteStore quiz results', () => {
  it('keeps a quiz and counts each participant’s first answer to a question only', () => {
    const store = SqliteStore.open(':memory:');
    store.saveQuiz({ id: 'Q1', owner: 'UTRAINER', channel: 'CTRAIN', part: null, seed: 's', questions: [question] });
    expect(store.quiz('Q1')).toMatchObject({ owner: 'UTRAINER', channel: 'CTRAIN', questions: [question] });
    expect(store.quiz('nope')).toBeUndefined();
    expect(store.answerQuiz('Q1', 0, 'UA', 1, true)).toBe(true);
    expect(store.answerQuiz('Q1', 0, 'UA', 2, false)).toBe(false);
    expect(store.answerQuiz('Q1', 0, 'UB', 3, false)).toBe(true);
    expect(store.quizAnswers('Q1', 'UA')).toEqual([{ question: 0, chosen: 1, correct: true }]);
    expect(store.quizScores('Q1')).toEqual([
      { user: 'UA', correct: 1, answered: 1 },
      { user: 'UB', correct: 0, answered: 1 },
    ]);
    store.close();
  });
});

describe('SqliteStore vote reasons', () => {
  it('attaches the reason to the user’s latest 👎, recording the 👎 when there was none', () => {
    const store = SqliteStore.open(':memory:');
    const id = store.logQuestion({
      surface: 'mention',
      user: 'UASK',
      channel: 'C1',
      question: '加氢站目标是多少',
      status: 'answered',
      answer: '30座',
      citations: [],
      ms: 1,
    });
    store.addVote(id, 'UV', -1);
    expect(store.explainVote(id, 'UV', 'incomplete', '没有说责任单位')).toBe(true);
    expect(store.explainVote(id, 'UW', 'outdated', '')).toBe(true);
    expect(store.votes(id)).toEqual([
      { user: 'UV', vote: -1 },
      { user: 'UW', vote: -1 },
    ]);
    expect(store.explainVote(9999, 'UV', 'other', 'x')).toBe(false);
    store.close();
  });
});
