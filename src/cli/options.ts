import { parseArgs, type ParseArgsConfig } from 'node:util';
import { BaseConfigSchema, loadDotEnv, parseConfig, type BaseConfig } from '../config.js';
import type { EmbedderSpec } from '../core/embedders.js';
import type { PolicyBot } from '../bot.js';
import { createError } from '../core/errors.js';
import { openBot } from '../open.js';

export const INDEX_OPTIONS = {
  index: { type: 'string' },
  seeds: { type: 'string' },
  json: { type: 'boolean', default: false },
} as const satisfies ParseArgsConfig['options'];

/** Parses a subcommand's flags; an unknown flag is a usage error, not a stack trace. */
export function parse<O extends NonNullable<ParseArgsConfig['options']>>(args: string[], options: O) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (error) {
    throw createError('USAGE', (error as Error).message);
  }
}

export function baseConfig(): BaseConfig {
  loadDotEnv();
  return parseConfig(BaseConfigSchema);
}

export function embedderSpec(config: BaseConfig): EmbedderSpec {
  return {
    provider: config.EMBEDDINGS_PROVIDER,
    baseUrl: config.EMBEDDINGS_BASE_URL,
    apiKey: config.EMBEDDINGS_API_KEY,
    model: config.EMBEDDINGS_MODEL,
  };
}

/**
 * Opens the bot for a command. The default index is built from the seeds on first use; an index named with
 * --index is read as it is, unless --seeds is given too.
 */
export async function openFromFlags(flags: { index?: string; seeds?: string }): Promise<PolicyBot> {
  const config = baseConfig();
  return openBot({
    indexDir: flags.index ?? config.POLICYBOT_INDEX_DIR,
    seedsDir: flags.seeds ?? (flags.index ? null : config.POLICYBOT_SEEDS_DIR),
    embedder: embedderSpec(config),
    synonymsFile: config.POLICYBOT_SYNONYMS,
    today: config.POLICYBOT_TODAY,
    onIssues: (issues) => issues.forEach((i) => process.stderr.write(`${i.level}: ${i.message}\n`)),
  });
}
