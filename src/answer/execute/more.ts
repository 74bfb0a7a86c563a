import { splitSentences } from '../../core/text.js';
import { coverage, MIN_COVERAGE } from '../../retrieval/retrieve.js';
import { bestSentences, quoteOf } from '../sentences.js';
import { bilingual, type Ctx } from './context.js';
import { citation, finding, keyOf, nameOf, type Finding, type Line } from './finding.js';

const MAX_MORE = 2;
const MAX_REST = 3;

/**
 * "还有呢": after a list that was complete, says so and lists it again; after an answer from a clause, what that
 * clause says besides what was quoted, then the next clauses that answer the same subject; null when there is no more.
 */
export async function more(ctx: Ctx): Promise<Finding | null> {
  const state = ctx.query.continues!;
  const { corpus } = ctx;
  const shown = state.clauses.map((k) => corpus.clauseIndex.get(k)).filter((i): i is number => i !== undefined);
  if (state.list.length > 0 || state.subjects.length === 0) {
    if (shown.length === 0) return null;
    const lead: Line[] = [
      {
        zh: `上一条回答已列出全部相关条款，共${shown.length}条：`,
        en: `The previous answer listed all ${shown.length} relevant clauses:`,
      },
      ...shown.map((i) => ({
        zh: `• ${nameOf(corpus.clauses[i]!)}（${corpus.clauses[i]!.section}）`,
        en: `• ${bilingual(nameOf(corpus.clauses[i]!))} (${corpus.clauses[i]!.section})`,
      })),
    ];
    const citations = shown.map((i) =>
      citation(corpus.clauses[i]!, bestSentences(corpus, corpus.clauses[i]!.text, []).join(''), 0),
    );
    return finding(lead, citations, {
      list: state.list,
      focus: state.clauses.slice(0, 1),
      derived: [String(shown.length)],
    });
  }
  const lead: Line[] = [];
  const citations = [];
  const focus = shown[0];
  if (focus !== undefined) {
    const clause = corpus.clauses[focus]!;
    const rest = splitSentences(clause.text)
      .filter((s) => !state.quoted.some((q) => q.includes(s)))
      .slice(0, MAX_REST);
    if (rest.length > 0) {
      const quote = quoteOf(clause.text, rest);
      lead.push({
        zh: `「${nameOf(clause)}」（${clause.section}）还提到：${quote}`,
        en: `${bilingual(nameOf(clause))} (${clause.section}) also says: ${quote}`,
      });
      citations.push(citation(clause, quote, 0));
    }
  }
  const r = await ctx.retrieve(state.subjects.join(' '));
  const next = r.hits
    .filter((h) => !shown.includes(h.clause) && coverage(corpus, r, h.clause) >= MIN_COVERAGE)
    .slice(0, MAX_MORE);
  for (const h of next) {
    const clause = corpus.clauses[h.clause]!;
    const quote = quoteOf(clause.text, bestSentences(corpus, clause.text, r.topicWords, 2));
    lead.push({
      zh: `相关的还有「${nameOf(clause)}」（${clause.section}）：${quote}`,
      en: `Also ${bilingual(nameOf(clause))} (${clause.section}): ${quote}`,
    });
    citations.push(citation(clause, quote, h.score));
  }
  return citations.length > 0 ? finding(lead, citations, { focus: citations.slice(0, 1).map(keyOf) }) : null;
}
