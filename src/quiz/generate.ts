import { inPart, nodeKey, nodesOf } from './corpus.js';
import { deadlineQuestions } from './deadline.js';
import { outlineQuestions } from './outline.js';
import { seededRandom, shuffle } from './random.js';
import type { QuizSource } from './source.js';
import { targetQuestions } from './target.js';
import type { QuizKind, QuizOptions, QuizQuestion } from './types.js';
import { unitQuestions } from './unit.js';

export { partExists } from './corpus.js';
export type { QuizSource } from './source.js';

export const DEFAULT_QUIZ_COUNT = 5;

/**
 * Every question the generator can make, its right option first (`answer` 0), in the policy's order; only those
 * whose cited section lies in `part` when it is given. A quiz is drawn from these.
 */
export function allQuizQuestions(source: QuizSource, part?: string): QuizQuestion[] {
  const all = [
    ...targetQuestions(source),
    ...unitQuestions(source),
    ...outlineQuestions(source),
    ...deadlineQuestions(source),
  ];
  if (part === undefined) return all;
  const scoped = new Set(
    nodesOf(source)
      .filter((n) => inPart(part, n))
      .map((n) => nodeKey(n.doc, n.section)),
  );
  return all.filter((q) => scoped.has(nodeKey(q.doc, q.section)));
}

/**
 * A quiz: `count` questions of the part, mixing the kinds and spreading over the sections, options shuffled. The
 * seed decides all of it; an empty list when the part names nothing or makes no question.
 */
export function generateQuiz(source: QuizSource, options: QuizOptions = {}): QuizQuestion[] {
  const random = seededRandom(options.seed ?? '');
  const candidates = shuffle(allQuizQuestions(source, options.part), random);
  return pick(candidates, options.count ?? DEFAULT_QUIZ_COUNT).map((q) => shuffleOptions(q, random));
}

/** One question of each kind in turn, each from a section not asked yet while there is one. */
function pick(candidates: readonly QuizQuestion[], count: number): QuizQuestion[] {
  const queues = new Map<QuizKind, QuizQuestion[]>();
  for (const q of candidates) queues.set(q.kind, [...(queues.get(q.kind) ?? []), q]);
  const picked: QuizQuestion[] = [];
  const asked = new Set<string>();
  const round = (fresh: boolean) => {
    let took = false;
    for (const queue of queues.values()) {
      if (picked.length >= count) break;
      const i = queue.findIndex((q) => !fresh || !asked.has(nodeKey(q.doc, q.section)));
      if (i < 0) continue;
      const [q] = queue.splice(i, 1);
      picked.push(q!);
      asked.add(nodeKey(q!.doc, q!.section));
      took = true;
    }
    return took;
  };
  while (picked.length < count) if (!round(true) && !round(false)) break;
  return picked;
}

function shuffleOptions(q: QuizQuestion, random: () => number): QuizQuestion {
  const order = shuffle(
    q.options.map((_, i) => i),
    random,
  );
  return { ...q, options: order.map((i) => q.options[i]!), answer: order.indexOf(q.answer) };
}
