import { performance } from 'node:perf_hooks';
import { PROVINCES, SHANDONG_CITIES } from '../question/places.js';
import { CITY_GOVERNMENTS } from '../question/units.js';
import type { ConversationState, Query } from '../question/query.js';
import { readQuestion } from '../question/read.js';
import type { Corpus } from '../retrieval/corpus.js';
import { retrieve, type Signal } from '../retrieval/retrieve.js';
import { stateAfter } from './conversation.js';
import { answers, createContext, type Ctx } from './execute/context.js';
import { factGrounds } from './execute/document.js';
import { execute } from './execute/index.js';
import { mergeFindings } from './execute/merge.js';
import type { Finding, Line } from './execute/finding.js';
import { summary } from './execute/summary.js';
import { ungroundedNumbers, ungroundedUnits } from './grounding.js';
import { EMPTY_QUESTION, MAX_QUESTION_LENGTH, NOT_FOUND, NOT_FOUND_EN, NO_TOPIC, SUGGEST, TOO_LONG, periodEnded, readAs } from './messages.js';
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
  conversations?: Map<string, ConversationState | null>;
}

const REMEMBERED_CONVERSATIONS = 1000;

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
    if (engine.conversations) {
      if (engine.conversations.size >= REMEMBERED_CONVERSATIONS) engine.conversations.delete(engine.conversations.keys().next().value!);
      engine.conversations.set(key, state);
    }
  }
  return state;
}

function validate(question: string): string | null {
  if (question.trim() === '') return EMPTY_QUESTION;
  if (question.length > MAX_QUESTION_LENGTH) return TOO_LONG;
  return null;
}

