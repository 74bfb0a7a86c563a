import { quoteOf } from '../sentences.js';
import type { Citation } from '../types.js';
import type { Ctx } from './context.js';
import { keyOf, type Finding, type Line } from './finding.js';

/**
 * Findings of the parts of one question, as one: their leads first, in order, then where each comes from; a
 * clause cited by several is cited once. Parts answered by the same lead are said once.
 */
export function mergeFindings(ctx: Ctx, findings: readonly Finding[]): Finding {
  const distinct = findings.filter((f, i) => findings.findIndex((g) => sameLead(f, g)) === i);
  if (distinct.length === 1) return distinct[0]!;
  return {
    lead: distinct.flatMap((f) => f.lead),
    body: unique(
      distinct.flatMap((f) => f.body),
      (l: Line) => l.zh,
    ),
    citations: mergeCitations(
      ctx,
      distinct.flatMap((f) => f.citations),
    ),
    focus: distinct.flatMap((f) => f.focus),
    list: distinct.flatMap((f) => f.list),
    derived: distinct.flatMap((f) => f.derived),
  };
}

/** One citation a clause, quoting every sentence any part quoted from it, in the clause's order. */
function mergeCitations(ctx: Ctx, citations: readonly Citation[]): Citation[] {
  const merged = new Map<string, Citation>();
  for (const c of citations) {
    const key = keyOf(c);
    const seen = merged.get(key);
    const text = ctx.corpus.clauses[ctx.corpus.clauseIndex.get(key)!]!.text;
    merged.set(key, seen ? { ...seen, quote: quoteOf(text, [...seen.quote.split('……'), ...c.quote.split('……')]) } : c);
  }
  return [...merged.values()];
}

export const unique = <T>(items: T[], key: (t: T) => string) =>
  items.filter((t, i) => items.findIndex((u) => key(u) === key(t)) === i);
const sameLead = (a: Finding, b: Finding) => a.lead.map((l) => l.zh).join() === b.lead.map((l) => l.zh).join();
