import { PassageModeSchema } from '../../core/schema.js';
import { ingest } from '../../../ingest/run.js';
import { BaseConfigSchema, embedderSpec, readConfig } from '../../config.js';
import { createError } from '../../core/errors.js';
import type { CliIo } from '../io.js';
import { parse } from '../flags.js';

export async function ingestCommand(args: string[], io: CliIo): Promise<number> {
  const { values } = parse(args, {
    seeds: { type: 'string' },
    out: { type: 'string' },
    force: { type: 'boolean', default: false },
    passages: { type: 'string', default: 'clause' },
    json: { type: 'boolean', default: false },
  });
  const config = readConfig(BaseConfigSchema, io.env);
  const passageMode = PassageModeSchema.safeParse(values.passages);
  if (!passageMode.success)
    throw createError(
      'USAGE',
      `--passages must be one of ${PassageModeSchema.options.join(', ')}, not ${values.passages}`,
    );
  const started = Date.now();
  const result = await ingest({
    seedsDir: values.seeds ?? config.POLICYBOT_SEEDS_DIR,
    outDir: values.out ?? config.POLICYBOT_INDEX_DIR,
    embedder: embedderSpec(config),
    passageMode: passageMode.data,
    force: values.force,
    maxSeedBytes: config.POLICYBOT_MAX_SEED_BYTES,
  });
  for (const issue of result.issues) io.stderr.write(`${issue.level}: ${issue.message}\n`);
  if (values.json) {
    io.stdout.write(`${JSON.stringify({ status: result.status, ...result.manifest })}\n`);
  } else {
    const { counts } = result.manifest;
    const verb = result.status === 'built' ? `built in ${Date.now() - started} ms` : 'already up to date';
    io.stdout.write(
      `index ${values.out ?? config.POLICYBOT_INDEX_DIR}: ${verb}; ${counts.documents} documents, ${counts.clauses} clauses, ${counts.targets} targets, ${counts.passages} passages\n`,
    );
  }
  return result.issues.some((i) => i.level === 'error') ? 1 : 0;
}
