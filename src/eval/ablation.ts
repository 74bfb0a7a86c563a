import { join } from 'node:path';
import type { EmbedderSpec } from '../core/embedders.js';
import { ingest } from '../../ingest/run.js';
import type { PassageMode } from '../core/schema.js';
import { answerQuestion } from '../answer/answer.js';
import { loadCorpus, type Corpus } from '../retrieval/corpus.js';
import { SIGNALS, type Signal } from '../retrieval/retrieve.js';
import { judge, type EvalCase } from './score.js';

export interface Variant {
  name: string;
  pass: number;
  total: number;
}

async function score(corpus: Corpus, cases: readonly EvalCase[], disabled: readonly Signal[] = []): Promise<number> {
  let pass = 0;
  for (const c of cases) {
    const engine = { corpus, today: () => new Date(), disabled };
    if (judge(c, await answerQuestion(engine, c.q, { thread: c.thread })).length === 0) pass++;
  }
  return pass;
}

/** Accuracy with every retrieval signal, then without each one in turn: what each signal adds. */
export async function signalAblation(
  indexDir: string,
  embedder: EmbedderSpec,
  cases: readonly EvalCase[],
): Promise<Variant[]> {
  const corpus = await loadCorpus(indexDir, embedder);
  const variants: Variant[] = [{ name: 'all signals', pass: await score(corpus, cases), total: cases.length }];
  for (const signal of SIGNALS)
    variants.push({ name: `without ${signal}`, pass: await score(corpus, cases, [signal]), total: cases.length });
  return variants;
}

/** Accuracy with whole-clause passages against sentence windows, each built into its own index under `workDir`. */
export async function passageModes(
  seedsDir: string,
  workDir: string,
  embedder: EmbedderSpec,
  cases: readonly EvalCase[],
): Promise<Variant[]> {
  const variants: Variant[] = [];
  for (const mode of ['clause', 'window'] as PassageMode[]) {
    const outDir = join(workDir, `index-${mode}`);
    await ingest({ seedsDir, outDir, embedder, passageMode: mode });
    variants.push({
      name: `passages: ${mode}`,
      pass: await score(await loadCorpus(outDir, embedder), cases),
      total: cases.length,
    });
  }
  return variants;
}
