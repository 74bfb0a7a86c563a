import { performance } from 'node:perf_hooks';
import { BoundedCache } from '../core/bounded-cache.js';
import type { ConversationState, Query } from '../question/query.js';
import { readQuestion } from '../question/read.js';
import type { Corpus } from '../retrieval/corpus.js';
import { retrieve, type Signal } from '../retrieval/retrieve.js';
import { stateAfter } from './conversation.js';
import { ground, outOfScope } from './evidence.js';
import { createContext, type Ctx } from './execute/context.js';
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
  const query = readQuestion(question, corpus, state);
  if (!/[\p{Script=Han}a-z0-9]/u.test(query.text)) return plain(NO_TOPIC, 'fact', query);
  const intent = intentOf(query);
  const notFound = async () =>
    plain(query.language === 'en' ? NOT_FOUND_EN : NOT_FOUND, intent, query, await suggest(engine, query));

  const ctx = createContext(corpus, query, state, engine.today(), engine.disabled ?? []);
  const found = query.questions.length > 1 ? await eachQuestion(engine, ctx) : await find(engine, ctx);
  if (!found) return notFound();
  const { answer, lead } = render(ctx, found);
  return {
    answer: {
      question,
      status: 'answered',
      answer,
      lead,
      citations: found.citations,
      ms: 0,
      intent,
      suggestions: [],
      query,
    },
    state: stateAfter(query, found),
  };
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
