import { englishName } from '../../question/english.js';
import { NO_UNITS } from '../messages.js';
import { bestSentences } from '../sentences.js';
import { bilingual, clauseOf, withClause, type Ctx } from './context.js';
import { nameOf, type Finding, type Line } from './finding.js';

/** The clause a subject's 责任单位 come from: the best of the first three that lists any. */
export async function unitClause(ctx: Ctx, subject: string) {
  const r = await ctx.retrieve(subject);
  const hits = r.hits.slice(0, 3);
  const hit = hits.find((h) => clauseOf(ctx, h).units.length > 0) ?? hits[0]!;
  return { r, hit, clause: clauseOf(ctx, hit) };
}

/** Who is responsible: the clause's 责任单位, in its order. */
export async function units(ctx: Ctx, subject: string): Promise<Finding> {
  const { r, hit, clause } = await unitClause(ctx, subject);
  const name = nameOf(clause);
  const lead: Line =
    clause.units.length > 0
      ? {
          zh: `「${name}」的责任单位：${clause.units.join('、')}。`,
          en: `Responsible for ${bilingual(name)}: ${clause.units.map(withEnglish).join('; ')}.`,
        }
      : { zh: NO_UNITS, en: 'The clause names no responsible unit (该条款未列明责任单位).' };
  return withClause(ctx, clause, hit.score, bestSentences(ctx.corpus, clause.text, r.topicWords), [lead], {
    showQuote: false,
    showUnits: false,
  });
}

/**
 * Which unit leads: the policy lists 责任单位 in order and never says 牵头, so the answer says exactly that: the
 * first listed, which a reader takes as the lead.
 */
export async function lead(ctx: Ctx, subject: string): Promise<Finding> {
  const { r, hit, clause } = await unitClause(ctx, subject);
  const name = nameOf(clause);
  const [first] = clause.units;
  const lines: Line[] = first
    ? [
        {
          zh: `「${name}」的责任单位中排在首位的是${first}，按排列顺序通常视为牵头单位（原文未写明“牵头”）。`,
          en: `Listed first among the units responsible for ${bilingual(name)}: ${withEnglish(first)}; the policy lists units in order, and the first is usually read as the lead (it does not say "lead" itself).`,
        },
        {
          zh: `全部责任单位（按原文顺序）：${clause.units.join('、')}。`,
          en: `All responsible units, in the policy's order: ${clause.units.join('、')}.`,
        },
      ]
    : [{ zh: NO_UNITS, en: 'The clause names no responsible unit (该条款未列明责任单位).' }];
  return withClause(ctx, clause, hit.score, bestSentences(ctx.corpus, clause.text, r.topicWords), lines, {
    showQuote: false,
    showUnits: false,
  });
}

export const withEnglish = (unit: string): string => {
  const en = englishName(unit);
  return en ? `${unit} (${en})` : unit;
};
