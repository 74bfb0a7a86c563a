import type { Clause, Target } from '../../ingest/schema.js';
import { splitSentences } from '../../ingest/targets.js';
import type { Analysis } from '../question/analyze.js';
import { PLACES } from '../question/places.js';
import type { Corpus } from '../retrieval/corpus.js';
import { coverage, MIN_COVERAGE, type Hit, type Retrieval } from '../retrieval/retrieve.js';
import { ungroundedNumbers } from './grounding.js';
import { NO_UNITS } from './messages.js';
import { bestSentences, quoteOf, rankedSentences, topicWeight } from './sentences.js';
import type { Citation } from './types.js';

export interface Composed {
  answer: string;
  lead: string;
  citations: Citation[];
}

interface Context {
  corpus: Corpus;
  analysis: Analysis;
  retrieval: Retrieval;
  topicWords: string[];
}

// Related clauses are cited beside the best one only when they score close to it.
const RELATED_SHARE = 0.75;
const MAX_RELATED = 2;
// How far below the best clause's coverage another clause may be and still supply the answer.
const ANSWERING_MARGIN = 0.25;
const PRE_QUALIFIERS = new Set(['不低于', '不少于', '不高于', '不超过', '低于', '高于', '超过', '少于', '多于', '约', '力争']);
const RATIO_WORDS = /比例|比重|占比|率|百分|%/;

/** Composes an extractive answer: the fact first, then the verbatim sentence(s) it rests on, the clause and its 责任单位. */
export function compose(corpus: Corpus, analysis: Analysis, retrieval: Retrieval): Composed {
  const ctx: Context = { corpus, analysis, retrieval, topicWords: retrieval.topicWords };
  const composed = byIntent(ctx);
  // The last line of defence against an invented figure: fall back to quoting the clause.
  return ungroundedNumbers(composed.answer, composed.citations).length === 0 ? composed : fact(ctx);
}

function byIntent(ctx: Context): Composed {
  switch (ctx.analysis.intent) {
    case 'by_unit':
      return byUnit(ctx, ctx.analysis.unit!);
    case 'overview':
      return overview(ctx);
    case 'who':
      return who(ctx);
    case 'number':
      return number(ctx) ?? fact(ctx);
    case 'when':
      return sentenceAnswer(ctx, (s) => /\d{4}年/.test(s), (s) => s.match(/(?:到|至)?\d{4}年(?:底前|年底前|底|前)?/)?.[0] ?? '');
    case 'where':
      return sentenceAnswer(ctx, (s) => PLACES.some((p) => s.includes(p)), (s) => placesInOrder(s).join('、'));
    default:
      return fact(ctx);
  }
}

function number(ctx: Context): Composed | null {
  const { corpus, analysis, topicWords } = ctx;
  const wantsRatio = RATIO_WORDS.test(analysis.text);
  const candidates = answeringHits(ctx, 3).flatMap((hit, rank) =>
    corpus.clauseTargets[hit.clause]!.map((t) => {
      const subject = topicWeight(corpus, t.subject, topicWords) * namedShare(t.subject, topicWords);
      const year = analysis.years.some((y) => t.deadline.includes(y.replace(/年.*/, ''))) ? 1 : 0;
      const kind = (t.unit === '%') === wantsRatio ? 1 : 0;
      const qualifier = t.qualifier && analysis.text.includes(t.qualifier) ? 1 : 0;
      return { t, hit, score: subject * 2 + topicWeight(corpus, t.quote, topicWords) + year + kind + qualifier - rank * 0.5 };
    }),
  );
  const topical = (t: Target) => topicWeight(corpus, `${t.subject} ${t.quote}`, topicWords) > 0;
  const best = candidates.filter((c) => c.score > 0 && topical(c.t)).sort((a, b) => b.score - a.score)[0];
  if (!best) return null;
  const clause = corpus.clauses[best.hit.clause]!;
  const siblings = corpus.clauseTargets[best.hit.clause]!.filter((t) => t.quote === best.t.quote && t !== best.t);
  const lines = [`${best.t.subject}：${statement(best.t)}。`];
  // Siblings share the sentence, so a deadline they share with the main target is not repeated.
  const sibling = (t: Target) => `${t.subject}${t.deadline === best.t.deadline ? figureOf(t) : statement(t)}`;
  if (siblings.length > 0) lines.push(`同一句还提到：${siblings.map(sibling).join('；')}。`);
  return withClause(ctx, clause, best.hit, [best.t.quote], lines);
}

