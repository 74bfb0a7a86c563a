import { performance } from 'node:perf_hooks';
import { BoundedCache } from '../core/bounded-cache.js';
import type { LanguageModel } from '../core/chat-model.js';
import { readWithModel } from '../question/llm-reader.js';
import type { ConversationState, Query } from '../question/query.js';
import { readQuestion } from '../question/read.js';
import type { Corpus } from '../retrieval/corpus.js';
import { retrieve, type Signal } from '../retrieval/retrieve.js';
import { stateAfter } from './conversation.js';
import { ground, outOfScope } from './evidence.js';
import { createContext, type Ctx } from './execute/context.js';
import { factGrounds } from './execute/document.js';
import { execute } from './execute/index.js';
import type { Finding } from './execute/finding.js';
import { mergeFindings } from './execute/merge.js';
import {
  EMPTY_QUESTION,
  MAX_QUESTION_LENGTH,
  NOT_FOUND,
  NOT_FOUND_EN,
  NO_TOPIC,
  SUGGEST,
  TOO_LONG,
} from './messages.js';
import { phrase } from './phrase.js';
import { chooseReading, sameReading, type Solved } from './readers.js';
import { render } from './render.js';
import type { Answer, AskOptions, Intent } from './types.js';

const SUGGESTIONS = 3;

export interface Engine {
  corpus: Corpus;
  /** The date a plan's period is judged against; now, unless configured (for tests). */
  today: () => Date;
  /** Retrieval signals switched off, to measure what each adds. */
  disabled?: readonly Signal[];
  /**
   * What each conversation established, by its questions so far: a follow-up in a long thread is read against its
   * earlier questions without answering them all again. Bounded; the oldest conversations are forgotten first.
   */
  conversations?: BoundedCache<ConversationState | null>;
  /** A chat model that also reads questions and may phrase answers; none by default (rules and extracts only). */
  model?: LanguageModel;
}

const REMEMBERED_CONVERSATIONS = 1000;

/** Where an engine remembers the conversations it has replayed, the oldest forgotten first. */
export const conversationMemory = () => new BoundedCache<ConversationState | null>(REMEMBERED_CONVERSATIONS);

/**
 * Question in, grounded answer out. Never throws on user input: odd questions get a plain answer. A question
 * with a `thread` is read as the follow-up of the thread's questions, replayed in order.
 */
export async function answerQuestion(engine: Engine, question: string, options: AskOptions = {}): Promise<Answer> {
  const started = performance.now();
  const { answer } = await turn(engine, question, await conversation(engine, options.thread ?? []));
  return { ...answer, ms: round(performance.now() - started) };
}

/** The state a thread's questions leave, oldest first: each earlier question replayed, or remembered. */
async function conversation(engine: Engine, thread: readonly string[]): Promise<ConversationState | null> {
  let state: ConversationState | null = null;
  for (let i = 0; i < thread.length; i++) {
    const key = JSON.stringify(thread.slice(0, i + 1));
    const known = engine.conversations?.get(key);
    if (known !== undefined) {
      state = known;
      continue;
    }
    if (validate(thread[i]!) === null) state = (await turn(engine, thread[i]!, state)).state ?? state;
    engine.conversations?.set(key, state);
  }
  return state;
}

function validate(question: string): string | null {
  if (question.trim() === '') return EMPTY_QUESTION;
  if (question.length > MAX_QUESTION_LENGTH) return TOO_LONG;
  return null;
}

/** One question of a conversation: its answer, and the state the next question continues from (null: unchanged). */
async function turn(
  engine: Engine,
  question: string,
  state: ConversationState | null,
): Promise<{ answer: Answer; state: ConversationState | null }> {
  const { corpus } = engine;
  const plain = (
    answer: string,
    intent: Intent,
    query: Query | null,
    suggestions: string[] = [],
  ): { answer: Answer; state: null } => ({
    answer: {
      question,
      status: 'not_found',
      answer: suggestions.length ? `${answer}\n${SUGGEST}${suggestions.join('；')}` : answer,
      lead: answer,
      citations: [],
      ms: 0,
      intent,
      suggestions,
      query,
    },
    state: null,
  });
  const invalid = validate(question);
  if (invalid) return plain(invalid, 'fact', null);
  const rules = readQuestion(question, corpus, state);
  if (!/[\p{Script=Han}a-z0-9]/u.test(rules.text)) return plain(NO_TOPIC, 'fact', rules);
  // One budget for every model call of this question: what is left of it when the answer is ready bounds phrasing.
  const deadline = performance.now() + (engine.model?.spec.timeoutMs ?? 0);
  const budget = () => AbortSignal.timeout(Math.max(1, Math.round(deadline - performance.now())));
  let solved = await solve(engine, rules, state);
  let queries: Answer['queries'];
  // A follow-up leans on the conversation the rule reader keeps; the model reads questions that stand alone.
  if (engine.model && state === null) {
    const read = await readWithModel(engine.model, question, rules, corpus, budget());
    queries = { rules, model: read };
    if (read && !sameReading(read, rules))
      solved = await chooseReading(engine.model, solved, () => solve(engine, read, state));
  }
  const { query, ctx, found } = solved;
  const intent = intentOf(query);
  const withReadings = (a: Answer): Answer => (queries ? { ...a, queries } : a);
  if (!found) {
    const suggestions = await suggest(engine, query);
    const missing = plain(query.language === 'en' ? NOT_FOUND_EN : NOT_FOUND, intent, query, suggestions);
    return { ...missing, answer: withReadings(missing.answer) };
  }
  const rendered = render(ctx, found);
  const phrased =
    engine.model?.spec.phrasing && query.language === 'zh'
      ? await rephrase(engine, engine.model, question, found, rendered, budget)
      : rendered;
  return {
    answer: withReadings({
      question,
      status: 'answered',
      answer: phrased.answer,
      lead: phrased.lead,
      citations: found.citations,
      ms: 0,
      intent,
      suggestions: [],
      query,
    }),
    state: stateAfter(query, found),
  };
}

