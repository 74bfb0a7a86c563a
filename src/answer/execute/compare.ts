import { amountOf, measureOf } from '../../core/text.js';
import { NOT_FOUND } from '../messages.js';
import { figureOf } from '../figures.js';
import { quoteOf } from '../sentences.js';
import { answers, sourceLine, type Ctx } from './context.js';
import { citation, finding, keyOf, type Finding, type Line } from './finding.js';
import { chooseTarget, type ChosenTarget } from './value.js';

/**
 * Two figures side by side: which is larger, or their difference, worked out from the quoted figures and shown
 * with its working. Figures of different measure words are not compared.
 */
export async function compare(ctx: Ctx): Promise<Finding | null> {
  const subjects = ctx.query.subjects.slice(0, 2);
  if (subjects.length < 2) return null;
  const chosen: ChosenTarget[] = [];
  const missing: string[] = [];
  for (const s of subjects) {
    const r = await ctx.retrieve(s);
    const c = answers(r) ? chooseTarget(ctx, r) : null;
    if (c) chosen.push(c);
    else missing.push(s);
  }
  if (chosen.length === 0) return null;
  // Both figures may come from one clause: it is cited once, quoting both sentences in its own order.
  const clauses = [...new Set(chosen.map((c) => c.hit.clause))];
  const quoted = clauses.map((i) => ({
    i,
    quote: quoteOf(
      ctx.corpus.clauses[i]!.text,
      chosen.filter((c) => c.hit.clause === i).map((c) => c.target.quote),
    ),
  }));
  const citations = quoted.map(({ i, quote }) =>
    citation(ctx.corpus.clauses[i]!, quote, chosen.find((c) => c.hit.clause === i)!.hit.score),
  );
  const body: Line[] = quoted.flatMap(({ i, quote }) => [
    { zh: `原文：“${quote}”`, en: `Quote (原文): “${quote}”` },
    sourceLine(ctx.corpus.clauses[i]!),
  ]);
  const figures = chosen.map((c) => `${c.target.subject}${figureOf(c.target)}`).join('，');
  if (missing.length > 0) {
    const lead = [
      {
        zh: `无法比较：${missing.map((m) => `「${m}」`).join('、')}${NOT_FOUND}已找到的是：${figures}。`,
        en: `Cannot compare: the policy sets no figure for ${missing.join(', ')}. Found: ${figures}.`,
      },
    ];
    return finding(lead, citations, { body, focus: citations.map(keyOf) });
  }
  const [a, b] = chosen as [ChosenTarget, ChosenTarget];
  if (measureOf(a.target.unit) !== measureOf(b.target.unit)) {
    const lead = [
      {
        zh: `两者计量单位不同，不能直接比较：${figures}。`,
        en: `The two are counted in different units and cannot be compared directly: ${figures}.`,
      },
    ];
    return finding(lead, citations, { body, focus: citations.map(keyOf) });
  }
  const x = amountOf(a.target.value, a.target.unit);
  const y = amountOf(b.target.value, b.target.unit);
  const [more, less] = x >= y ? [a, b] : [b, a];
  const approximate = [a, b].some((c) => c.target.qualifier !== '') ? '（按原文所列目标值计算）' : '';
  // In the figures' own unit when they share it (11.2万个 and 10万个 differ by 1.2万个), else in the bare measure word.
  const label = a.target.unit === b.target.unit ? a.target.unit : measureOf(a.target.unit);
  const gap = round(Math.abs(x - y) / amountOf(1, label));
  const gapText = `${gap}${label}`;
  const derived = [String(gap)];
  let lead: Line;
  if (x === y) {
    lead = { zh: `两者一样多：${figures}。`, en: `They are the same: ${figures}.` };
  } else if (ctx.query.comparison === 'difference') {
    const working = `${figureValue(more)} − ${figureValue(less)} = ${gapText}`;
    lead = {
      zh: `${more.target.subject}比${less.target.subject}多${gapText}：${figures}（${working}）${approximate}。`,
      en: `${more.target.subject} exceeds ${less.target.subject} by ${gapText}: ${figures} (${working}).`,
    };
  } else {
    const [first, second] = ctx.query.comparison === 'smaller' ? [less, more] : [more, less];
    const word = ctx.query.comparison === 'smaller' ? '少' : '多';
    lead = {
      zh: `${first.target.subject}更${word}：${first.target.subject}${figureOf(first.target)}，${second.target.subject}${figureOf(second.target)}，相差${gapText}${approximate}。`,
      en: `${first.target.subject} is ${word === '多' ? 'larger' : 'smaller'}: ${figureOf(first.target)} against ${figureOf(second.target)}, a gap of ${gapText}.`,
    };
  }
  return finding([lead], citations, { body, focus: citations.map(keyOf), derived });
}

const figureValue = (c: ChosenTarget) => c.target.figure;

function round(n: number): number {
  return Math.round(n * 1000) / 1000;
}
