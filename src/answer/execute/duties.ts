import { SHANDONG_CITIES } from '../../question/places.js';
import { CITY_GOVERNMENTS } from '../../question/units.js';
import { NOT_FOUND } from '../messages.js';
import { bestSentences } from '../sentences.js';
import { answers, withClause, type Ctx } from './context.js';
import { mergeFindings } from './merge.js';
import { unitClause, withEnglish } from './units.js';
import { citation, finding, keyOf, MAX_LISTED, nameOf, type Finding, type Line } from './finding.js';

/** Which policy a listed clause is of, when there are several. */
function docLabel(ctx: Ctx, doc: string): string {
  return ctx.corpus.documents.length > 1 ? `《${ctx.corpus.documents.find((d) => d.id === doc)?.title ?? doc}》` : '';
}

/**
 * Every clause a unit is responsible for, in document order; with `leadOnly`, every clause that lists it first.
 * A city's government is answered as the city governments the policy lists (各市政府, 有关市政府). With a subject
 * ("充电桩这块我们市要负责什么"), the clause of that subject, and whether the unit is among its 责任单位.
 */
export async function duties(ctx: Ctx, leadOnly: boolean): Promise<Finding | null> {
  if (ctx.query.subjects.length > 0) return scoped(ctx);
  const { corpus, query } = ctx;
  const city = SHANDONG_CITIES.find((c) => query.text.includes(c));
  const lead: Line[] = [];
  const cited = new Map<number, ReturnType<typeof citation>>();
  const counts: number[] = [];
  for (const unit of query.units) {
    const all = corpus.clausesOfUnit(unit).map((i) => ({ c: corpus.clauses[i]!, i }));
    const listed = leadOnly ? all.filter(({ c }) => c.units[0] === unit) : all;
    counts.push(listed.length);
    const who = city && CITY_GOVERNMENTS.includes(unit) ? `${unit}（含${city}市）` : unit;
    if (leadOnly && listed.length === 0) {
      lead.push({
        zh: `没有条款把${who}列在责任单位首位。`,
        en: `No clause lists ${withEnglish(unit)} first among its responsible units.`,
      });
      continue;
    }
    const heading = leadOnly
      ? {
          zh: `${who}列在责任单位首位（按排列顺序通常视为牵头）的任务，共${listed.length}项：`,
          en: `Clauses that list ${withEnglish(unit)} first among the responsible units (usually read as the lead), ${listed.length} in all:`,
        }
      : {
          zh: `${who}列为责任单位的任务，共${listed.length}项：`,
          en: `${withEnglish(unit)} is listed as a responsible unit for ${listed.length} task(s):`,
        };
    // Across many policies a unit may have hundreds of tasks: the first ones are listed, and the count says so.
    const shown = listed.slice(0, MAX_LISTED);
    lead.push(
      heading,
      ...shown.map(({ c }) => ({
        zh: `• ${nameOf(c)}（${c.section}）${docLabel(ctx, c.doc)}`,
        en: `• ${nameOf(c)} (${c.section})`,
      })),
    );
    if (shown.length < listed.length) {
      lead.push({
        zh: `（共${listed.length}项，以上列出前${shown.length}项）`,
        en: `(${listed.length} in all; the first ${shown.length} are listed)`,
      });
      counts.push(shown.length);
    }
    for (const { c, i } of shown) cited.set(i, citation(c, bestSentences(corpus, c.text, []).join('') || c.heading, 0));
  }
  const citations = [...cited.entries()].sort((a, b) => a[0] - b[0]).map(([, c]) => c);
  return finding(lead, citations, { list: citations.map(keyOf), derived: counts.map(String) });
}

/** For each subject: its clause, and whether the unit is responsible for it. */
async function scoped(ctx: Ctx): Promise<Finding | null> {
  const { query } = ctx;
  const city = SHANDONG_CITIES.find((c) => query.text.includes(c));
  const found: Finding[] = [];
  for (const subject of query.subjects) {
    const { r, hit, clause } = await unitClause(ctx, subject);
    if (!answers(r)) {
      found.push(finding([{ zh: `「${subject}」：${NOT_FOUND}`, en: `${subject}: not covered by this policy.` }], []));
      continue;
    }
    const named = query.units.filter((u) => clause.units.includes(u));
    const who = (u: string) => (city && CITY_GOVERNMENTS.includes(u) ? `${u}（含${city}市）` : u);
    const sentences = bestSentences(ctx.corpus, clause.text, r.topicWords, 2);
    const lead: Line =
      named.length > 0
        ? {
            zh: `「${nameOf(clause)}」的责任单位包括${named.map(who).join('、')}：${sentences.join('')}`,
            en: `${named.map(withEnglish).join(', ')} ${named.length > 1 ? 'are' : 'is'} responsible for ${nameOf(clause)}: ${sentences.join('')}`,
          }
        : {
            zh: `「${nameOf(clause)}」的责任单位中没有${query.units.map(who).join('、')}，责任单位是：${clause.units.join('、')}。`,
            en: `${query.units.join(', ')} is not among the units responsible for ${nameOf(clause)}: ${clause.units.join(', ')}.`,
          };
    found.push(withClause(ctx, clause, hit.score, sentences, [lead], { showQuote: false }));
  }
  return found.some((f) => f.citations.length > 0) ? mergeFindings(ctx, found) : null;
}
