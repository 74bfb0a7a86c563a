import { SHANDONG_CITIES } from '../../question/places.js';
import { bestSentences } from '../sentences.js';
import type { Ctx } from './context.js';
import { withEnglish } from './units.js';
import { citation, finding, keyOf, nameOf, type Finding, type Line } from './finding.js';

/**
 * Every clause a unit is responsible for, in document order; with `leadOnly`, every clause that lists it first.
 * A city's government is answered as the city governments the policy lists (各市政府, 有关市政府).
 */
export function duties(ctx: Ctx, leadOnly: boolean): Finding {
  const { corpus, query } = ctx;
  const city = SHANDONG_CITIES.find((c) => query.text.includes(c));
  const lead: Line[] = [];
  const cited = new Map<number, ReturnType<typeof citation>>();
  const counts: number[] = [];
  for (const unit of query.units) {
    const all = corpus.clauses.map((c, i) => ({ c, i })).filter(({ c }) => c.units.includes(unit));
    const listed = leadOnly ? all.filter(({ c }) => c.units[0] === unit) : all;
    counts.push(listed.length);
    const who = city && /市政府$/.test(unit) ? `${unit}（含${city}市）` : unit;
    if (leadOnly && listed.length === 0) {
      lead.push({ zh: `没有条款把${who}列在责任单位首位。`, en: `No clause lists ${withEnglish(unit)} first among its responsible units.` });
      continue;
    }
    const heading = leadOnly
      ? { zh: `${who}列在责任单位首位（按排列顺序通常视为牵头）的任务，共${listed.length}项：`, en: `Clauses that list ${withEnglish(unit)} first among the responsible units (usually read as the lead), ${listed.length} in all:` }
      : { zh: `${who}列为责任单位的任务，共${listed.length}项：`, en: `${withEnglish(unit)} is listed as a responsible unit for ${listed.length} task(s):` };
    lead.push(heading, ...listed.map(({ c }) => ({ zh: `• ${nameOf(c)}（${c.section}）`, en: `• ${nameOf(c)} (${c.section})` })));
    for (const { c, i } of listed) cited.set(i, citation(c, bestSentences(corpus, c.text, []).join('') || c.heading, 0));
  }
  const citations = [...cited.entries()].sort((a, b) => a[0] - b[0]).map(([, c]) => c);
  return finding(lead, citations, { list: citations.map(keyOf), derived: counts.map(String) });
}
