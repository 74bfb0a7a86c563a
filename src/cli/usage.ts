/**
 * Each command's usage, written once: `policybot <command> --help` prints its own, `policybot --help` all of them.
 * `index`: the command reads the index, so --index and --seeds apply.
 */
const COMMANDS = {
  ingest: {
    synopsis: 'ingest [--seeds DIR] [--out DIR] [--force] [--passages clause|window] [--json]',
    summary: ['build the index from the seed policies (skipped when nothing changed)'],
    index: false,
  },
  ask: {
    synopsis: 'ask "问题" [--json] [--batch FILE|-]',
    summary: [
      'answer a question; a batch file has a question a line, or JSON lines',
      '{"question", "thread": [earlier questions]} for follow-ups',
    ],
    index: true,
  },
  chat: { synopsis: 'chat', summary: ['try the bot in the terminal'], index: true },
  clauses: { synopsis: 'clauses [--json]', summary: ['list the parsed clauses'], index: true },
  targets: { synopsis: 'targets [关键词] [--json]', summary: ['list the quantitative targets'], index: true },
  quiz: {
    synopsis: 'quiz [--part SECTION] [--count N] [--seed S] [--json]',
    summary: ['a quiz from the policy, answered in the terminal (or printed as JSON)'],
    index: true,
  },
  eval: {
    synopsis: 'eval FILE.jsonl [--show] [--json] [--ablation] [--compare]',
    summary: ['score a question set'],
    index: true,
  },
  serve: { synopsis: 'serve', summary: ['run the Slack bot (needs .env, see README)'], index: false },
  report: {
    synopsis: 'report',
    summary: [
      'questions per day, answered and not found, most asked, unanswered,',
      'downvoted with reasons, quiz results',
    ],
    index: false,
  },
} as const satisfies Record<string, { synopsis: string; summary: readonly string[]; index: boolean }>;

export type CommandName = keyof typeof COMMANDS;

const INDEX_NOTE = '--index DIR reads another index; --seeds DIR builds it from other seeds.';
/** Where the summaries start in the overall usage; a synopsis too long to leave a gap before it goes on its own line. */
const COLUMN = 25;
const indent = ' '.repeat(COLUMN);

export const USAGE = [
  'policybot <command>',
  '',
  ...Object.values(COMMANDS).flatMap(({ synopsis, summary: [first, ...rest] }) =>
    synopsis.length + 4 <= COLUMN
      ? [`  ${synopsis.padEnd(COLUMN - 2)}${first}`, ...rest.map((line) => indent + line)]
      : [`  ${synopsis}`, `${indent}${first}`, ...rest.map((line) => indent + line)],
  ),
  '',
  `  ${INDEX_NOTE}`,
].join('\n');

/** The one line a usage error shows. */
export function usageLine(name: CommandName): string {
  return `usage: policybot ${COMMANDS[name].synopsis}`;
}

/** What `policybot <command> --help` prints. */
export function commandHelp(name: CommandName): string {
  const { summary, index } = COMMANDS[name];
  return [usageLine(name), ...summary.map((line) => `  ${line}`), ...(index ? ['', INDEX_NOTE] : [])].join('\n');
}
