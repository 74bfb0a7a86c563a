import type { Clause } from '../core/schema.js';
import { buildQuestion, nodeKey, nodeNames, nodesOf, parentSection, quoted } from './corpus.js';
import type { QuizQuestion } from './types.js';
import type { QuizSource } from './source.js';

/** "有关市政府", "各市政府", "省有关部门" name no one in particular: neither a fair answer nor a fair distractor. */
const UNSPECIFIC = /有关|^各/;

/** The same body named two ways ("科技厅", "省科技厅"), the lenient match the bot uses for units. */
function sameUnit(a: string, b: string): boolean {
  return a.includes(b) || b.includes(a);
}

/** The 责任单位 line as the clause stores it: what a unit question quotes. */
export function unitLine(clause: Clause): string {
  return `责任单位：${clause.units.join('、')}`;
}

/** "以下哪个单位是“智慧医疗”的责任单位之一？", one question per named unit of each clause. */
export function unitQuestions(source: QuizSource): QuizQuestion[] {
  const names = nodeNames(nodesOf(source));
  const frequency = new Map<string, number>();
  for (const c of source.clauses) for (const u of c.units) frequency.set(u, (frequency.get(u) ?? 0) + 1);
  const pool = [...frequency.keys()].filter((u) => !UNSPECIFIC.test(u));
  const questions: QuizQuestion[] = [];
  for (const c of source.clauses) {
    const name = quoted(names.get(nodeKey(c.doc, c.section))!);
    const question = c.units.length > 1 ? `以下哪个单位是${name}的责任单位之一？` : `${name}的责任单位是？`;
    // Proven wrong: not among the clause's units, nor another way of naming one of them.
    const wrong = pool.filter((u) => !c.units.some((own) => sameUnit(own, u)));
    const siblings = new Set(
      source.clauses
        .filter((o) => o.doc === c.doc && parentSection(o.section) === parentSection(c.section))
        .flatMap((o) => o.units),
    );
    // Units that work beside this clause in its part first: the likeliest to be confused with its own.
    const ranked = wrong.sort(
      (a, b) => Number(siblings.has(b)) - Number(siblings.has(a)) || frequency.get(b)! - frequency.get(a)!,
    );
    for (const unit of c.units.filter((u) => !UNSPECIFIC.test(u))) {
      const q = buildQuestion({
        kind: 'unit',
        doc: c.doc,
        section: c.section,
        subject: unit,
        question,
        right: unit,
        wrong: ranked,
        quote: unitLine(c),
      });
      if (q) questions.push(q);
    }
  }
  return questions;
}
