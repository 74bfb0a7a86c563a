import { randomUUID } from 'node:crypto';
import { createInterface } from 'node:readline/promises';
import type { PolicyBot } from '../../bot.js';
import { createError } from '../../core/errors.js';
import { DEFAULT_QUIZ_COUNT, generateQuiz, partExists } from '../../quiz/generate.js';
import type { QuizQuestion } from '../../quiz/types.js';
import { type CliIo, isTerminal } from '../io.js';
import { INDEX_OPTIONS, openForCommand } from '../options.js';
import { parse } from '../flags.js';

const QUIZ_OPTIONS = {
  ...INDEX_OPTIONS,
  part: { type: 'string' },
  count: { type: 'string' },
  seed: { type: 'string' },
} as const;

export const QUIZ_TEXT = {
  start: (count: number, seed: string) =>
    `政策测验：共 ${count} 道题，输入选项的序号作答（本套题的种子为 ${seed}，加 --seed ${seed} 可重做同一套）。`,
  empty: (part: string | undefined) => (part ? `“${part}”这一部分出不了题。` : '这份政策出不了题。'),
  heading: (index: number, total: number, question: string) => `第 ${index + 1}/${total} 题　${question}`,
  prompt: (options: number) => `请输入 1–${options}：`,
  invalid: (options: number) => `请输入 1 到 ${options} 之间的序号。`,
  right: '回答正确。',
  wrong: (index: number, option: string) => `回答错误。正确答案是 ${index + 1}. ${option}`,
  source: (where: string) => `依据：${where}`,
  ended: '（输入已结束，未答的题按答错计）',
  score: (right: number, total: number) => `得分：${right}/${total}`,
};

/**
 * `policybot quiz`: a quiz from the policy. `--json` prints it as the contract's array; otherwise it is asked one
 * question at a time, one answer a line from standard input (a terminal or a pipe), each marked at once.
 */
export async function quizCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parse(args, QUIZ_OPTIONS);
  if (positionals.length > 0)
    throw createError('USAGE', `quiz takes no arguments, got "${positionals.join(' ')}" (use --part and --count)`);
  const count = parseCount(values.count);
  const bot = await openForCommand(values, io);
  const part = values.part;
  if (part !== undefined && !partExists(bot, part))
    throw createError(
      'USAGE',
      `--part "${part}" names no section or heading of the policy; give a section number ("2", "2.1") or heading words ("智慧+民生")`,
    );
  // Without --seed every run is a new quiz; the seed is shown so a trainer can hand out the same one.
  const seed = values.seed ?? randomUUID().slice(0, 8);
  const questions = generateQuiz(bot, { part, count, seed });
  if (values.json) {
    io.stdout.write(`${JSON.stringify(questions.map(publicQuestion), null, 2)}\n`);
    return 0;
  }
  if (questions.length === 0) {
    io.stdout.write(`${QUIZ_TEXT.empty(part)}\n`);
    return 0;
  }
  io.stdout.write(`${QUIZ_TEXT.start(questions.length, seed)}\n`);
  await askAll(bot, questions, io);
  return 0;
}

function parseCount(flag: string | undefined): number {
  if (flag === undefined) return DEFAULT_QUIZ_COUNT;
  const count = Number(flag);
  if (!/^\d+$/.test(flag.trim()) || !Number.isSafeInteger(count) || count < 1)
    throw createError('USAGE', `--count must be a positive whole number, not "${flag}"`);
  return count;
}

/** The `quiz --json` object: exactly the contract's fields, in its order. */
export function publicQuestion(q: QuizQuestion): QuizQuestion {
  const { id, kind, question, options, answer, doc, section, quote } = q;
  return { id, kind, question, options, answer, doc, section, quote };
}

async function askAll(bot: PolicyBot, questions: readonly QuizQuestion[], io: CliIo): Promise<void> {
  const out = (line: string) => io.stdout.write(`${line}\n`);
  // Not a terminal readline: the terminal echoes what is typed, and a pipe's lines are echoed below instead.
  const rl = createInterface({ input: io.stdin, terminal: false });
  const lines = rl[Symbol.asyncIterator]();
  const echo = !isTerminal(io.stdin);
  let right = 0;
  try {
    for (const [index, q] of questions.entries()) {
      out(`\n${QUIZ_TEXT.heading(index, questions.length, q.question)}`);
      for (const [i, option] of q.options.entries()) out(`  ${i + 1}. ${option}`);
      const choice = await readChoice(q, lines, echo, io);
      if (choice === undefined) {
        out(`\n${QUIZ_TEXT.ended}`);
        break;
      }
      if (choice === q.answer) right++;
      out(choice === q.answer ? QUIZ_TEXT.right : QUIZ_TEXT.wrong(q.answer, q.options[q.answer]!));
      out(QUIZ_TEXT.source(sourceOf(bot, q)));
    }
  } finally {
    rl.close();
  }
  out(`\n${QUIZ_TEXT.score(right, questions.length)}`);
}

/** The chosen option's index: its number (full-width digits too) or its exact text; undefined when input ends. */
async function readChoice(
  q: QuizQuestion,
  lines: AsyncIterator<string>,
  echo: boolean,
  io: CliIo,
): Promise<number | undefined> {
  for (;;) {
    io.stdout.write(QUIZ_TEXT.prompt(q.options.length));
    const next = await lines.next();
    if (next.done) return undefined;
    const input = next.value.normalize('NFKC').trim();
    if (echo) io.stdout.write(`${input}\n`);
    const byText = q.options.indexOf(input);
    if (byText >= 0) return byText;
    const n = /^\d+$/.test(input) ? Number(input) : Number.NaN;
    if (n >= 1 && n <= q.options.length) return n - 1;
    io.stdout.write(`${QUIZ_TEXT.invalid(q.options.length)}\n`);
  }
}

/** Where the answer stands: the cited heading path and section, then the quote when it is not that path. */
function sourceOf(bot: PolicyBot, q: QuizQuestion): string {
  const path =
    bot.clause(q.doc, q.section)?.path ??
    bot.documents.find((d) => d.id === q.doc)?.outline.find((o) => o.section === q.section)?.path ??
    q.section;
  const where = `${path}（${q.section}）`;
  return q.quote === path ? where : `${where}\n  “${q.quote}”`;
}
