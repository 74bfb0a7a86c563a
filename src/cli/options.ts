import { parseArgs, type ParseArgsConfig } from 'node:util';
import { BaseConfigSchema, openOptions, readConfig } from '../config.js';
import type { PolicyBot } from '../bot.js';
import { createError } from '../core/errors.js';
import { openBot, type OpenOptions } from '../open.js';

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

/** Opens the bot for a command, with the configuration and the command's flags. */
export async function openFromFlags(
  flags: { index?: string; seeds?: string },
  options: OpenOptions = openOptions(readConfig(BaseConfigSchema), flags),
): Promise<PolicyBot> {
  return openBot({
    ...options,
    onIssues: (issues) => {
      for (const i of issues) process.stderr.write(`${i.level}: ${i.message}\n`);
    },
  });
}
