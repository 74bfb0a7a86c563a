/**
 * Benchmark: ingest throughput and peak memory, index load time and answer latency, on the real policy and on a
 * generated corpus of policy-like documents. Prints figures beside their targets; it never fails on a miss.
 *
 *   npm run bench [-- --docs 1000] [--rounds 5] [--json] [--profile] [--keep]
 *
 * Every phase runs in a process of its own (bench/phase.ts), so the peak RSS it reports is that phase's alone.
 * Generated text and indexes go to bench/.corpus/ (git-ignored) and are removed at the end unless --keep.
 * --profile also writes a CPU profile of each phase to bench/.corpus/prof/ and prints where the time went.
 */
import { execFileSync, fork } from 'node:child_process';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { generateCorpus } from './generate.js';
import type { FloorResult, IngestResult, PhaseResult, QueryResult } from './phase.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const WORK = join(ROOT, 'bench', '.corpus');
const RUNNER = join(ROOT, 'bin', 'run.js');
const PHASE = join(ROOT, 'bench', 'phase.ts');
const POLICY_SEEDS = join(ROOT, 'seeds');
const FIXTURE_QUESTIONS = join(ROOT, 'test', 'fixtures', 'questions.jsonl');
// Questions of every kind: several parts, comparisons, checks, the document, follow-ups in their thread.
const KIND_QUESTIONS = join(ROOT, 'test', 'fixtures', 'kinds.jsonl');

const TARGETS = {
  ingestMBps: 2,
  ingestPeakMB: 1024,
  p95PolicyMs: 20,
  p95GeneratedMs: 10,
  ingestOverFloor: 1.5,
  coldOverFloor: 1.3,
};
// The machine's speed swings by half within a minute on this VM: more runs make steadier medians.
const COLD_RUNS = 9;
const INGEST_RUNS = 5;
// A phase past these is stopped rather than left to swap or run on: its figures would mean little anyway.
const LIMITS = { ms: 6 * 60_000, rssKb: 2 * 1024 * 1024 };

const { values } = parseArgs({
  options: {
    docs: { type: 'string', default: '1000' },
    rounds: { type: 'string', default: '5' },
    json: { type: 'boolean', default: false },
    profile: { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
  },
});
const docs = positiveInt('docs', values.docs);
const rounds = positiveInt('rounds', values.rounds);
// In --json mode stdout carries only the result; progress goes to stderr either way.
const log = (line: string) => process.stderr.write(`${line}\n`);

function positiveInt(name: string, raw: string): number {
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1) throw new Error(`--${name} must be a positive integer, not ${raw}`);
  return n;
}

/** Runs bench/phase.ts in a child process and resolves with the result it sends back over IPC. */
function runPhase<T extends PhaseResult>(name: string, args: string[]): Promise<T> {
  const profileDir = join(WORK, 'prof', name);
  const execArgv = values.profile ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [];
  return new Promise((resolve, reject) => {
    // The child's stdout goes to our stderr, so it can never corrupt --json output.
    const child = fork(RUNNER, [PHASE, ...args], { cwd: ROOT, execArgv, stdio: ['ignore', 2, 'inherit', 'ipc'] });
    let result: T | null = null;
    let stopped = '';
    const stop = (why: string) => {
      stopped = why;
      child.kill('SIGKILL');
    };
    const timer = setTimeout(() => stop(`ran past ${LIMITS.ms / 60_000} min`), LIMITS.ms);
    const watch = setInterval(() => {
      const rss = currentRssKb(child.pid);
      if (rss > LIMITS.rssKb) stop(`RSS reached ${Math.round(rss / 1024)} MB`);
    }, 250);
    child.on('message', (message) => (result = message as T));
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      clearInterval(watch);
      if (result) resolve(result);
      else reject(new Error(`phase ${name} ${stopped ? `stopped: ${stopped}` : `failed (exit ${code ?? signal})`}`));
    });
  });
}

/** The commit measured, marked dirty when the working tree differs: figures mean little without it. */
function codeVersion(): string {
  try {
    const git = (...args: string[]) => execFileSync('git', args, { cwd: ROOT, encoding: 'utf8' }).trim();
    return `${git('rev-parse', '--short', 'HEAD')}${git('status', '--porcelain', '--', 'src', 'ingest', 'seeds') ? '+dirty' : ''}`;
  } catch {
    return 'unknown';
  }
}

/** Resident memory of a running process from /proc (Linux); 0 where that is not available. */
function currentRssKb(pid: number | undefined): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    return Number(/^VmRSS:\s+(\d+)/m.exec(status)?.[1] ?? 0);
  } catch {
    return 0;
  }
}

/**
 * A fresh `policybot ask` against the floor of any process that answers: Node starting and jieba loading its
 * dictionaries. Medians of a few runs each, interleaved so the machine's load falls on both alike.
 */
