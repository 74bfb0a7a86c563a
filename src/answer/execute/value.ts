import type { Target } from '../../core/schema.js';
import { bigrams } from '../../core/tokenizer.js';
import type { Hit, Retrieval } from '../../retrieval/retrieve.js';
import { figureOf, statement } from '../figures.js';
import { topicWeight } from '../sentences.js';
import { answeringHits, bilingual, withClause, type Ctx } from './context.js';
import type { Finding, Line } from './finding.js';
import { summary } from './summary.js';

const RATIO_WORDS = /比例|比重|占比|率|百分|%/;

/** Words around a question's figure, or its ask, that pick among targets of one sentence. */
export interface Context {
  text: string;
  weight: number;
}

export interface ChosenTarget {
  target: Target;
  hit: Hit;
}

/**
 * The target a subject asks about: among the targets of the best clauses, the one whose subject the question
 * names most of, in the sentence that matches best, with the year, kind (ratio or count) and qualifier it names.
 * `context` is extra text that may pick among targets of one sentence ("可申请扩建"), each with its weight.
 */
export function chooseTarget(
  ctx: Ctx,
  r: Retrieval,
  context: readonly Context[] = [],
  fits: (t: Target) => boolean = () => true,
): ChosenTarget | null {
  const { corpus, query } = ctx;
  const words = r.topicWords;
  const wantsRatio = RATIO_WORDS.test(query.text);
  const pairs = context.map((c) => ({
    pairs: [...new Set(c.text.match(/\p{Script=Han}{2}/gu) ?? [])],
    weight: c.weight,
  }));
  const candidates = answeringHits(ctx, r, 3).flatMap((hit, rank) =>
    corpus.clauseTargets[hit.clause]!.filter(fits).map((t) => {
      const subject = topicWeight(corpus, t.subject, words) * namedShare(t.subject, words);
      const year = query.years.some((y) => t.deadline.includes(y.replace(/年.*/, ''))) ? 1 : 0;
      const kind = (t.unit === '%') === wantsRatio ? 1 : 0;
      const qualifier = t.qualifier && query.text.includes(t.qualifier) ? 1 : 0;
      const segment = segmentOf(t);
      const near = pairs.reduce((sum, c) => sum + c.weight * c.pairs.filter((g) => segment.includes(g)).length, 0);
      return {
        t,
        hit,
        score: subject * 2 + topicWeight(corpus, t.quote, words) + year + kind + qualifier + near - rank * 0.5,
      };
    }),
  );
  // A target the question does not name must at least stand in a part of its sentence that the question does.
  const topical = (t: Target) =>
    topicWeight(corpus, t.subject, words) > 0 || topicWeight(corpus, segmentOf(t), words) > 0;
  const ranked = candidates.filter((c) => c.score > 0 && topical(c.t)).sort((a, b) => b.score - a.score);
  const tied = ranked.filter((c) => c.score === ranked[0]?.score);
  const best = tied.length > 1 ? tieBreak(ctx, tied) : ranked[0];
  return best ? { target: best.t, hit: best.hit } : null;
}

/**
 * Of targets that score alike (two figures of one subject in one sentence: "上架率高于65%的…，上架率达到60%以上的可申请
 * 扩建"), the one whose part of the sentence holds the question's words that its clause says least often: the
 * clause's topic (数据中心) is everywhere in it, what the question asks of it (申请扩建) is in one part.
 */
function tieBreak<C extends { t: Target; hit: { clause: number } }>(ctx: Ctx, tied: readonly C[]): C {
  const asked = [...new Set(bigrams(ctx.query.text))];
  const told = tied.map((c) => {
    const clause = ctx.corpus.clauseText[c.hit.clause]!;
    const segment = segmentOf(c.t);
    return asked
      .filter((pair) => segment.includes(pair))
      .reduce((sum, pair) => sum + 1 / Math.max(1, clause.split(pair).length - 1), 0);
  });
  return tied[told.indexOf(Math.max(...told))]!;
}

/** The part of a target's sentence around its figure, between punctuation: "上架率达到60%以上的可申请扩建". */
export function segmentOf(t: Target): string {
  const at = t.quote.indexOf(t.figure);
  if (at < 0) return t.quote;
  const start = Math.max(...['，', '、', '；', '。', '：'].map((p) => t.quote.lastIndexOf(p, at))) + 1;
  const ends = ['，', '、', '；', '。'].map((p) => t.quote.indexOf(p, at)).filter((i) => i >= 0);
  return t.quote.slice(start, ends.length ? Math.min(...ends) : undefined);
}

/** The share of a target's subject that the question names: "PUE值" is named whole by "PUE值要低于多少". */
function namedShare(subject: string, topicWords: readonly string[]): number {
  const text = subject.toLowerCase();
  const covered = new Array<boolean>(text.length).fill(false);
  for (const w of topicWords) {
    for (let at = text.indexOf(w); at >= 0; at = text.indexOf(w, at + 1)) covered.fill(true, at, at + w.length);
  }
  return text.length === 0 ? 0 : covered.filter(Boolean).length / text.length;
}

/** A figure: the target first, with its deadline and qualifier, then what else its sentence sets. */
export async function value(ctx: Ctx, subject: string): Promise<Finding> {
  const r = await ctx.retrieve(subject);
  const chosen = chooseTarget(ctx, r);
  if (!chosen) return summary(ctx, subject);
  const { target, hit } = chosen;
  const clause = ctx.corpus.clauses[hit.clause]!;
  const siblings = ctx.corpus.clauseTargets[hit.clause]!.filter((t) => t.quote === target.quote && t !== target);
  const lead: Line[] = [
    {
      zh: `${target.subject}：${statement(target)}。`,
      en: `${bilingual(target.subject)}: ${englishStatement(target)}.`,
    },
  ];
  // Siblings share the sentence, so a deadline they share with the main target is not repeated.
  const sibling = (t: Target) => `${t.subject}${t.deadline === target.deadline ? figureOf(t) : statement(t)}`;
  if (siblings.length > 0)
    lead.push({
      zh: `同一句还提到：${siblings.map(sibling).join('；')}。`,
      en: `The same sentence also sets: ${siblings.map(sibling).join('; ')}.`,
    });
  return withClause(ctx, clause, hit.score, [target.quote], lead, { related: r });
}

const EN_QUALIFIER: Record<string, (figure: string) => string> = {
  以上: (f) => `${f} or more`,
  左右: (f) => `about ${f}`,
  约: (f) => `about ${f}`,
  以下: (f) => `${f} or less`,
  以内: (f) => `within ${f}`,
  不低于: (f) => `no less than ${f}`,
  不少于: (f) => `no less than ${f}`,
  不高于: (f) => `no more than ${f}`,
  不超过: (f) => `no more than ${f}`,
  低于: (f) => `below ${f}`,
  高于: (f) => `above ${f}`,
  超过: (f) => `more than ${f}`,
  多于: (f) => `more than ${f}`,
  少于: (f) => `fewer than ${f}`,
};

/** "11.2万个 by 2022": the Chinese figure kept as written, so every number stays the quote's. */
export function englishStatement(t: Target): string {
  const figure = EN_QUALIFIER[t.qualifier]?.(t.figure) ?? figureOf(t);
  return t.deadline ? `${figure} ${englishDeadline(t.deadline)}` : figure;
}

export function englishDeadline(deadline: string): string {
  const year = /\d{4}/.exec(deadline)?.[0] ?? '';
  if (/底前|年底/.test(deadline)) return `by the end of ${year}`;
  if (/^(到|至)/.test(deadline) || /前$/.test(deadline)) return `by ${year}`;
  return `in ${year}`;
}
