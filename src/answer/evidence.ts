import { PROVINCES } from '../question/places.js';
import { isSubjectAsk, type Query } from '../question/query.js';
import type { Corpus } from '../retrieval/corpus.js';
import { answers, type Ctx } from './execute/context.js';
import { factGrounds } from './execute/document.js';
import type { Finding } from './execute/finding.js';
import { summary } from './execute/summary.js';
import { ungroundedNumbers, ungroundedUnits } from './grounding.js';

/** A place outside the province, a year no policy mentions, a word the corpus never uses: another policy's business. */
export function outOfScope(corpus: Corpus, query: Query): boolean {
  const foreignPlace = query.places.some((p) => PROVINCES.includes(p) && !corpus.contains(p));
  // A yes/no check, or a question about the document's dates, may name any year: the answer compares it.
  const yearsMatter =
    query.ask !== 'verify' && !query.aspects.some((a) => a === 'status' || a === 'period' || a === 'issued');
  const foreignYear = yearsMatter && query.years.some((y) => !corpus.contains(y.slice(0, 5)));
  // Several subjects are judged one by one: the ones the policy covers are answered, the others said to be missing.
  const several = query.subjects.length > 1 && isSubjectAsk(query.ask);
  return foreignPlace || foreignYear || (query.unknown.length > 0 && !several);
}

/**
 * The last line of defence: every number and every 责任单位 an answer states must come from what it cites (or the
 * document's facts, the asker's own figures, or figures worked out from cited ones). An answer that fails falls
 * back to quoting the best clause, or to not found.
 */
export async function ground(ctx: Ctx, found: Finding): Promise<Finding | null> {
  const { corpus, query } = ctx;
  // What the asker said may be repeated back ("不是50座", "省科技厅不在其中"): it is attributed, not asserted.
  const claimed = [...(query.claim?.quantities.map((q) => q.raw) ?? []), ...(query.claim?.units ?? []), ...query.units];
  // The facts of the documents the answer cites; an answer about a document itself cites no clause.
  const cited = new Set(found.citations.map((c) => c.doc));
  const documents = cited.size > 0 ? corpus.documents.filter((d) => cited.has(d.id)) : corpus.documents;
  const grounds = [
    ...documents.map(factGrounds),
    ...found.derived,
    ...claimed,
    ctx.today.toISOString().slice(0, 10),
    ...query.corrections.map((c) => c.to),
  ];
  const text = [...found.lead, ...found.body].flatMap((l) => [l.zh, l.en ?? '']).join('\n');
  if (
    ungroundedNumbers(text, found.citations, grounds).length === 0 &&
    ungroundedUnits(text, found.citations, corpus.units, grounds).length === 0
  )
    return found;
  const subject = query.subjects[0];
  return subject && query.ask !== 'summary' && answers(await ctx.retrieve(subject)) ? summary(ctx, subject) : null;
}