async function coldStart(index: string): Promise<{ askMs: number; floorMs: number }> {
  const floorScript = `const j = (await import('nodejieba')).default; j.load({ userDict: ${JSON.stringify(join(ROOT, 'src', 'core', 'dict', 'user.dict.utf8'))} });`;
  const time = (args: string[]) => {
    const t = performance.now();
    execFileSync(process.execPath, args, { cwd: ROOT, stdio: 'ignore' });
    return performance.now() - t;
  };
  const asks: number[] = [];
  const floors: number[] = [];
  for (let i = 0; i < COLD_RUNS; i++) {
    floors.push(time(['--input-type=module', '-e', floorScript]));
    asks.push(time([join(ROOT, 'bin', 'policybot.js'), 'ask', '--index', index, '加氢站目标是多少']));
  }
  return { askMs: medianBy(asks, (v) => v)!, floorMs: medianBy(floors, (v) => v)! };
}

/** The item with the median value (the upper one of an even count); null for none. */
function medianBy<T>(items: T[], value: (item: T) => number): T | null {
  return [...items].sort((a, b) => value(a) - value(b))[Math.floor(items.length / 2)] ?? null;
}

/** A failed phase is reported and the phases that need it are skipped; the other figures still print. */
async function attempt<T>(label: string, run: () => Promise<T>): Promise<T | null> {
  log(`… ${label}`);
  try {
    return await run();
  } catch (error) {
    log(`✗ ${label}: ${(error as Error).message}`);
    return null;
  }
}

const ingestPhase = (name: string, seeds: string, index: string) =>
  attempt(`ingest ${name}`, () =>
    runPhase<IngestResult>(`ingest-${name}`, ['ingest', '--seeds', seeds, '--index', index]),
  );
const queryPhase = (name: string, index: string, questionFiles: string[]) =>
  attempt(`load + ask ${name}`, () =>
    runPhase<QueryResult>(`query-${name}`, [
      'query',
      '--index',
      index,
      '--rounds',
      String(rounds),
      ...questionFiles.flatMap((f) => ['--questions', f]),
    ]),
  );

await mkdir(WORK, { recursive: true });
if (values.profile) await rm(join(WORK, 'prof'), { recursive: true, force: true });
const started = performance.now();
const version = codeVersion();

log(`… generating ${docs} documents`);
const corpus = await generateCorpus(join(WORK, `seeds-${docs}`), docs);
const generatedQuestions = join(WORK, `questions-${docs}.jsonl`);
await writeFile(generatedQuestions, corpus.questions.map((q) => `${JSON.stringify({ q })}\n`).join(''));

const policyIndex = join(WORK, 'index-policy');
const generatedIndex = join(WORK, `index-${docs}`);
const policy = { ingest: await ingestPhase('policy', POLICY_SEEDS, policyIndex), query: null as QueryResult | null };
// The generated ingest and its floor alternate, so the machine's load falls on both alike; medians are compared.
const ingestRuns: IngestResult[] = [];
const floorRuns: FloorResult[] = [];
for (let run = 0; run < INGEST_RUNS; run++) {
  const ingested = await ingestPhase('generated', corpus.dir, generatedIndex);
  if (ingested) ingestRuns.push(ingested);
  const cut = await attempt('floor: jieba cut of the generated text on one core', () =>
    runPhase<FloorResult>('floor', ['floor', '--seeds', corpus.dir]),
  );
  if (cut) floorRuns.push(cut);
}
const generated = { ingest: medianBy(ingestRuns, (r) => r.wallMs), query: null as QueryResult | null };
const floor = medianBy(floorRuns, (r) => r.cutMs);
if (policy.ingest) policy.query = await queryPhase('policy', policyIndex, [FIXTURE_QUESTIONS, KIND_QUESTIONS]);
if (generated.ingest)
  generated.query = await queryPhase('generated', generatedIndex, [
    FIXTURE_QUESTIONS,
    KIND_QUESTIONS,
    generatedQuestions,
  ]);
const cold = policy.ingest ? await attempt('cold start', () => coldStart(policyIndex)) : null;
const totalMs = performance.now() - started;
// The generated index is a few hundred MB: not worth leaving behind unless asked.
if (!values.keep) {
  for (const path of [corpus.dir, generatedQuestions, policyIndex, generatedIndex])
    await rm(path, { recursive: true, force: true });
}

// ---- report ----

const mbps = (r: IngestResult) => r.bytes / 1e6 / (r.wallMs / 1000);
const mb = (kb: number) => kb / 1024;

