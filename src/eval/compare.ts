import { createError } from '../core/errors.js';
import type { OpenOptions } from '../open.js';
import type { CliIo } from '../cli/io.js';
import { openFromFlags } from '../cli/options.js';
import { type EvalCase, judge } from './score.js';

/**
 * `eval --compare`: the same set scored with the rule reader alone and with the model reader (its reading
 * followed whenever it succeeds; the rules only where it fails), side by side by kind. Phrasing is off for both:
 * it is the reading being compared.
 */
export async function compareReaders(
  cases: readonly EvalCase[],
  options: OpenOptions,
  flags: { json?: boolean },
  io: CliIo,
): Promise<number> {
  if (!options.llm) throw createError('USAGE', 'eval --compare needs a model: set LLM_BASE_URL and LLM_MODEL');
  const readers = {
    rules: await openFromFlags({ ...options, llm: undefined }, io.stderr),
    model: await openFromFlags({ ...options, llm: { ...options.llm, phrasing: false, prefer: 'model' } }, io.stderr),
  };
  const byKind = new Map<string, { total: number; rules: number; model: number }>();
  for (const c of cases) {
    const tally = byKind.get(c.kind) ?? { total: 0, rules: 0, model: 0 };
    tally.total++;
    for (const name of ['rules', 'model'] as const)
      if (judge(c, await readers[name].ask(c.q, { thread: c.thread })).length === 0) tally[name]++;
    byKind.set(c.kind, tally);
  }
  const overall = [...byKind.values()].reduce(
    (s, t) => ({ total: s.total + t.total, rules: s.rules + t.rules, model: s.model + t.model }),
    { total: 0, rules: 0, model: 0 },
  );
  if (flags.json) {
    const usage = readers.model.modelUsage;
    io.stdout.write(`${JSON.stringify({ overall, byKind: Object.fromEntries(byKind), model: usage })}\n`);
    return 0;
  }
  io.stdout.write(`${'kind'.padEnd(12)} ${'rules'.padStart(7)} ${'model'.padStart(7)}\n`);
  for (const [kind, t] of [...byKind, ['overall', overall] as const])
    io.stdout.write(
      `${kind.padEnd(12)} ${`${t.rules}/${t.total}`.padStart(7)} ${`${t.model}/${t.total}`.padStart(7)}\n`,
    );
  const failures = readers.model.modelUsage?.readFailures ?? {};
  if (Object.keys(failures).length > 0)
    io.stdout.write(`model reads that failed (the rules answered): ${JSON.stringify(failures)}\n`);
  return 0;
}
