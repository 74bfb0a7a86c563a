/**
 * One benchmark phase, run by bench.ts in a process of its own so that its peak RSS is its own.
 * Reports one JSON result over IPC (or on stdout when run by hand).
 *
 *   npm run build && node bin/run.js bench/phase.ts ingest --seeds DIR --index DIR
 *   node bin/run.js bench/phase.ts query --index DIR --questions FILE [--questions FILE] [--rounds 5]
 */
import { readFile } from 'node:fs/promises';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { parseJsonLine, readInputLines } from '../src/core/input-lines.js';
import { percentile } from '../src/eval/score.js';
import { z } from 'zod';

/**
 * What is timed is the compiled code that `policybot` runs (`npm run bench` builds it first), not the sources through
 * tsx, whose loader would run again in every worker thread of an ingest.
 */
const compiled = (path: string) => import(fileURLToPath(new URL(`../dist/${path}`, import.meta.url)));
const { ingest }: typeof import('../ingest/run.js') = await compiled('ingest/run.js');
const { preloadDictionary }: typeof import('../src/core/tokenizer.js') = await compiled('src/core/tokenizer.js');
const { openBot }: typeof import('../src/open.js') = await compiled('src/open.js');

export interface IngestResult {
  phase: 'ingest';
  /** Whole ingest as `policybot ingest` does it, jieba's dictionaries loaded where it loads them (on workers for a large corpus). */
  wallMs: number;
  bytes: number;
  counts: { documents: number; clauses: number; targets: number; passages: number };
  issues: number;
  maxRssKb: number;
}

export interface Latency {
  samples: number;
  p50: number;
  p95: number;
  max: number;
  /** The questions with the highest median over the rounds, slowest first: where to look when a target is missed. */
  slowest: { q: string; medianMs: number }[];
}

export interface QueryResult {
  phase: 'query';
  /** jieba's dictionary load, then openBot on the built index: together, the load time of a fresh process. */
  jiebaMs: number;
  openMs: number;
  rssAfterLoadKb: number;
  questions: number;
  answered: number;
  /** Latency of the first, unmeasured pass (cold JIT and caches). */
  coldMax: number;
  latency: Latency;
  maxRssKb: number;
}

/** What the work cannot go below on this machine: one core loading jieba and cutting the same text. */
export interface FloorResult {
  phase: 'floor';
  jiebaMs: number;
  cutMs: number;
}

export type PhaseResult = IngestResult | QueryResult | FloorResult;

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: {
    seeds: { type: 'string' },
    index: { type: 'string' },
    questions: { type: 'string', multiple: true, default: [] },
    rounds: { type: 'string', default: '5' },
  },
});

/** Loads jieba's dictionaries now, so their cost is timed apart from the work that would trigger it. */
function loadJieba(): number {
  const started = performance.now();
  preloadDictionary();
  return performance.now() - started;
}

async function runIngest(seedsDir: string, outDir: string): Promise<IngestResult> {
  const started = performance.now();
  const result = await ingest({ seedsDir, outDir, force: true });
  return {
    phase: 'ingest',
    wallMs: performance.now() - started,
    bytes: result.manifest.sources.reduce((sum, s) => sum + s.bytes, 0),
    counts: result.manifest.counts,
    issues: result.issues.length,
    maxRssKb: process.resourceUsage().maxRSS,
  };
}

const AskedSchema = z.object({
  q: z.string(),
  /** A follow-up's earlier questions: it is timed with them, as a Slack thread would ask it. */
  thread: z.array(z.string()).optional(),
});

type Asked = z.infer<typeof AskedSchema>;

/** The questions of JSONL files (`q`, and `thread` for a follow-up); a malformed line stops the bench, named. */
function readQuestions(files: string[]): Asked[] {
  return files.flatMap((file) =>
    readInputLines(file, 'question set').map((input) => parseJsonLine(AskedSchema, 'question set', file, input)),
  );
}

async function runQuery(indexDir: string, files: string[], rounds: number): Promise<QueryResult> {
  const questions = readQuestions(files);
  const jiebaMs = loadJieba();
  const opened = performance.now();
  const bot = await openBot({ indexDir, seedsDir: null });
  const openMs = performance.now() - opened;
  const rssAfterLoadKb = Math.round(process.memoryUsage.rss() / 1024);

  const timed = async ({ q, thread }: Asked) => {
    const started = performance.now();
    const answer = await bot.ask(q, { thread });
    return { q, ms: performance.now() - started, answered: answer.status === 'answered' };
  };
  const cold = [];
  for (const q of questions) cold.push(await timed(q));
  const measured = [];
  for (let round = 0; round < rounds; round++) for (const q of questions) measured.push(await timed(q));

  return {
    phase: 'query',
    jiebaMs,
    openMs,
    rssAfterLoadKb,
    questions: questions.length,
    answered: cold.filter((c) => c.answered).length,
    coldMax: Math.max(...cold.map((c) => c.ms)),
    latency: summarize(measured),
    maxRssKb: process.resourceUsage().maxRSS,
  };
}

const SLOWEST = 5;

function summarize(samples: { q: string; ms: number }[]): Latency {
  const byQuestion = new Map<string, number[]>();
  for (const s of samples) byQuestion.set(s.q, [...(byQuestion.get(s.q) ?? []), s.ms]);
  const slowest = [...byQuestion]
    .map(([q, times]) => ({ q, medianMs: percentile(times, 50) }))
    .sort((a, b) => b.medianMs - a.medianMs)
    .slice(0, SLOWEST);
  const all = samples.map((s) => s.ms);
  return {
    samples: all.length,
    p50: percentile(all, 50),
    p95: percentile(all, 95),
    max: percentile(all, 100),
    slowest,
  };
}

const need = (name: string, value: string | undefined): string => {
  if (!value) throw new Error(`phase ${positionals[0]} needs --${name}`);
  return value;
};

/** Loads jieba's dictionaries and cuts every seed file with plain `cut`: the floor an ingest is measured against. */
async function runFloor(seedsDir: string): Promise<FloorResult> {
  const started = performance.now();
  const jiebaMs = loadJieba();
  const { readdir } = await import('node:fs/promises');
  const { default: nodejieba } = await import('nodejieba');
  for (const name of await readdir(seedsDir)) nodejieba.cut(await readFile(`${seedsDir}/${name}`, 'utf8'), true);
  return { phase: 'floor', jiebaMs, cutMs: performance.now() - started };
}

const result: PhaseResult =
  positionals[0] === 'floor'
    ? await runFloor(need('seeds', values.seeds))
    : positionals[0] === 'ingest'
      ? await runIngest(need('seeds', values.seeds), need('index', values.index))
      : positionals[0] === 'query'
        ? await runQuery(need('index', values.index), values.questions, Number(values.rounds))
        : (() => {
            throw new Error('usage: phase.ts ingest|query …');
          })();

// Disconnecting lets the process end; an open IPC channel would keep it alive.
if (process.send) process.send(result, () => process.disconnect());
else console.log(JSON.stringify(result, null, 2));
