import type { Clause } from '../../core/schema.js';
import type { ConversationState, Query } from '../../question/query.js';
import type { Corpus } from '../../retrieval/corpus.js';
import { coverage, MIN_COVERAGE, retrieve, type Hit, type Retrieval, type Signal } from '../../retrieval/retrieve.js';
import { englishName } from '../../question/english.js';
import { bestSentences, quoteOf, topicWeight } from '../sentences.js';
import { citation, finding, keyOf, nameOf, type Finding, type Line } from './finding.js';

/** What every executor reads: the corpus, the query, the conversation, and retrieval for one subject at a time. */
export interface Ctx {
  corpus: Corpus;
  query: Query;
  state: ConversationState | null;
  /** The date "has the plan's period ended" is judged against. */
  today: Date;
  retrieve(subject: string): Promise<Retrieval>;
}

export function createContext(
  corpus: Corpus,
  query: Query,
  state: ConversationState | null,
  today: Date,
  disabled: readonly Signal[],
): Ctx {
  const cache = new Map<string, Promise<Retrieval>>();
  const context = (state?.clauses ?? [])
    .map((k) => corpus.clauseIndex.get(k))
    .filter((i): i is number => i !== undefined);
  return {
    corpus,
    query,
    state,
    today,
    retrieve(subject) {
      let found = cache.get(subject);
      if (!found) {
        // A claimed unit must not pull retrieval towards its own clauses: the claim is what is being checked.
        const unit = query.ask === 'verify' ? null : (query.units[0] ?? null);
        found = retrieve(corpus, { topic: subject, unit, places: query.places, years: query.years, context }, disabled);
        cache.set(subject, found);
      }
      return found;
    },
  };
}

// Related clauses are cited beside the best one only when they score close to it.
const RELATED_SHARE = 0.75;
const MAX_RELATED = 2;
// How far below the best clause's coverage another clause may be and still supply the answer.
const ANSWERING_MARGIN = 0.25;

/**
 * The best hits that answer the question about as well as the best one: an answer may come from the second
 * clause when the first lacks a figure or a date, but not from one that is about something else.
 */
export function answeringHits(ctx: Ctx, r: Retrieval, n: number): Hit[] {
  const floor = Math.max(MIN_COVERAGE, r.coverage - ANSWERING_MARGIN);
  return r.hits.slice(0, n).filter((h, i) => i === 0 || coverage(ctx.corpus, r, h.clause) >= floor);
}

/**
 * The first sentence, among the best of the answering clauses, that `accept`s and is about the topic at all: what a
 * "when", "where" or a claim the targets do not record is answered from.
 */
export function answeringSentence(
  ctx: Ctx,
  r: Retrieval,
  accept: (s: string) => boolean,
): { hit: Hit; clause: Clause; sentence: string } | null {
  for (const hit of answeringHits(ctx, r, 3)) {
    const clause = clauseOf(ctx, hit);
    const [sentence] = bestSentences(ctx.corpus, clause.text, r.topicWords, 1, accept);
    if (sentence && topicWeight(ctx.corpus, sentence, r.topicWords) > 0) return { hit, clause, sentence };
  }
  return null;
}

/** Whether retrieval found a clause that answers the subject at all. */
export function answers(r: Retrieval): boolean {
  return r.hits.length > 0 && r.coverage >= MIN_COVERAGE && r.unknown.length === 0;
}

export const clauseOf = (ctx: Ctx, hit: Hit): Clause => ctx.corpus.clauses[hit.clause]!;

/** "智慧教育 (smart education)" where the glossary knows the term; the Chinese alone otherwise. */
export function bilingual(zh: string): string {
  const en = englishName(zh);
  return en ? `${en} (${zh})` : zh;
}

function unitsLine(units: readonly string[]): Line {
  return {
    zh: `责任单位：${units.join('、')}`,
    en: `Responsible units (责任单位): ${units.map((u) => `${u} (${englishName(u) ?? u})`).join('; ')}`,
  };
}

export function sourceLine(clause: Clause): Line {
  return {
    zh: `出处：${clause.title} › ${clause.path}（${clause.section}）`,
    en: `Source (出处): ${clause.title} › ${clause.path} (${clause.section})`,
  };
}

export interface ClauseAnswerOptions {
  /** Show the quote under the lead (a lead that is itself the quote needs none). */
  showQuote?: boolean;
  /** Show the clause's 责任单位 (an answer about them already did). */
  showUnits?: boolean;
  /** Cite other clauses that answer about as well. */
  related?: Retrieval;
}

/** A lead answered from one clause: then the verbatim quote, the clause, its 责任单位 and closely related clauses. */
export function withClause(
  ctx: Ctx,
  clause: Clause,
  score: number,
  quotes: readonly string[],
  lead: Line[],
  options: ClauseAnswerOptions = {},
): Finding {
  const quote = quoteOf(clause.text, quotes);
  const body: Line[] = [];
  if (options.showQuote ?? true) body.push({ zh: `原文：“${quote}”`, en: `Quote (原文): “${quote}”` });
  body.push(sourceLine(clause));
  if (clause.units.length > 0 && (options.showUnits ?? true)) body.push(unitsLine(clause.units));
  const related = options.related ? relatedHits(ctx, options.related, keyOf(clause), score) : [];
  if (related.length > 0) {
    const names = related.map((h) => `${clauseOf(ctx, h).section} ${nameOf(clauseOf(ctx, h))}`).join('；');
    body.push({ zh: `相关条款：${names}`, en: `Related clauses (相关条款): ${names}` });
  }
  const topicWords = options.related?.topicWords ?? [];
  return finding(lead, [citation(clause, quote, score), ...related.map((h) => relatedCitation(ctx, h, topicWords))], {
    body,
    focus: [keyOf(clause)],
  });
}

/** Other clauses that score close to the primary one and answer the question as well as it would have to. */
function relatedHits(ctx: Ctx, r: Retrieval, primary: string, score: number) {
  const related = [];
  for (const h of r.hits) {
    if (related.length === MAX_RELATED || h.score < score * RELATED_SHARE) break;
    if (keyOf(clauseOf(ctx, h)) !== primary && coverage(ctx.corpus, r, h.clause) >= MIN_COVERAGE) related.push(h);
  }
  return related;
}

function relatedCitation(ctx: Ctx, hit: Hit, topicWords: readonly string[]) {
  const clause = clauseOf(ctx, hit);
  return citation(clause, bestSentences(ctx.corpus, clause.text, topicWords).join('') || clause.heading, hit.score);
}

/** A clause's retrieval score for a subject, or 0 when retrieval did not find it (it is listed for its unit or part). */
export function scoreIn(r: Retrieval | null, clause: number): number {
  return r?.hits.find((h) => h.clause === clause)?.score ?? 0;
}
