import { figureOf } from '../answer/figures.js';
import type { Target } from '../core/schema.js';
import { amountOf } from '../core/text.js';
import { buildQuestion, clauseIndex, nodeKey } from './corpus.js';
import type { QuizQuestion } from './types.js';
import type { QuizSource } from './source.js';

/**
 * Classifiers of things counted one by one. When too few targets share a question's measure word (the policy has one
 * 座 figure), figures counted with another of these are borrowed and written with the question's word.
 */
const COUNTED = new Set('个座家所项条台套处名人户张批类种');

/** Clauses are cut here into the spans a figure is read in: "…保有量达10万个以上、加氢站30座，…" keeps both. */
const SPAN_BREAK = /[，。；：！？\n]/;
const NUMBER = /\d+(?:\.\d+)?/g;

/** A single character ("市", "县") names nothing once out of its sentence. */
const MIN_SUBJECT_LENGTH = 2;

/** The same thing counted: equal, or one name inside the other ("充电桩" and "各类充电桩保有量"). */
export function sameSubject(a: string, b: string): boolean {
  return a === b || (Math.min(a.length, b.length) >= MIN_SUBJECT_LENGTH && (a.includes(b) || b.includes(a)));
}

/** "到2022年，加氢站的目标是多少？", from each target whose subject the question can name without doubt. */
export function targetQuestions(source: QuizSource): QuizQuestion[] {
  const clauses = clauseIndex(source);
  const questions: QuizQuestion[] = [];
  for (const t of source.targets) {
    if (t.subject.length < MIN_SUBJECT_LENGTH) continue;
    if (!clauses.get(nodeKey(t.doc, t.section))?.text.includes(t.quote)) continue;
    const wording = askFor(t, source.targets);
    if (!wording) continue;
    const q = buildQuestion({
      kind: 'target',
      doc: t.doc,
      section: t.section,
      subject: wording.subject,
      question: wording.question,
      right: t.figure,
      wrong: distractors(t, source),
      quote: t.quote,
    });
    if (q) questions.push(q);
  }
  return questions;
}

/**
 * The question's wording, or nothing when the subject has another figure the wording cannot tell apart: it always
 * names the deadline, and names the qualifier ("上架率高于多少") when another figure of the subject shares the year.
 */
function askFor(t: Target, targets: readonly Target[]): { question: string; subject: string } | undefined {
  const rivals = targets.filter(
    (o) => o !== t && o.doc === t.doc && sameSubject(o.subject, t.subject) && !sameFigure(o, t),
  );
  const yearTells = (o: Target) => o.year !== null && t.year !== null && o.year !== t.year;
  const needQualifier = rivals.filter((o) => !yearTells(o));
  if (needQualifier.some((o) => o.qualifier === t.qualifier)) return undefined;
  const when = t.deadline ? `${t.deadline}，` : '';
  if (needQualifier.length === 0) return { question: `${when}${t.subject}的目标是多少？`, subject: t.subject };
  const asked = figureOf(t).replace(t.figure, '多少');
  return { question: `${when}${t.subject}${asked}？`, subject: `${t.subject}${t.qualifier}` };
}

function sameFigure(a: Target, b: Target): boolean {
  return amountOf(a.value, a.unit) === amountOf(b.value, b.unit) && a.unit === b.unit;
}

/**
 * Figures of other targets in the same measure, nearest in size first. Each is proven wrong: its number is no figure
 * of any target of the same subject, and appears in no span of the text that names the subject.
 */
function distractors(t: Target, source: QuizSource): string[] {
  const stated = statedNumbers(t, source);
  const own = amountOf(t.value, t.unit);
  const seen = new Set<number>([own]);
  const candidates: { figure: string; exact: boolean; distance: number }[] = [];
  for (const o of source.targets) {
    if (sameSubject(o.subject, t.subject) || o.figure !== `${o.value}${o.unit}` || stated.has(o.value)) continue;
    const exact = o.unit === t.unit;
    if (!exact && !(COUNTED.has(o.unit) && COUNTED.has(t.unit))) continue;
    const amount = amountOf(o.value, t.unit);
    if (seen.has(amount) || amount <= 0) continue;
    seen.add(amount);
    candidates.push({ figure: `${o.value}${t.unit}`, exact, distance: Math.abs(Math.log(amount / own)) });
  }
  return candidates
    .sort((a, b) => Number(b.exact) - Number(a.exact) || a.distance - b.distance || a.figure.localeCompare(b.figure))
    .map((c) => c.figure);
}

/** Every number the policy gives for the subject: its targets' values and the numbers of the spans naming it. */
function statedNumbers(t: Target, source: QuizSource): Set<number> {
  const stated = new Set<number>();
  const names = new Set([t.subject]);
  for (const o of source.targets) {
    if (!sameSubject(o.subject, t.subject)) continue;
    stated.add(o.value);
    names.add(o.subject);
  }
  for (const c of source.clauses) {
    for (const span of c.text.split(SPAN_BREAK)) {
      if (![...names].some((name) => span.includes(name))) continue;
      for (const n of span.match(NUMBER) ?? []) stated.add(Number(n));
    }
  }
  return stated;
}
