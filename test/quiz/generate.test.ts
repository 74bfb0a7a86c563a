import { beforeAll, describe, expect, it } from 'vitest';
import type { PolicyBot } from '../../src/bot.js';
import { allQuizQuestions, generateQuiz } from '../../src/quiz/generate.js';
import { QuizKindSchema, type QuizQuestion, QuizQuestionSchema } from '../../src/quiz/types.js';
import { sharedBot } from '../helpers/index.js';

let bot: PolicyBot;
let all: QuizQuestion[];
beforeAll(async () => {
  ({ bot } = await sharedBot());
  all = allQuizQuestions(bot);
});

// An independent reading of the corpus: what the text itself says, written apart from the generator.

interface Node {
  doc: string;
  section: string;
  heading: string;
  path: string;
}

function nodes(): Node[] {
  return [
    ...bot.documents.flatMap((d) =>
      d.outline.map((o) => ({ doc: d.id, section: o.section, heading: o.heading, path: o.path })),
    ),
    ...bot.clauses,
  ];
}

const parentOf = (section: string) => section.split('.').slice(0, -1).join('.');
const lastHeading = (n: Node) => n.heading || n.path.split(' › ').at(-1)!;
/** The subject a question asks about: the id's last field. */
const subjectOf = (q: QuizQuestion) => q.id.split(':').slice(3).join(':');
const related = (a: string, b: string) =>
  a === b || (Math.min(a.length, b.length) >= 2 && (a.includes(b) || b.includes(a)));

/** Whether the text states this figure for the subject: as one of its targets, or beside it in a span of a clause. */
function statesFigure(subject: string, option: string): boolean {
  if (bot.targets.some((t) => related(t.subject, subject) && (t.figure === option || `${t.value}${t.unit}` === option)))
    return true;
  const number = option.match(/^\d+(?:\.\d+)?/)?.[0];
  if (!number) return false;
  const alone = new RegExp(`(?<![\\d.])${number.replace('.', '\\.')}(?![\\d.])`);
  return bot.clauses.some((c) => c.text.split(/[，。；]/).some((span) => span.includes(subject) && alone.test(span)));
}

/** Whether the text dates the task an option names (a clause heading) to the year. */
function datesTask(option: string, year: number): boolean {
  const named = bot.clauses.filter((c) => lastHeading(c) === option || c.path.endsWith(` › ${option}`));
  expect(named, `option ${option} names one task`).toHaveLength(1);
  const [c] = named;
  return c!.text.includes(`${year}年`) || bot.targets.some((t) => t.section === c!.section && t.year === year);
}

function supports(q: QuizQuestion, option: string): boolean {
  switch (q.kind) {
    case 'target':
      return statesFigure(subjectOf(q), option);
    case 'unit':
      return bot.clause(q.doc, q.section)!.units.some((u) => related(u, option));
    case 'outline': {
      const part = parentOf(q.section);
      return nodes().some((n) => n.doc === q.doc && parentOf(n.section) === part && lastHeading(n) === option);
    }
    case 'deadline':
      return datesTask(option, Number(q.question.match(/\d{4}/)![0]));
  }
}

/** The quote is verbatim: a sentence of the clause, its 责任单位 line as stored, or the heading path it cites. */
function quoteHolds(q: QuizQuestion): boolean {
  const clause = bot.clause(q.doc, q.section);
  if (q.kind === 'unit') return q.quote === `责任单位：${clause!.units.join('、')}`;
  if (q.kind === 'outline')
    return nodes().some((n) => n.doc === q.doc && n.section === q.section && n.path === q.quote);
  return clause?.text.includes(q.quote) === true;
}

function expectSound(q: QuizQuestion) {
  expect(QuizQuestionSchema.safeParse(q).success, q.id).toBe(true);
  expect(quoteHolds(q), `${q.id} quotes its clause`).toBe(true);
  const supported = q.options.filter((o) => supports(q, o));
  expect(supported, `${q.id}: exactly the right option is supported`).toEqual([q.options[q.answer]]);
}

/** Every part a trainer can name: each section number, and the words of each heading. */
function parts(): string[] {
  return [...new Set(nodes().flatMap((n) => [n.section, ...(n.heading ? [n.heading] : [])]))];
}

