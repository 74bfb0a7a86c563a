import { readFileSync } from 'node:fs';
import { z } from 'zod';
import type { Answer } from '../../answer/types.js';
import { createError } from '../../core/errors.js';
import { INDEX_OPTIONS, openFromFlags, parse } from '../options.js';

/** A batch line: a plain question, or a follow-up with the conversation's earlier questions. */
const BatchLineSchema = z.object({ question: z.string(), thread: z.array(z.string()).default([]) });
type BatchLine = z.infer<typeof BatchLineSchema>;

export async function askCommand(args: string[]): Promise<number> {
  const { values, positionals } = parse(args, { ...INDEX_OPTIONS, batch: { type: 'string' } });
  const lines =
    values.batch !== undefined ? readBatch(values.batch) : [{ question: positionals.join(' '), thread: [] }];
  const bot = await openFromFlags(values);
  for (const { question, thread } of lines) {
    const answer = await bot.ask(question, { thread });
    process.stdout.write(values.json ? `${JSON.stringify(publicAnswer(answer))}\n` : `${formatAnswer(answer)}\n`);
  }
  return 0;
}

/**
 * One question a line; `-` reads standard input. A line that starts with `{` is JSON, `{"question": "…",
 * "thread": ["earlier question", …]}`, answered as a follow-up in that conversation. Blank lines are skipped.
 */
function readBatch(file: string): BatchLine[] {
  let text: string;
  try {
    text = readFileSync(file === '-' ? 0 : file, 'utf8');
  } catch (error) {
    throw createError(
      'INPUT_UNREADABLE',
      'batch',
      file,
      (error as NodeJS.ErrnoException).code ?? (error as Error).message,
    );
  }
  return text
    .split('\n')
    .map((line, i) => ({ line: line.trim(), n: i + 1 }))
    .filter(({ line }) => line.length > 0)
    .map(({ line, n }) => (line.startsWith('{') ? parseLine(file, line, n) : { question: line, thread: [] }));
}

function parseLine(file: string, line: string, n: number): BatchLine {
  let raw: unknown;
  try {
    raw = JSON.parse(line);
  } catch {
    throw createError('INPUT_INVALID', 'batch', file, n, 'not JSON');
  }
  const parsed = BatchLineSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw createError('INPUT_INVALID', 'batch', file, n, `${issue.path.join('.') || '(line)'} ${issue.message}`);
  }
  return parsed.data;
}

/** The stable `ask --json` object: the contract's fields first, extensions after. */
export function publicAnswer(a: Answer) {
  return {
    question: a.question,
    status: a.status,
    answer: a.answer,
    citations: a.citations,
    ms: a.ms,
    intent: a.intent,
    suggestions: a.suggestions,
    lead: a.lead,
    query: a.query,
  };
}

export function formatAnswer(a: Answer): string {
  return `${a.answer}\n（${a.status === 'answered' ? `${a.citations.length} 条引用` : '未找到'}，${a.ms} ms）`;
}