/** The share of a target's subject that the question names: "PUE值" is named whole by "PUE值要低于多少". */
function namedShare(subject: string, topicWords: readonly string[]): number {
  const text = subject.toLowerCase();
  const covered = new Array<boolean>(text.length).fill(false);
  for (const w of topicWords) {
    for (let at = text.indexOf(w); at >= 0; at = text.indexOf(w, at + 1)) covered.fill(true, at, at + w.length);
  }
  return text.length === 0 ? 0 : covered.filter(Boolean).length / text.length;
}

/** "到2022年，10万个以上", "不低于15%": the figure with its deadline and qualifier, as the clause states it. */
function statement(t: Target): string {
  return t.deadline ? `${t.deadline}，${figureOf(t)}` : figureOf(t);
}

function figureOf(t: Target): string {
  return PRE_QUALIFIERS.has(t.qualifier) ? `${t.qualifier}${t.figure}` : `${t.figure}${t.qualifier}`;
}

function who(ctx: Context): Composed {
  const hits = topHits(ctx, 3);
  const hit = hits.find((h) => ctx.corpus.clauses[h.clause]!.units.length > 0) ?? hits[0]!;
  const clause = ctx.corpus.clauses[hit.clause]!;
  const lead = clause.units.length > 0 ? `「${clause.heading || clause.marker}」的责任单位：${clause.units.join('、')}。` : NO_UNITS;
  return withClause(ctx, clause, hit, bestSentences(ctx.corpus, clause.text, ctx.topicWords), [lead], false);
}

function byUnit(ctx: Context, unit: string): Composed {
  const { corpus } = ctx;
  const clauses = corpus.clauses.map((c, i) => ({ c, i })).filter(({ c }) => c.units.includes(unit));
  const lines = [`${unit}列为责任单位的任务：`, ...clauses.map(({ c }) => `• ${c.heading || c.marker}（${c.section}）`)];
  const answer = lines.join('\n');
  return {
    answer,
    lead: answer,
    citations: clauses.map(({ c, i }) => citation(c, bestSentences(corpus, c.text, ctx.topicWords).join(''), scoreOf(ctx, i))),
  };
}

function overview(ctx: Context): Composed {
  const { corpus } = ctx;
  const part = chosenPart(ctx);
  const prefix = `${part.node.section}.`;
  const inPart = (section: string) => section.startsWith(prefix);
  const depth = part.node.section.split('.').length + 1;
  const children = [
    ...corpus.documents.find((d) => d.id === part.doc)!.outline.filter((n) => inPart(n.section) && n.section.split('.').length === depth),
    ...corpus.clauses.filter((c) => c.doc === part.doc && inPart(c.section) && c.section.split('.').length === depth),
  ].sort((a, b) => compareSections(a.section, b.section));
  const leaves = corpus.clauses.map((c, i) => ({ c, i })).filter(({ c }) => c.doc === part.doc && inPart(c.section));
  const answer = [`「${part.node.marker}${part.node.heading}」包括以下部分：`, ...children.map((n) => `• ${n.marker}${n.heading}`)].join('\n');
  return {
    answer,
    lead: answer,
    citations: leaves.map(({ c, i }) => citation(c, splitSentences(c.text)[0] ?? c.heading, scoreOf(ctx, i))),
  };
}

/** Of the parts the question names, the one holding the best retrieved clause (else one in its document). */
function chosenPart(ctx: Context) {
  const { parts } = ctx.analysis;
  const top = ctx.retrieval.hits[0] ? ctx.corpus.clauses[ctx.retrieval.hits[0].clause]! : null;
  if (!top) return parts[0]!;
  return (
    parts.find((p) => p.doc === top.doc && top.section.startsWith(`${p.node.section}.`)) ??
    parts.find((p) => p.doc === top.doc) ??
    parts[0]!
  );
}

