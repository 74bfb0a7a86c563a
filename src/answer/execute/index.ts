import type { Ask } from '../../question/query.js';
import { quoteOf } from '../sentences.js';
import type { Citation } from '../types.js';
import { NOT_FOUND } from '../messages.js';
import { compare } from './compare.js';
import { answers, type Ctx } from './context.js';
import { documentFacts } from './document.js';
import { duties } from './duties.js';
import { enterprise } from './enterprise.js';
import type { Finding, Line } from './finding.js';
import { more } from './more.js';
import { outline } from './outline.js';
import { place } from './place.js';
import { when, where } from './sentence.js';
import { summary } from './summary.js';
import { lead, units } from './units.js';
import { value } from './value.js';
import { verify } from './verify.js';

type SubjectExecutor = (ctx: Ctx, subject: string) => Promise<Finding>;

/** Kinds answered one subject at a time: a question with several subjects gets one answer for each. */
const PER_SUBJECT: Partial<Record<Ask, SubjectExecutor>> = { value, units, lead, when, where, summary, verify };

/** Runs a query over the structured policy; null when the policy holds no answer to it. */
export async function execute(ctx: Ctx): Promise<Finding | null> {
  const { query } = ctx;
  switch (query.ask) {
    case 'duties':
    case 'lead_duties':
      return query.units.length > 0 ? duties(ctx, query.ask === 'lead_duties') : null;
    case 'list':
    case 'count':
      return query.part ? outline(ctx, query.ask === 'count') : eachSubject(ctx, summary);
    case 'document':
      return documentFacts(ctx);
    case 'compare':
      return (await compare(ctx)) ?? eachSubject(ctx, value);
    case 'enterprise':
      return enterprise(ctx);
    case 'place':
      return place(ctx);
    case 'more':
      return more(ctx);
    default:
      return eachSubject(ctx, PER_SUBJECT[query.ask]!);
  }
}

/**
 * Answers each subject on its own and joins the answers, leads first; a subject the policy does not cover says so
 * in its place. Subjects answered from one clause by the same kind of answer are said once.
 */
async function eachSubject(ctx: Ctx, run: SubjectExecutor): Promise<Finding | null> {
  const found: Finding[] = [];
  const missing: Line[] = [];
  for (const subject of ctx.query.subjects) {
    if (answers(await ctx.retrieve(subject))) found.push(await run(ctx, subject));
    else missing.push({ zh: `「${subject}」：${NOT_FOUND}`, en: `${subject}: not covered by this policy.` });
  }
  if (found.length === 0) return null;
  const distinct = found.filter((f, i) => found.findIndex((g) => sameLead(f, g)) === i);
  if (distinct.length === 1 && missing.length === 0) return distinct[0]!;
  const unique = <T>(items: T[], key: (t: T) => string) => items.filter((t, i) => items.findIndex((u) => key(u) === key(t)) === i);
  return {
    lead: [...distinct.flatMap((f) => f.lead), ...missing],
    body: unique(distinct.flatMap((f) => f.body), (l) => l.zh),
    citations: mergeCitations(ctx, distinct.flatMap((f) => f.citations)),
    focus: distinct.flatMap((f) => f.focus),
    list: [],
    derived: distinct.flatMap((f) => f.derived),
  };
}

/** One citation a clause, quoting every sentence any answer quoted from it, in the clause's order. */
export function mergeCitations(ctx: Ctx, citations: readonly Citation[]): Citation[] {
  const merged = new Map<string, Citation>();
  for (const c of citations) {
    const key = `${c.doc}#${c.section}`;
    const seen = merged.get(key);
    const text = ctx.corpus.clauses[ctx.corpus.clauseIndex.get(key)!]!.text;
    merged.set(key, seen ? { ...seen, quote: quoteOf(text, [...seen.quote.split('……'), ...c.quote.split('……')]) } : c);
  }
  return [...merged.values()];
}

const sameLead = (a: Finding, b: Finding) => a.lead.map((l) => l.zh).join() === b.lead.map((l) => l.zh).join();
