import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createError } from '../../core/errors.js';
import { passageModes, signalAblation, type Variant } from '../../eval/ablation.js';
import { compareReaders } from '../../eval/compare.js';
import { judge, percentile, readCases } from '../../eval/score.js';
import { BaseConfigSchema, openOptions, readConfig } from '../../config.js';
import type { CliIo } from '../io.js';
import { INDEX_OPTIONS, openFromFlags } from '../options.js';
import { parse } from '../flags.js';
import { usageLine } from '../usage.js';

export async function evalCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parse(args, {
    ...INDEX_OPTIONS,
    show: { type: 'boolean', default: false },
    ablation: { type: 'boolean', default: false },
    compare: { type: 'boolean', default: false },
  });
  const file = positionals[0];
  if (!file) throw createError('USAGE', usageLine('eval'));
  const cases = readCases(file);
  const config = readConfig(BaseConfigSchema, io.env);
  const options = openOptions(config, values);
  if (values.compare) return compareReaders(cases, options, values, io);
  const bot = await openFromFlags(options, io.stderr);
  const byKind = new Map<string, { pass: number; total: number }>();
  const latencies: number[] = [];
  const failures: string[] = [];
  for (const c of cases) {
    const answer = await bot.ask(c.q, { thread: c.thread });
    latencies.push(answer.ms);
    const reasons = judge(c, answer);
    const tally = byKind.get(c.kind) ?? { pass: 0, total: 0 };
    tally.total++;
    if (reasons.length === 0) tally.pass++;
    else
      failures.push(
        `✗ ${c.id} [${c.kind}] ${c.q}\n    ${reasons.join('\n    ')}\n    answer: ${answer.answer.split('\n')[0]}`,
      );
    byKind.set(c.kind, tally);
  }
  const passed = [...byKind.values()].reduce((s, t) => s + t.pass, 0);
  const pct = (p: number, t: number) => `${((100 * p) / t).toFixed(1)}%`;
  const report = {
    overall: { pass: passed, total: cases.length, accuracy: passed / cases.length },
    byKind: Object.fromEntries([...byKind].map(([k, t]) => [k, { ...t, accuracy: t.pass / t.total }])),
    latencyMs: { p50: percentile(latencies, 50), p95: percentile(latencies, 95), max: Math.max(...latencies) },
  };
  if (values.json) {
    io.stdout.write(`${JSON.stringify(report)}\n`);
  } else {
    for (const [kind, t] of byKind)
      io.stdout.write(`${kind.padEnd(12)} ${String(t.pass).padStart(3)}/${t.total}  ${pct(t.pass, t.total)}\n`);
    io.stdout.write(
      `${'overall'.padEnd(12)} ${String(passed).padStart(3)}/${cases.length}  ${pct(passed, cases.length)}\n`,
    );
    io.stdout.write(
      `latency ms   p50 ${report.latencyMs.p50}  p95 ${report.latencyMs.p95}  max ${report.latencyMs.max}\n`,
    );
  }
  if (values.show && failures.length > 0) io.stdout.write(`\n${failures.join('\n')}\n`);
  if (values.ablation) {
    // The bot just scored, measured again with one part changed: the same index, synonyms and day.
    // The other passage modes' indexes are built in a folder of their own, removed after.
    const scratch = mkdtempSync(join(tmpdir(), 'policybot-ablation-'));
    let variants: Variant[];
    try {
      const seeds = options.seedsDir ?? config.POLICYBOT_SEEDS_DIR;
      variants = [...(await signalAblation(options, cases)), ...(await passageModes(seeds, scratch, options, cases))];
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
    io.stdout.write('\nwhat each part adds (accuracy on this set):\n');
    for (const v of variants)
      io.stdout.write(`  ${v.name.padEnd(20)} ${String(v.pass).padStart(3)}/${v.total}  ${pct(v.pass, v.total)}\n`);
  }
  return 0;
}