interface Check {
  name: string;
  value: number | null;
  unit: string;
  target: string;
  met: boolean | null;
}
const check = (
  name: string,
  value: number | undefined,
  unit: string,
  target: string,
  pass: (v: number) => boolean,
): Check => ({
  name,
  value: value ?? null,
  unit,
  target,
  met: value === undefined ? null : pass(value),
});
const checks: Check[] = [
  check(
    'cold ask over floor',
    cold ? cold.askMs / cold.floorMs : undefined,
    '×',
    `≤ ${TARGETS.coldOverFloor}×`,
    (v) => v <= TARGETS.coldOverFloor,
  ),
  check(
    'generated ingest over floor',
    generated.ingest && floor ? generated.ingest.wallMs / floor.cutMs : undefined,
    '×',
    `≤ ${TARGETS.ingestOverFloor}×`,
    (v) => v <= TARGETS.ingestOverFloor,
  ),
  check(
    'generated ingest throughput',
    generated.ingest ? mbps(generated.ingest) : undefined,
    'MB/s',
    `≥ ${TARGETS.ingestMBps} MB/s`,
    (v) => v >= TARGETS.ingestMBps,
  ),
  check(
    'generated ingest peak RSS',
    generated.ingest ? mb(generated.ingest.maxRssKb) : undefined,
    'MB',
    `≤ ${TARGETS.ingestPeakMB} MB`,
    (v) => v <= TARGETS.ingestPeakMB,
  ),
  check(
    'policy answer p95',
    policy.query?.latency.p95,
    'ms',
    `≤ ${TARGETS.p95PolicyMs} ms`,
    (v) => v <= TARGETS.p95PolicyMs,
  ),
  check(
    'generated answer p95',
    generated.query?.latency.p95,
    'ms',
    `≤ ${TARGETS.p95GeneratedMs} ms`,
    (v) => v <= TARGETS.p95GeneratedMs,
  ),
];

const profiles = values.profile
  ? Object.fromEntries(
      ['ingest-policy', 'ingest-generated', 'query-policy', 'query-generated'].map((p) => [
        p,
        topFunctions(join(WORK, 'prof', p)),
      ]),
    )
  : undefined;

if (values.json) {
  const environment = { node: process.version, cpus: cpus().length, cpu: cpus()[0]?.model ?? '' };
  const config = { version, docs, rounds, environment, totalMs };
  const generatedCorpus = {
    documents: corpus.documents,
    bytes: corpus.bytes,
    generateMs: corpus.ms,
    questions: corpus.questions,
  };
  console.log(
    JSON.stringify(
      {
        config,
        generatedCorpus,
        targets: TARGETS,
        policy,
        generated,
        floor,
        ingestRuns: { ingestMs: ingestRuns.map((r) => r.wallMs), floorMs: floorRuns.map((r) => r.cutMs) },
        checks,
        profiles,
      },
      null,
      2,
    ),
  );
} else {
  printTable();
}

