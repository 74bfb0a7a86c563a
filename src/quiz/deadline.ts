import type { Clause } from '../core/schema.js';
import { deadlinesIn, splitSentences } from '../core/text.js';
import { buildQuestion, nodeKey, nodeNames, nodesOf } from './corpus.js';
import type { QuizQuestion } from './types.js';
import type { QuizSource } from './source.js';

interface Dated {
  /** The deadline as written: "到2022年", "2020年底前", "2020年". */
  phrase: string;
  sentence: string;
}

/** Every year a clause sets a deadline in, with the first sentence that sets it; its targets' years too. */
export function datedYears(clause: Clause, source: QuizSource): Map<number, Dated> {
  const years = new Map<number, Dated>();
  for (const sentence of splitSentences(clause.text)) {
    for (const m of deadlinesIn(sentence)) {
      const year = Number(m[1]);
      if (!years.has(year)) years.set(year, { phrase: m[0], sentence });
    }
  }
  for (const t of source.targets) {
    if (t.doc !== clause.doc || t.section !== clause.section || t.year === null || years.has(t.year)) continue;
    if (clause.text.includes(t.quote)) years.set(t.year, { phrase: t.deadline, sentence: t.quote });
  }
  return years;
}

/** "到2022年" and "2020年底前" read after 要求 as written; a bare "2020年" needs 在. */
function when(phrase: string): string {
  return phrase.startsWith('到') || phrase.startsWith('至') || phrase.endsWith('前') ? phrase : `在${phrase}`;
}

/**
 * "哪项任务要求2020年底前完成？": the right option is a task (a clause) with a deadline in that year; the wrong ones
 * are tasks with deadlines only in other years, so the text dates none of them to the year asked. Nearest first.
 */
export function deadlineQuestions(source: QuizSource): QuizQuestion[] {
  const names = nodeNames(nodesOf(source));
  const name = (c: Clause) => names.get(nodeKey(c.doc, c.section))!;
  const dated = source.clauses
    .map((clause, order) => ({ clause, order, years: datedYears(clause, source) }))
    .filter((d) => d.years.size > 0);
  const questions: QuizQuestion[] = [];
  for (const d of dated) {
    for (const [year, { phrase, sentence }] of d.years) {
      const wrong = dated
        .filter((o) => o.clause.doc === d.clause.doc && !o.years.has(year))
        .sort((a, b) => Math.abs(a.order - d.order) - Math.abs(b.order - d.order) || a.order - b.order)
        .map((o) => name(o.clause));
      const q = buildQuestion({
        kind: 'deadline',
        doc: d.clause.doc,
        section: d.clause.section,
        subject: String(year),
        question: `哪项任务要求${when(phrase)}完成？`,
        right: name(d.clause),
        wrong,
        quote: sentence,
      });
      if (q) questions.push(q);
    }
  }
  return questions;
}