/** Leads with what the best sentence says about the asked aspect (a deadline, the places), then quotes it. */
function sentenceAnswer(ctx: Context, accept: (s: string) => boolean, lead: (s: string) => string): Composed {
  for (const hit of answeringHits(ctx, 3)) {
    const clause = ctx.corpus.clauses[hit.clause]!;
    const sentences = bestSentences(ctx.corpus, clause.text, ctx.topicWords, 1, accept);
    const sentence = sentences[0];
    if (sentence && topicWeight(ctx.corpus, sentence, ctx.topicWords) > 0) {
      return withClause(ctx, clause, hit, sentences, [`${lead(sentence)}：${sentence}`], false);
    }
  }
  return fact(ctx);
}

function fact(ctx: Context): Composed {
  const hit = ctx.retrieval.hits[0]!;
  const clause = ctx.corpus.clauses[hit.clause]!;
  // The best sentence leads, even when the clause states it second.
  const sentences = clause.text ? rankedSentences(ctx.corpus, clause.text, ctx.topicWords, 2) : [clause.heading];
  return withClause(ctx, clause, hit, sentences, [quoteOf(clause.text, sentences)], false);
}

/** The answer's lead lines, then the quote, the clause, its 责任单位 and closely related clauses. */
function withClause(ctx: Context, clause: Clause, hit: Hit, quotes: string[], lead: string[], showQuote = true): Composed {
  const quote = quoteOf(clause.text, quotes);
  const lines = [...lead];
  if (showQuote) lines.push(`原文：“${quote}”`);
  lines.push(`出处：${clause.title} › ${clause.path}（${clause.section}）`);
  if (clause.units.length > 0 && ctx.analysis.intent !== 'who') lines.push(`责任单位：${clause.units.join('、')}`);
  const related = relatedHits(ctx, hit);
  if (related.length > 0) {
    lines.push(`相关条款：${related.map((h) => `${ctx.corpus.clauses[h.clause]!.section} ${ctx.corpus.clauses[h.clause]!.heading}`).join('；')}`);
  }
  return {
    answer: lines.join('\n'),
    lead: lead.join('\n'),
    citations: [citation(clause, quote, hit.score), ...related.map((h) => relatedCitation(ctx, h))],
  };
}

/** Other clauses that score close to the best one and answer the question as well as it would have to. */
function relatedHits(ctx: Context, primary: Hit): Hit[] {
  const related: Hit[] = [];
  for (const h of ctx.retrieval.hits) {
    if (related.length === MAX_RELATED || h.score < primary.score * RELATED_SHARE) break;
    if (h.clause !== primary.clause && coverage(ctx.corpus, ctx.retrieval, h.clause) >= MIN_COVERAGE) related.push(h);
  }
  return related;
}

function relatedCitation(ctx: Context, hit: Hit): Citation {
  const clause = ctx.corpus.clauses[hit.clause]!;
  return citation(clause, bestSentences(ctx.corpus, clause.text, ctx.topicWords).join('') || clause.heading, hit.score);
}

/** A listed clause's retrieval score, or 0 when retrieval did not find it (it is listed for its unit or part). */
function scoreOf(ctx: Context, clause: number): number {
  return ctx.retrieval.hits.find((h) => h.clause === clause)?.score ?? 0;
}

function topHits(ctx: Context, n: number): Hit[] {
  return ctx.retrieval.hits.slice(0, n);
}

/**
 * The best hits that answer the question about as well as the best one: an answer may come from the second
 * clause when the first lacks a figure or a date, but not from one that is about something else.
 */
function answeringHits(ctx: Context, n: number): Hit[] {
  const floor = Math.max(MIN_COVERAGE, ctx.retrieval.coverage - ANSWERING_MARGIN);
  return topHits(ctx, n).filter((h, i) => i === 0 || coverage(ctx.corpus, ctx.retrieval, h.clause) >= floor);
}

function citation(c: Clause, quote: string, score: number): Citation {
  return { doc: c.doc, title: c.title, section: c.section, path: c.path, heading: c.heading, units: c.units, quote, score: Math.round(score * 10000) / 10000 };
}

function placesInOrder(sentence: string): string[] {
  return PLACES.filter((p) => sentence.includes(p)).sort((a, b) => sentence.indexOf(a) - sentence.indexOf(b));
}

function compareSections(a: string, b: string): number {
  const x = a.split('.').map(Number);
  const y = b.split('.').map(Number);
  for (let i = 0; i < Math.max(x.length, y.length); i++) if ((x[i] ?? -1) !== (y[i] ?? -1)) return (x[i] ?? -1) - (y[i] ?? -1);
  return 0;
}
