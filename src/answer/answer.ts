import { performance } from 'node:perf_hooks';
import { analyzeQuestion } from '../question/analyze.js';
import type { Corpus } from '../retrieval/corpus.js';
import { MIN_COVERAGE, retrieve, type Signal } from '../retrieval/retrieve.js';
import { compose } from './compose.js';
import { CHINESE_ONLY, EMPTY_QUESTION, MAX_QUESTION_LENGTH, NOT_FOUND, NO_TOPIC, SUGGEST, TOO_LONG } from './messages.js';
import type { Answer, AskOptions, Intent } from './types.js';

const SUGGESTIONS = 3;

/**
 * Question in, grounded answer out. Never throws on user input: odd questions get a plain answer.
 * `disabled` switches retrieval signals off, to measure what each adds.
 */
export async function answerQuestion(corpus: Corpus, question: string, options: AskOptions = {}, disabled: readonly Signal[] = []): Promise<Answer> {
  const started = performance.now();
  const done = (partial: Omit<Answer, 'question' | 'ms'>): Answer => ({ question, ...partial, ms: round(performance.now() - started) });
  const plain = (answer: string, intent: Intent = 'fact', suggestions: string[] = []): Answer =>
    done({ status: 'not_found', answer: suggestions.length ? `${answer}\n${SUGGEST}${suggestions.join('；')}` : answer, lead: answer, citations: [], intent, suggestions });

  if (question.trim() === '') return plain(EMPTY_QUESTION);
  if (question.length > MAX_QUESTION_LENGTH) return plain(TOO_LONG);
  const analysis = analyzeQuestion(question, corpus, options.previous);
  if (!/[\p{Script=Han}a-z0-9]/u.test(analysis.text)) return plain(NO_TOPIC);

  const retrieval = await retrieve(corpus, analysis, disabled);
  const structural = (analysis.intent === 'by_unit' && analysis.unit) || (analysis.intent === 'overview' && analysis.parts.length > 0);
  // A place or a year the corpus never mentions ("广东省", "2025年") is another policy's business.
  const foreign = [...analysis.places, ...analysis.years.map((y) => y.slice(0, 5))].some((name) => !corpus.corpusText.includes(name));
  if (!structural && (retrieval.hits.length === 0 || foreign || retrieval.coverage < MIN_COVERAGE)) {
    if (!/\p{Script=Han}/u.test(analysis.text)) return plain(CHINESE_ONLY, analysis.intent);
    const suggestions = suggest(corpus, retrieval.hits.map((h) => h.clause));
    return plain(NOT_FOUND, analysis.intent, suggestions);
  }
  const composed = compose(corpus, analysis, retrieval);
  return done({ status: 'answered', ...composed, intent: analysis.intent, suggestions: [] });
}

/** The closest topics the policy covers: headings of the best partial matches, else its main parts. */
function suggest(corpus: Corpus, clauses: number[]): string[] {
  const headings = clauses.map((i) => corpus.clauses[i]!.heading).filter(Boolean);
  const parts = corpus.documents.flatMap((d) => d.outline.filter((n) => !n.section.includes('.')).map((n) => n.heading));
  return [...new Set([...headings, ...parts])].slice(0, SUGGESTIONS);
}

function round(ms: number): number {
  return Math.round(ms * 100) / 100;
}
