import { isSubjectAsk, type SubjectAsk } from '../../question/query.js';
import { knownShare, unknownWords } from '../../question/unknown.js';
import { NOT_FOUND } from '../messages.js';
import { compare } from './compare.js';
import { answers, type Ctx } from './context.js';
import { documentFacts } from './document.js';
import { duties } from './duties.js';
import { enterprise } from './enterprise.js';
import { finding, type Finding } from './finding.js';
import { mergeFindings } from './merge.js';
import { more } from './more.js';
import { outline } from './outline.js';
import { place } from './place.js';
import { when, where } from './sentence.js';
import { summary } from './summary.js';
import { lead, units } from './units.js';
import { value } from './value.js';
import { verify } from './verify.js';

const MIN_KNOWN_SHARE = 0.5;

type SubjectExecutor = (ctx: Ctx, subject: string) => Promise<Finding>;

const PER_SUBJECT: Record<SubjectAsk, SubjectExecutor> = { value, units, lead, when, where, summary, verify };

/** Runs a query over the structured policy; null when the policy holds no answer to it. */
export async function execute(ctx: Ctx): Promise<Finding | null> {
  const { query } = ctx;
  switch (query.ask) {
    case 'duties':
    case 'lead_duties':
      return query.units.length > 0 ? duties(ctx, query.ask === 'lead_duties') : eachSubject(ctx, units);
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
      return isSubjectAsk(query.ask) ? eachSubject(ctx, PER_SUBJECT[query.ask]) : null;
  }
}

/**
 * Answers each subject on its own and joins the answers; a subject the policy does not cover says so in its
 * place. Null when it covers none of them.
 */
async function eachSubject(ctx: Ctx, run: SubjectExecutor): Promise<Finding | null> {
  const found: Finding[] = [];
  let answered = false;
  // What the policy says of a subject is asked in the policy's words, or not asked of it at all.
  const worded = (subject: string) => ctx.query.ask !== 'summary' || knownShare(subject, ctx.corpus) >= MIN_KNOWN_SHARE;
  for (const subject of ctx.query.subjects) {
    if (unknownWords(subject, ctx.corpus).length === 0 && worded(subject) && answers(await ctx.retrieve(subject))) {
      found.push(await run(ctx, subject));
      answered = true;
    } else {
      found.push(finding([{ zh: `「${subject}」：${NOT_FOUND}`, en: `${subject}: not covered by this policy.` }], []));
    }
  }
  return answered ? mergeFindings(ctx, found) : null;
}