describe('allQuizQuestions', () => {
  it('makes only sound questions: valid, quoting their clause, with exactly one option the text supports', () => {
    expect(all.length).toBeGreaterThan(0);
    for (const q of all) expectSound(q);
  });

  it('makes only sound questions for every part, each within the part', () => {
    const byId = new Map(all.map((q) => [q.id, q]));
    for (const part of parts()) {
      for (const q of allQuizQuestions(bot, part)) {
        expect(byId.get(q.id), `${part}: ${q.id}`).toEqual(q);
        const path = nodes().find((n) => n.doc === q.doc && n.section === q.section)!.path;
        expect(
          /^\d/.test(part) ? `${q.section}.`.startsWith(`${part}.`) : path.includes(part),
          `${part}: ${q.id}`,
        ).toBe(true);
      }
    }
  });

  it('has a checker that catches a wrong option the text supports', () => {
    const tamper = (id: string, option: string) => {
      const q = all.find((q) => q.id.endsWith(id))!;
      const wrong = q.options.findIndex((_, i) => i !== q.answer);
      return { ...q, options: q.options.map((o, i) => (i === wrong ? option : o)) };
    };
    const cases = [
      tamper(':2.2.1:加氢站', '10座'), // 10万个 is written beside 加氢站, for 充电桩
      tamper(':2.1.1:省工业和信息化厅', '省通信管理局'),
      tamper('outline:shandong-new-infrastructure-2020-2022:3.2.2:“智慧+民生”', '智慧交通'),
      tamper('deadline:shandong-new-infrastructure-2020-2022:3.3.2:2020', '智慧工厂'),
    ];
    for (const q of cases)
      expect(
        q.options.filter((o) => supports(q, o)),
        q.id,
      ).toHaveLength(2);
  });

  it('makes every kind, each question once', () => {
    const kinds = new Set(all.map((q) => q.kind));
    expect([...kinds].sort()).toEqual([...QuizKindSchema.options].sort());
    expect(new Set(all.map((q) => q.id)).size).toBe(all.length);
  });

  it('asks a target as the figure is written, the wrong options in the same measure word', () => {
    const hydrogen = all.find((q) => q.kind === 'target' && subjectOf(q) === '加氢站')!;
    expect(hydrogen.question).toBe('到2022年，加氢站的目标是多少？');
    expect(hydrogen.options[hydrogen.answer]).toBe('30座');
    for (const q of all.filter((q) => q.kind === 'target')) {
      const unit = bot.targets.find((t) => t.section === q.section && t.figure === q.options[q.answer])!.unit;
      for (const o of q.options) expect(o.endsWith(unit), `${q.id}: ${o}`).toBe(true);
    }
  });

  it('skips a subject the wording cannot single out: one character, or several figures for one year', () => {
    const asked = new Set(all.filter((q) => q.kind === 'target').map(subjectOf));
    expect(asked.has('市')).toBe(false);
    expect([...asked].some((s) => s.startsWith('上架率'))).toBe(false);
  });

  it('asks about the units of a clause, its outline and its deadlines', () => {
    const medical = all.find((q) => q.id.endsWith(':3.2.2:省卫生健康委'))!;
    expect(medical.question).toBe('“智慧医疗”的责任单位是？');
    const people = all.filter((q) => q.kind === 'outline' && q.question === '“智慧+民生”包括以下哪一项？');
    expect(people.map((q) => q.options[q.answer])).toEqual(['智慧教育', '智慧医疗', '智慧交通']);
    const deadline = all.find((q) => q.kind === 'deadline' && q.question === '哪项任务要求2020年底前完成？')!;
    expect(deadline.quote).toContain('2020年底前');
  });
});

describe('generateQuiz', () => {
  const key = (quiz: QuizQuestion[]) => JSON.stringify(quiz);

  it('gives the same quiz for the same seed and a different one for another seed', () => {
    expect(generateQuiz(bot, { seed: '培训' })).toEqual(generateQuiz(bot, { seed: '培训' }));
    const quizzes = ['a', 'b', 'c', 'd', 'e', 'f'].map((seed) => key(generateQuiz(bot, { seed })));
    expect(new Set(quizzes).size).toBe(quizzes.length);
  });

  it('draws questions the generator can make, with the options shuffled and the answer following them', () => {
    const byId = new Map(all.map((q) => [q.id, q]));
    const answers = new Set<number>();
    for (const seed of ['1', '2', '3', '4', '5']) {
      for (const q of generateQuiz(bot, { seed, count: 10 })) {
        const original = byId.get(q.id)!;
        expect([...q.options].sort()).toEqual([...original.options].sort());
        expect(q.options[q.answer]).toBe(original.options[original.answer]);
        expect(Object.keys(q)).toEqual(['id', 'kind', 'question', 'options', 'answer', 'doc', 'section', 'quote']);
        answers.add(q.answer);
      }
    }
    expect(answers.size).toBeGreaterThan(2);
  });

  it('mixes the kinds and asks five questions by default, from different sections', () => {
    for (const seed of ['x', 'y', 'z']) {
      const quiz = generateQuiz(bot, { seed });
      expect(quiz).toHaveLength(5);
      expect(new Set(quiz.map((q) => q.kind)).size).toBe(4);
      expect(new Set(quiz.map((q) => `${q.doc}:${q.section}`)).size).toBe(5);
    }
  });

  it('keeps to the part, by section number or heading words', () => {
    const section = generateQuiz(bot, { part: '2.1', count: 8, seed: 's' });
    expect(section).toHaveLength(8);
    for (const q of section) expect(q.section.startsWith('2.1')).toBe(true);
    const heading = generateQuiz(bot, { part: '智慧+民生', count: 100, seed: 's' });
    expect(heading.length).toBe(allQuizQuestions(bot, '智慧+民生').length);
    for (const q of heading) expect(q.section === '3.2' || q.section.startsWith('3.2.')).toBe(true);
    expect(generateQuiz(bot, { part: '9.9' })).toEqual([]);
  });

  it('asks as many questions as asked, or all the part has, never one twice', () => {
    expect(generateQuiz(bot, { count: 3, seed: 's' })).toHaveLength(3);
    const many = generateQuiz(bot, { count: 1000, seed: 's' });
    expect(many).toHaveLength(all.length);
    expect(new Set(many.map((q) => q.id)).size).toBe(all.length);
  });
});
