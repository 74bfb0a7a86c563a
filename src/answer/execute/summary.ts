import { rankedSentences } from '../sentences.js';
import { bilingual, clauseOf, withClause, type Ctx } from './context.js';
import type { Finding } from './finding.js';

/** What the policy says about a subject: the best sentences of the best clause, best first, quoted in order. */
export async function summary(ctx: Ctx, subject: string): Promise<Finding> {
  const r = await ctx.retrieve(subject);
  const hit = r.hits[0]!;
  const clause = clauseOf(ctx, hit);
  // The places a question names pick among the clause's sentences too ("济南的是几号线").
  const sentences = clause.text
    ? rankedSentences(ctx.corpus, clause.text, [...r.topicWords, ...ctx.query.places], 2)
    : [clause.heading];
  const lead = sentences.join('');
  return withClause(
    ctx,
    clause,
    hit.score,
    sentences,
    [{ zh: lead, en: `On ${bilingual(clause.heading || subject)}, the policy says (in Chinese): ${lead}` }],
    {
      showQuote: false,
      related: r,
    },
  );
}
