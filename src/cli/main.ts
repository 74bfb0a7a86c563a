import { PolicyBotError } from '../core/errors.js';

const USAGE = `policybot <command>

  ingest [--seeds DIR] [--out DIR] [--force] [--passages clause|window]
                         build the index from the seed policies (skipped when nothing changed)
  ask "问题" [--json] [--batch FILE|-]
                         answer a question; a batch file has a question a line, or JSON lines
                         {"question", "thread": [earlier questions]} for follow-ups
  chat                   try the bot in the terminal
  clauses [--json]       list the parsed clauses
  targets [关键词] [--json]
                         list the quantitative targets
  quiz [--part SECTION] [--count N] [--seed S] [--json]
                         a quiz from the policy, answered in the terminal (or printed as JSON)
  eval FILE.jsonl [--show] [--json] [--ablation]
                         score a question set
  serve                  run the Slack bot (needs .env, see README)
  report                 questions per day, answered and not found, most asked, unanswered,
                         downvoted with reasons, quiz results

  --index DIR reads another index; --seeds DIR builds it from other seeds.`;

type Command = (args: string[]) => Promise<number>;

// Imported when run, so `--help` or `ask` never loads Bolt, and `serve` never loads the eval code.
const COMMANDS: Record<string, () => Promise<Command>> = {
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

async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  const load = name ? COMMANDS[name] : undefined;
  if (!load) {
    process.stdout.write(`${USAGE}\n`);
    return name === undefined || name === 'help' || name === '--help' ? 0 : 2;
  }
  return (await load())(args);
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    // Expected failures (bad seeds, bad config, bad flags) are explained in one line; anything else is a bug.
    process.stderr.write(
      error instanceof PolicyBotError
        ? `policybot: ${error.message}\n`
        : `policybot: unexpected error: ${String((error as Error)?.stack ?? error)}\n`,
    );
    process.exitCode = error instanceof PolicyBotError ? 2 : 1;
  },
);