function printTable(): void {
  const verdict = (c: Check) => (c.met === null ? '' : `  [${c.target}: ${c.met ? 'met' : 'MISSED'}]`);
  const byName = (name: string) => verdict(checks.find((c) => c.name === name)!);
  const ms = (v: number) =>
    v >= 1000 ? `${(v / 1000).toFixed(2)} s` : v >= 10 ? `${v.toFixed(1)} ms` : `${v.toFixed(2)} ms`;
  type Side = 'policy' | 'generated';
  const sides = { policy, generated };
  // A cell of one side's ingest or query result; "n/a" when that phase failed.
  const ing = (side: Side, f: (r: IngestResult) => string) => (sides[side].ingest ? f(sides[side].ingest) : 'n/a');
  const qry = (side: Side, f: (r: QueryResult) => string) => (sides[side].query ? f(sides[side].query) : 'n/a');
  const both = (f: (side: Side) => string): [string, string] => [f('policy'), f('generated')];

  const rows: [string, string, string][] = [
    ['', 'policy (seeds/)', `generated (${corpus.documents} docs)`],
    [
      'source text',
      ...both((s) =>
        ing(s, (r) => (r.bytes >= 1e6 ? `${(r.bytes / 1e6).toFixed(1)} MB` : `${(r.bytes / 1e3).toFixed(1)} KB`)),
      ),
    ],
    [
      'documents / clauses / passages',
      ...both((s) => ing(s, (r) => `${r.counts.documents} / ${r.counts.clauses} / ${r.counts.passages}`)),
    ],
    ['ingest wall time', ...both((s) => ing(s, (r) => ms(r.wallMs)))],
    [
      'ingest throughput',
      ing('policy', (r) => `${mbps(r).toFixed(2)} MB/s`),
      ing('generated', (r) => `${mbps(r).toFixed(2)} MB/s${byName('generated ingest throughput')}`),
    ],
    [
      '  floor: jieba cut on one core',
      '',
      floor && generated.ingest
        ? `${ms(floor.cutMs)}; ingest ${(generated.ingest.wallMs / floor.cutMs).toFixed(2)}×${byName('generated ingest over floor')}`
        : 'n/a',
    ],
    [
      `  medians of ${INGEST_RUNS} alternating runs`,
      '',
      `ingest ${ingestRuns.map((r) => ms(r.wallMs)).join(' / ')}; floor ${floorRuns.map((r) => ms(r.cutMs)).join(' / ')}`,
    ],
    [
      'ingest peak RSS',
      ing('policy', (r) => `${mb(r.maxRssKb).toFixed(0)} MB`),
      ing('generated', (r) => `${mb(r.maxRssKb).toFixed(0)} MB${byName('generated ingest peak RSS')}`),
    ],
    [
      'index load (jieba + openBot)',
      ...both((s) => qry(s, (r) => `${ms(r.jiebaMs + r.openMs)} (${ms(r.jiebaMs)} + ${ms(r.openMs)})`)),
    ],
    ['RSS after load', ...both((s) => qry(s, (r) => `${mb(r.rssAfterLoadKb).toFixed(0)} MB`))],
    ['load + ask peak RSS', ...both((s) => qry(s, (r) => `${mb(r.maxRssKb).toFixed(0)} MB`))],
    [
      'questions (answered) × rounds',
      ...both((s) => qry(s, (r) => `${r.questions} (${r.answered}) × ${rounds} = ${r.latency.samples}`)),
    ],
    ['answer p50', ...both((s) => qry(s, (r) => ms(r.latency.p50)))],
    [
      'answer p95',
      qry('policy', (r) => `${ms(r.latency.p95)}${byName('policy answer p95')}`),
      qry('generated', (r) => `${ms(r.latency.p95)}${byName('generated answer p95')}`),
    ],
    ['answer max', ...both((s) => qry(s, (r) => ms(r.latency.max)))],
    ['answer max, cold first pass', ...both((s) => qry(s, (r) => ms(r.coldMax)))],
    [
      'cold `policybot ask` / floor',
      cold
        ? `${ms(cold.askMs)} / ${ms(cold.floorMs)} = ${(cold.askMs / cold.floorMs).toFixed(2)}×${byName('cold ask over floor')}`
        : 'n/a',
      '',
    ],
  ];
  const widths = [0, 1].map((i) => Math.max(...rows.map((r) => r[i]!.length)));
  console.log(
    `\npolicybot bench — ${version}, node ${process.version}, ${cpus().length} CPUs; generated ${corpus.documents} docs (${(corpus.bytes / 1e6).toFixed(1)} MB) in ${ms(corpus.ms)}; total ${ms(totalMs)}\n`,
  );
  for (const [label, a, b] of rows) console.log(`${label.padEnd(widths[0]!)}  ${a.padEnd(widths[1]!)}  ${b}`);
  console.log(
    '\nMemory in MB of 2^20 bytes, text in MB of 10^6 bytes. Latency over the measured rounds, after one unmeasured pass.',
  );
  if (values.profile) console.log("--profile was on: the times above include the profiler's overhead.");
  for (const [name, q] of [
    ['policy', policy.query],
    ['generated', generated.query],
  ] as const) {
    if (q)
      console.log(
        `slowest on ${name} (median): ${q.latency.slowest.map((s) => `${s.q} ${ms(s.medianMs)}`).join('; ')}`,
      );
  }
  for (const [phase, lines] of Object.entries(profiles ?? {})) {
    console.log(`\nCPU self time, ${phase} (native calls count to their JS caller):`);
    for (const line of lines) console.log(`  ${line}`);
  }
}

/** The functions with the most self time in the main thread's CPU profile of a phase. */
function topFunctions(dir: string, count = 8): string[] {
  let files: string[];
  try {
    files = readdirSync(dir)
      .filter((f) => f.endsWith('.cpuprofile'))
      .map((f) => join(dir, f));
  } catch {
    return [];
  }
  // tsx's loader thread writes a profile too; the main thread's is the largest.
  const main = files.sort((a, b) => statSync(b).size - statSync(a).size)[0];
  if (!main) return [];
  type Node = { id: number; callFrame: { functionName: string; url: string; lineNumber: number } };
  const profile = JSON.parse(readFileSync(main, 'utf8')) as { nodes: Node[]; samples: number[]; timeDeltas: number[] };
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const frame = nodes.get(id)!.callFrame;
    const key = `${frame.functionName || '(anonymous)'} ${frame.url.replace(pathToFileURL(ROOT).href, '')}`.trim();
    self.set(key, (self.get(key) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  });
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  return [...self]
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([key, t]) => `${t.toFixed(0).padStart(7)} ms ${((100 * t) / total).toFixed(0).padStart(3)}%  ${key}`);
}
