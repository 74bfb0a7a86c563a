import { SHANDONG_CITIES } from '../question/places.js';
import type { Query } from '../question/query.js';
import { CITY_GOVERNMENTS, cityScopeOf } from '../question/units.js';
import type { Ctx } from './execute/context.js';
import { keyOf, type Finding, type Line } from './execute/finding.js';
import { periodEnded, readAs } from './messages.js';

/** The answer in the asker's language: the fact first (in English for an English question), then where it comes from. */
export function render(ctx: Ctx, found: Finding): { answer: string; lead: string } {
  const { query, corpus } = ctx;
  const say = (l: Line) => (query.language === 'en' ? (l.en ?? l.zh) : l.zh);
  const scope = cityScope(ctx, found);
  const lead = [...found.lead.slice(0, 1), ...(scope ? [scope] : []), ...found.lead.slice(1)].map(say);
  if (query.corrections.length > 0) lead.unshift(say(readAs(query.corrections.map((c) => c.to))));
  const body = found.body.map(say);
  // In English the fact comes first, then always the Chinese words it rests on.
  const quote = found.citations[0]?.quote;
  if (query.language === 'en' && quote && !found.body.some((l) => l.zh.startsWith('原文')))
    body.unshift(`Quote (原文): “${quote}”`);
  const cited = new Set(found.citations.map((c) => c.doc));
  // A target of a plan whose period is over is what was planned, not what was done.
  if (query.ask === 'value' || query.ask === 'compare') {
    for (const d of corpus.documents) {
      if (cited.has(d.id) && d.facts.period && ctx.today.getFullYear() > d.facts.period.end)
        body.push(say(periodEnded(d.facts.period.start, d.facts.period.end)));
    }
  }
  return { answer: [...lead, ...body].join('\n'), lead: lead.join('\n') };
}

// Answers that already say, clause by clause, where they apply.
const PLACE_AWARE: readonly Query['ask'][] = ['place', 'enterprise', 'document', 'duties', 'lead_duties'];

/**
 * Whether the answer's clause applies in the city the question names, when the clause does not name it: every
 * city's government is responsible, or the relevant ones, or the province's departments for the whole province.
 */
function cityScope(ctx: Ctx, found: Finding): Line | null {
  const city = ctx.query.places.find((p) => SHANDONG_CITIES.includes(p));
  const first = found.citations[0];
  if (!city || !first || PLACE_AWARE.includes(ctx.query.ask)) return null;
  const clause = ctx.corpus.clauses[ctx.corpus.clauseIndex.get(keyOf(first))!]!;
  const [all, some] = CITY_GOVERNMENTS;
  switch (cityScopeOf(clause, city)) {
    case 'named':
      return null;
    case 'every':
      return {
        zh: `该条款责任单位包括${all}，${city}适用。`,
        en: `Its responsible units include ${all} (every city government), so it applies in ${city}.`,
      };
    case 'relevant':
      return {
        zh: `该条款责任单位包括${some}，${city}涉及时适用。`,
        en: `Its responsible units include ${some} (the city governments concerned), so it applies in ${city} where relevant.`,
      };
    case 'province':
      return {
        zh: `该条款由省级部门负责，在全省实施，含${city}。`,
        en: `Provincial departments are responsible; it applies across the province, ${city} included.`,
      };
  }
}
