import { z } from 'zod';
import type { Answer } from '../../answer/types.js';
import { parseJsonLine, readInputLines, readStreamLines } from '../../core/input-lines.js';
import type { CliIo } from '../io.js';
import { INDEX_OPTIONS, openForCommand } from '../options.js';
import { parse } from '../flags.js';

/** A batch line: a plain question, or a follow-up with the conversation's earlier questions. */
const BatchLineSchema = z.object({ question: z.string(), thread: z.array(z.string()).default([]) });
type BatchLine = z.infer<typeof BatchLineSchema>;

export async function askCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parse(args, { ...INDEX_OPTIONS, batch: { type: 'string' } });
  const lines =
    values.batch !== undefined ? await readBatch(values.batch, io) : [{ question: positionals.join(' '), thread: [] }];
  const bot = await openForCommand(values, io);
  for (const { question, thread } of lines) {
    const answer = await bot.ask(question, { thread });
    io.stdout.write(values.json ? `${JSON.stringify(publicAnswer(answer))}\n` : `${formatAnswer(answer)}\n`);
  }
  return 0;
}

/**
 * One question a line; `-` reads standard input. A line that starts with `{` is JSON, `{"question": "…",
 * "thread": ["earlier question", …]}`, answered as a follow-up in that conversation. Blank lines are skipped.
 */
async function readBatch(file: string, io: CliIo): Promise<BatchLine[]> {
  const inputs = file === '-' ? await readStreamLines(io.stdin, 'batch') : readInputLines(file, 'batch');
  return inputs.map((input) =>
    input.line.startsWith('{')
      ? parseJsonLine(BatchLineSchema, 'batch', file, input)
      : { question: input.line, thread: [] },
  );
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
    ...(a.queries ? { queries: a.queries } : {}),
  };
}

export function formatAnswer(a: Answer): string {
  return `${a.answer}\n（${a.status === 'answered' ? `${a.citations.length} 条引用` : '未找到'}，${a.ms} ms）`;
}
