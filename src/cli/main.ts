import { PolicyBotError } from '../core/errors.js';
import { askCommand } from './commands/ask.js';
import { chatCommand } from './commands/chat.js';
import { evalCommand } from './commands/eval.js';
import { ingestCommand } from './commands/ingest.js';
import { clausesCommand, targetsCommand } from './commands/list.js';
import { reportCommand, serveCommand } from './commands/slack.js';

const USAGE = `policybot <command>

  ingest [--seeds DIR] [--out DIR] [--force] [--passages clause|window]
                         build the index from the seed policies (skipped when nothing changed)
  ask "问题" [--json] [--batch FILE|-]
                         answer a question (or one question a line)
  chat                   try the bot in the terminal
  clauses [--json]       list the parsed clauses
  targets [关键词] [--json]
                         list the quantitative targets
  eval FILE.jsonl [--show]
                         score a question set
  serve                  run the Slack bot (needs .env, see README)
  report                 most asked, unanswered and downvoted questions

  --index DIR reads another index; --seeds DIR builds it from other seeds.`;

const COMMANDS: Record<string, (args: string[]) => Promise<number>> = {
  ingest: ingestCommand,
  ask: askCommand,
  chat: chatCommand,
  clauses: clausesCommand,
  targets: targetsCommand,
  eval: evalCommand,
  serve: serveCommand,
  report: reportCommand,
};

async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  const command = name ? COMMANDS[name] : undefined;
  if (!command) {
    process.stdout.write(`${USAGE}\n`);
    return name === undefined || name === 'help' || name === '--help' ? 0 : 2;
  }
  return command(args);
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    // Expected failures (bad seeds, bad config, bad flags) are explained in one line; anything else is a bug.
    process.stderr.write(error instanceof PolicyBotError ? `policybot: ${error.message}\n` : `policybot: unexpected error: ${String((error as Error)?.stack ?? error)}\n`);
    process.exitCode = error instanceof PolicyBotError ? 2 : 1;
  },
);
