import { PolicyBotError } from '../core/errors.js';
import type { CliIo } from './io.js';
import { type CommandName, commandHelp, USAGE } from './usage.js';

type Command = (args: string[], io: CliIo) => Promise<number>;

// Imported when run, so `--help` or `ask` never loads Bolt, and `serve` never loads the eval code.
const COMMANDS: Record<CommandName, () => Promise<Command>> = {
  ingest: async () => (await import('./commands/ingest.js')).ingestCommand,
  ask: async () => (await import('./commands/ask.js')).askCommand,
  chat: async () => (await import('./commands/chat.js')).chatCommand,
  clauses: async () => (await import('./commands/list.js')).clausesCommand,
  targets: async () => (await import('./commands/list.js')).targetsCommand,
  quiz: async () => (await import('./commands/quiz.js')).quizCommand,
  eval: async () => (await import('./commands/eval.js')).evalCommand,
  serve: async () => (await import('./commands/slack.js')).serveCommand,
  report: async () => (await import('./commands/slack.js')).reportCommand,
};

/**
 * Runs `policybot` with these arguments and returns its exit code: 0, 2 for an expected failure (bad seeds,
 * config or flags, explained in one line), 1 for anything else, a bug, with its stack. Never throws.
 */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  try {
    return await dispatch(argv, io);
  } catch (error) {
    if (error instanceof PolicyBotError) {
      io.stderr.write(`policybot: ${error.message}\n`);
      return 2;
    }
    io.stderr.write(`policybot: unexpected error: ${String((error as Error)?.stack ?? error)}\n`);
    return 1;
  }
}

async function dispatch(argv: string[], io: CliIo): Promise<number> {
  const [name, ...args] = argv;
  if (!isCommand(name)) {
    io.stdout.write(`${USAGE}\n`);
    return name === undefined || name === 'help' || name === '--help' ? 0 : 2;
  }
  if (asksForHelp(args)) {
    io.stdout.write(`${commandHelp(name)}\n`);
    return 0;
  }
  return (await COMMANDS[name]())(args, io);
}

function isCommand(name: string | undefined): name is CommandName {
  return name !== undefined && Object.hasOwn(COMMANDS, name);
}

/** `--help` or `-h` among the flags; after `--` they are arguments. */
function asksForHelp(args: string[]): boolean {
  const end = args.indexOf('--');
  return (end === -1 ? args : args.slice(0, end)).some((arg) => arg === '--help' || arg === '-h');
}