/** A query run against the policy, several questions in turn. */
async function solve(engine: Engine, query: Query, state: ConversationState | null): Promise<Solved> {
  const ctx = createContext(engine.corpus, query, state, engine.today(), engine.disabled ?? []);
  const found = query.questions.length > 1 ? await eachQuestion(engine, ctx) : await find(engine, ctx);
  return { query, ctx, found };
}

/**
 * The lead in the model's words when it passes the grounding check, within what is left of the budget; the lines
 * that quote and cite the clauses are always the extractive ones.
 */
async function rephrase(
  engine: Engine,
  model: LanguageModel,
  question: string,
  found: Finding,
  rendered: { answer: string; lead: string },
  budget: () => AbortSignal,
): Promise<{ answer: string; lead: string }> {
  const signal = budget();
  if (signal.aborted) return rendered;
  const cited = new Set(found.citations.map((c) => c.doc));
  const documents = engine.corpus.documents.filter((d) => cited.size === 0 || cited.has(d.id));
  const paragraph = await phrase(
    model,
    {
      lead: rendered.lead,
      question,
      citations: found.citations,
      facts: documents.map(factGrounds),
      units: engine.corpus.units,
    },
    signal,
  );
  return paragraph ? { answer: paragraph + rendered.answer.slice(rendered.lead.length), lead: paragraph } : rendered;
}

/** One query run and grounded; null when the policy does not answer it. */
async function find(engine: Engine, ctx: Ctx): Promise<Finding | null> {
  if (outOfScope(engine.corpus, ctx.query)) return null;
  const found = await execute(ctx);
  return found && ground(ctx, found);
}

/** A message asking several different things: each question read in turn, as a conversation, and answered. */
async function eachQuestion(engine: Engine, ctx: Ctx): Promise<Finding | null> {
  let state = ctx.state;
  const found: Finding[] = [];
  for (const question of ctx.query.questions) {
    const query = readQuestion(question, engine.corpus, state);
    const part = await find(engine, createContext(engine.corpus, query, state, ctx.today, engine.disabled ?? []));
    if (!part) continue;
    found.push(part);
    state = stateAfter(query, part);
  }
  return found.length > 0 ? mergeFindings(ctx, found) : null;
}

/** The closest topics the policy covers: headings of the best partial matches, else its main parts. */
async function suggest(engine: Engine, query: Query): Promise<string[]> {
  const { corpus } = engine;
  const topic = query.subjects.join(' ');
  const hits = topic ? (await retrieve(corpus, { topic, unit: null, places: [], years: [], context: [] })).hits : [];
  const headings = hits.map((h) => corpus.clauses[h.clause]!.heading).filter(Boolean);
  const parts = corpus.documents.flatMap((d) =>
    d.outline.filter((n) => !n.section.includes('.')).map((n) => n.heading),
  );
  return [...new Set([...headings, ...parts])].slice(0, SUGGESTIONS);
}

const INTENTS: Record<Query['ask'], Intent> = {
  value: 'number',
  units: 'who',
  duties: 'by_unit',
  list: 'overview',
  summary: 'fact',
  when: 'when',
  where: 'where',
  lead: 'lead',
  lead_duties: 'lead_by_unit',
  count: 'count',
  verify: 'verify',
  compare: 'compare',
  document: 'document',
  enterprise: 'enterprise',
  place: 'place',
  more: 'more',
};

function intentOf(query: Query): Intent {
  return INTENTS[query.ask];
}

function round(ms: number): number {
  return Math.round(ms * 100) / 100;
}