/** One question of a conversation: its answer, and the state the next question continues from (null: unchanged). */
async function turn(engine: Engine, question: string, state: ConversationState | null): Promise<{ answer: Answer; state: ConversationState | null }> {
  const { corpus } = engine;
  const plain = (answer: string, intent: Intent, query: Query | null, suggestions: string[] = []): { answer: Answer; state: null } => ({
    answer: {
      question, status: 'not_found', answer: suggestions.length ? `${answer}\n${SUGGEST}${suggestions.join('；')}` : answer, lead: answer,
      citations: [], ms: 0, intent, suggestions, query,
    },
    state: null,
  });
  const invalid = validate(question);
  if (invalid) return plain(invalid, 'fact', null);
  const query = readQuestion(question, corpus, state);
  if (!/[\p{Script=Han}a-z0-9]/u.test(query.text)) return plain(NO_TOPIC, 'fact', query);
  const intent = intentOf(query);
  const notFound = async () => plain(query.language === 'en' ? NOT_FOUND_EN : NOT_FOUND, intent, query, await suggest(engine, query));

  const ctx = createContext(corpus, query, state, engine.today(), engine.disabled ?? []);
  const found = query.questions.length > 1 ? await eachQuestion(engine, ctx) : await find(engine, ctx);
  if (!found) return notFound();
  const { answer, lead } = render(ctx, found);
  return {
    answer: { question, status: 'answered', answer, lead, citations: found.citations, ms: 0, intent, suggestions: [], query },
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

const EACH_SUBJECT: readonly Query['ask'][] = ['value', 'units', 'lead', 'when', 'where', 'summary', 'verify'];

/** A place outside the province, a year no policy mentions, a word the corpus never uses: another policy's business. */
function outOfScope(corpus: Corpus, query: Query): boolean {
  const foreignPlace = query.places.some((p) => PROVINCES.includes(p) && !corpus.corpusText.includes(p));
  // A yes/no check, or a question about the document's dates, may name any year: the answer compares it.
  const yearsMatter = query.ask !== 'verify' && !query.aspects.some((a) => a === 'status' || a === 'period' || a === 'issued');
  const foreignYear = yearsMatter && query.years.some((y) => !corpus.corpusText.includes(y.slice(0, 5)));
  // Several subjects are judged one by one: the ones the policy covers are answered, the others said to be missing.
  const several = query.subjects.length > 1 && EACH_SUBJECT.includes(query.ask);
  return foreignPlace || foreignYear || (query.unknown.length > 0 && !several);
}

/**
 * The last line of defence: every number and every 责任单位 an answer states must come from what it cites (or the
 * document's facts, the asker's own figures, or figures worked out from cited ones). An answer that fails falls
 * back to quoting the best clause, or to not found.
 */
async function ground(ctx: Ctx, found: Finding): Promise<Finding | null> {
  const { corpus, query } = ctx;
  // What the asker said may be repeated back ("不是50座", "省科技厅不在其中"): it is attributed, not asserted.
  const claimed = [...(query.claim?.quantities.map((q) => q.raw) ?? []), ...(query.claim?.units ?? []), ...query.units];
  const grounds = [...corpus.documents.map(factGrounds), ...found.derived, ...claimed, ctx.today.toISOString().slice(0, 10), ...query.corrections.map((c) => c.to)];
  const text = [...found.lead, ...found.body].flatMap((l) => [l.zh, l.en ?? '']).join('\n');
  if (process.env.DEBUG_GROUND) console.error(ungroundedNumbers(text, found.citations, grounds), ungroundedUnits(text, found.citations, corpus.units, grounds));
  if (ungroundedNumbers(text, found.citations, grounds).length === 0 && ungroundedUnits(text, found.citations, corpus.units, grounds).length === 0) return found;
  const subject = query.subjects[0];
  return subject && query.ask !== 'summary' && answers(await ctx.retrieve(subject)) ? summary(ctx, subject) : null;
}

/** The answer in the asker's language: the fact first (in English for an English question), then where it comes from. */
function render(ctx: Ctx, found: Finding): { answer: string; lead: string } {
  const { query, corpus } = ctx;
  const say = (l: Line) => (query.language === 'en' ? (l.en ?? l.zh) : l.zh);
  const scope = cityScope(ctx, found);
  const lead = [...found.lead.slice(0, 1), ...(scope ? [scope] : []), ...found.lead.slice(1)].map(say);
  if (query.corrections.length > 0) lead.unshift(say(readAs(query.corrections.map((c) => c.to))));
  const body = found.body.map(say);
  // In English the fact comes first, then always the Chinese words it rests on.
  const quote = found.citations[0]?.quote;
  if (query.language === 'en' && quote && !found.body.some((l) => l.zh.startsWith('原文'))) body.unshift(`Quote (原文): “${quote}”`);
  const cited = new Set(found.citations.map((c) => c.doc));
  // A target of a plan whose period is over is what was planned, not what was done.
  if (query.ask === 'value' || query.ask === 'compare') {
    for (const d of corpus.documents) {
      if (cited.has(d.id) && d.facts.period && ctx.today.getFullYear() > d.facts.period.end) body.push(say(periodEnded(d.facts.period.start, d.facts.period.end)));
    }
  }
  return { answer: [...lead, ...body].join('\n'), lead: lead.join('\n') };
}

// Answers that already say, clause by clause, where they apply.
const PLACE_AWARE: readonly Query['ask'][] = ['place', 'enterprise', 'document', 'duties', 'lead_duties'];

/**
 * Whether the answer's clause applies in the city the question names, when the clause does not name it: every
 * city's government is responsible, or the relevant ones, or the province's departments for the whole province.
 */
function cityScope(ctx: Ctx, found: Finding): Line | null {
  const city = ctx.query.places.find((p) => SHANDONG_CITIES.includes(p));
  const first = found.citations[0];
  if (!city || !first || PLACE_AWARE.includes(ctx.query.ask)) return null;
  const clause = ctx.corpus.clauses[ctx.corpus.clauseIndex.get(`${first.doc}#${first.section}`)!]!;
  if (clause.text.includes(city)) return null;
  const [all, some] = CITY_GOVERNMENTS;
  if (clause.units.includes(all!)) return { zh: `该条款责任单位包括${all}，${city}适用。`, en: `Its responsible units include ${all} (every city government), so it applies in ${city}.` };
  if (clause.units.includes(some!)) return { zh: `该条款责任单位包括${some}，${city}涉及时适用。`, en: `Its responsible units include ${some} (the city governments concerned), so it applies in ${city} where relevant.` };
  return { zh: `该条款由省级部门负责，在全省实施，含${city}。`, en: `Provincial departments are responsible; it applies across the province, ${city} included.` };
}

/** The closest topics the policy covers: headings of the best partial matches, else its main parts. */
async function suggest(engine: Engine, query: Query): Promise<string[]> {
  const { corpus } = engine;
  const topic = query.subjects.join(' ');
  const hits = topic ? (await retrieve(corpus, { topic, unit: null, places: [], years: [], context: [] })).hits : [];
  const headings = hits.map((h) => corpus.clauses[h.clause]!.heading).filter(Boolean);
  const parts = corpus.documents.flatMap((d) => d.outline.filter((n) => !n.section.includes('.')).map((n) => n.heading));
  return [...new Set([...headings, ...parts])].slice(0, SUGGESTIONS);
}

const INTENTS: Record<Query['ask'], Intent> = {
  value: 'number', units: 'who', duties: 'by_unit', list: 'overview', summary: 'fact', when: 'when', where: 'where',
  lead: 'lead', lead_duties: 'lead_by_unit', count: 'count', verify: 'verify', compare: 'compare', document: 'document',
  enterprise: 'enterprise', place: 'place', more: 'more',
};

function intentOf(query: Query): Intent {
  return INTENTS[query.ask];
}

function round(ms: number): number {
  return Math.round(ms * 100) / 100;
}
