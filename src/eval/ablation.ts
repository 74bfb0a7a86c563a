import { join } from 'node:path';
import { DEFAULT_EMBEDDER, ingest } from '../../ingest/run.js';
import type { PassageMode } from '../core/schema.js';
import { answerQuestion } from '../answer/answer.js';
import type { OpenOptions } from '../open.js';
import { loadCorpus, type Corpus } from '../retrieval/corpus.js';
import { SIGNALS, type Signal } from '../retrieval/retrieve.js';
import { judge, type EvalCase } from './score.js';

export interface Variant {
  name: string;
  pass: number;
  total: number;
}

/** What a variant is measured with: those of the bot the set was scored on. */
type Settings = Pick<OpenOptions, 'indexDir' | 'embedder' | 'synonymsFile' | 'today'>;

async function score(
  corpus: Corpus,
  settings: Settings,
  cases: readonly EvalCase[],
  disabled: readonly Signal[] = [],
): Promise<number> {
  const engine = { corpus, today: () => settings.today ?? new Date(), disabled };
  let pass = 0;
  for (const c of cases) {
    if (judge(c, await answerQuestion(engine, c.q, { thread: c.thread })).length === 0) pass++;
  }
  return pass;
}

/** Accuracy with every retrieval signal, then without each one in turn: what each signal adds. */
export async function signalAblation(settings: Settings, cases: readonly EvalCase[]): Promise<Variant[]> {
  const corpus = await loadCorpus(settings.indexDir, settings.embedder ?? DEFAULT_EMBEDDER, settings.synonymsFile);
  const variants: Variant[] = [
    { name: 'all signals', pass: await score(corpus, settings, cases), total: cases.length },
  ];
  for (const signal of SIGNALS)
    variants.push({
      name: `without ${signal}`,
      pass: await score(corpus, settings, cases, [signal]),
      total: cases.length,
    });
  return variants;
}

/** Accuracy with whole-clause passages against sentence windows, each built into its own index under `workDir`. */
export async function passageModes(
  seedsDir: string,
  workDir: string,
  settings: Settings,
  cases: readonly EvalCase[],
): Promise<Variant[]> {
  const embedder = settings.embedder ?? DEFAULT_EMBEDDER;
  const variants: Variant[] = [];
  for (const mode of ['clause', 'window'] as PassageMode[]) {
    const outDir = join(workDir, `index-${mode}`);
    await ingest({ seedsDir, outDir, embedder, passageMode: mode });
    const corpus = await loadCorpus(outDir, embedder, settings.synonymsFile);
    variants.push({ name: `passages: ${mode}`, pass: await score(corpus, settings, cases), total: cases.length });
  }
  return variants;
}
