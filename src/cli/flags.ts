import { parseArgs, type ParseArgsConfig } from 'node:util';
import { createError } from '../core/errors.js';

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
