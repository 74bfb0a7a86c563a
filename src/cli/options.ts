import { parseArgs, type ParseArgsConfig } from 'node:util';
import { BaseConfigSchema, openOptions, readConfig } from '../config.js';
import type { PolicyBot } from '../bot.js';
import { createError } from '../core/errors.js';
import { openBot, type OpenOptions } from '../open.js';
import type { CliIo } from './io.js';

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

/** A command that takes no flags or arguments: anything given is a usage error, not silently ignored. */
export function parseNothing(command: string, args: string[]): void {
  const { positionals } = parse(args, {});
  if (positionals.length > 0) throw createError('USAGE', `${command} takes no arguments, not ${positionals.join(' ')}`);
}

/** Opens the bot for a command, with the configuration from its environment and the command's flags. */
export function openForCommand(flags: { index?: string; seeds?: string }, io: CliIo): Promise<PolicyBot> {
  return openFromFlags(openOptions(readConfig(BaseConfigSchema, io.env), flags), io.stderr);
}

/** Opens the bot with these options (the flags already in them); ingest problems and the model's failures go to `stderr`. */
export async function openFromFlags(options: OpenOptions, stderr: CliIo['stderr']): Promise<PolicyBot> {
  return openBot({
    ...options,
    onIssues: (issues) => {
      for (const i of issues) stderr.write(`${i.level}: ${i.message}\n`);
    },
    llmLog: (line) => stderr.write(`policybot model: ${line}\n`),
  });
}
