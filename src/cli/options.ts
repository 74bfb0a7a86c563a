import type { ParseArgsConfig } from 'node:util';
import { BaseConfigSchema, openOptions, readConfig } from '../config.js';
import type { PolicyBot } from '../bot.js';
import { openBot, type OpenOptions } from '../open.js';
import type { CliIo } from './io.js';

export const INDEX_OPTIONS = {
  index: { type: 'string' },
  seeds: { type: 'string' },
  json: { type: 'boolean', default: false },
} as const satisfies ParseArgsConfig['options'];

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
