import { coverage, MIN_COVERAGE } from '../../retrieval/retrieve.js';
import { isFraming, unknownWords } from '../../question/unknown.js';
import { CITY_GOVERNMENTS, cityScopeOf } from '../../question/units.js';
import type { Clause } from '../../core/schema.js';
import { figureOf } from '../figures.js';
import { bestSentences, quoteOf } from '../sentences.js';
import { answers, bilingual, type Ctx } from './context.js';
import { citation, finding, keyOf, nameOf, type Finding, type Line } from './finding.js';

const MAX_CLAUSES = 5;
// A clause concerns the enterprise when it names about as much of its business as the best one does.
const MARGIN = 0.25;

/**
 * An enterprise describing itself: every clause that concerns its business, best first, each with the sentence
 * that concerns it and the figures that sentence sets; for its city, whether the clause applies there.
 */
export async function enterprise(ctx: Ctx): Promise<Finding | null> {
  const asker = ctx.query.asker ?? ctx.query.continues?.asker;
  if (!asker) return null;
  // What the enterprise asks about besides its business ("融资这块") ranks first among the clauses that concern it.
  const asked = ctx.query.subjects.filter(
    (s) =>
      (asker.business === '' || (!s.includes(asker.business) && !asker.business.includes(s))) &&
      ctx.corpus.tokenizer.tagged(s).some((t) => (t.noun || t.verbal) && !isFraming(t.word)) &&
      unknownWords(s, ctx.corpus).length === 0,
  );
  const r = await ctx.retrieve([asker.business, ...asked].join(' ').trim());
  if (!answers(r)) return null;
  const focus = asked.length > 0 ? await ctx.retrieve(asked.join(' ')) : r;
  const floor = Math.max(MIN_COVERAGE, r.coverage - MARGIN);
  const concerned = r.hits.filter(
    (h) =>
      coverage(ctx.corpus, r, h.clause) >= floor ||
      (focus !== r && coverage(ctx.corpus, focus, h.clause) >= MIN_COVERAGE),
  );
  const hits = concerned
    .map((h, rank) => ({ h, rank, asked: focus === r ? 0 : coverage(ctx.corpus, focus, h.clause) }))
    .sort((a, b) => b.asked - a.asked || a.rank - b.rank)
    .map((x) => x.h)
    .slice(0, MAX_CLAUSES);
  const lead: Line[] = [
    {
      zh: `与贵企业（${asker.business}${asker.city ? `，${asker.city}` : ''}）相关的条款${hits.length > 1 ? `有${hits.length}条，按相关程度` : ''}：`,
      en: `Clauses that concern your business (${asker.business}), most relevant first:`,
    },
  ];
  const citations = hits.map((hit) => {
    const clause = ctx.corpus.clauses[hit.clause]!;
    const sentences = bestSentences(ctx.corpus, clause.text, r.topicWords, 2);
    const quote = quoteOf(clause.text, sentences);
    const figures = ctx.corpus.clauseTargets[hit.clause]!.filter((t) => sentences.includes(t.quote)).map(
      (t) => `${t.subject}${figureOf(t)}`,
    );
    const where = asker.city ? applies(clause, asker.city) : '';
    lead.push({
      zh: `• ${nameOf(clause)}（${clause.section}）：${quote}${figures.length ? `【目标：${figures.join('；')}】` : ''}${where}`,
      en: `• ${bilingual(nameOf(clause))} (${clause.section}): ${quote}`,
    });
    return citation(clause, quote, hit.score);
  });
  return finding(lead, citations, {
    focus: citations.slice(0, 1).map(keyOf),
    list: citations.map(keyOf),
    derived: [String(hits.length)],
  });
}

/** Whether a clause applies in the enterprise's city, and why. */
function applies(clause: Clause, city: string): string {
  const [all, some] = CITY_GOVERNMENTS;
  return {
    named: `（条款点名${city}）`,
    every: `（责任单位含${all}，${city}适用）`,
    relevant: `（责任单位含${some}，${city}涉及时适用）`,
    province: '（省级部门负责，全省适用）',
  }[cityScopeOf(clause, city)];
}
