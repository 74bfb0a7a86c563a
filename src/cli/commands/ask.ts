import { readFileSync } from 'node:fs';
import type { Answer } from '../../answer/types.js';
import { INDEX_OPTIONS, openFromFlags, parse } from '../options.js';

export async function askCommand(args: string[]): Promise<number> {
  const { values, positionals } = parse(args, { ...INDEX_OPTIONS, batch: { type: 'string' } });
  const questions = values.batch !== undefined ? readBatch(values.batch) : [positionals.join(' ')];
  const bot = await openFromFlags(values);
  for (const question of questions) {
    const answer = await bot.ask(question);
    process.stdout.write(values.json ? `${JSON.stringify(publicAnswer(answer))}\n` : `${formatAnswer(answer)}\n`);
  }
  return 0;
}

/** One question a line; `-` reads standard input. Blank lines are skipped, not answered. */
function readBatch(file: string): string[] {
  return readFileSync(file === '-' ? 0 : file, 'utf8').split('\n').map((l) => l.trim()).filter(Boolean);
}

/** The stable `ask --json` object: the contract's fields first, extensions after. */
export function publicAnswer(a: Answer) {
  return { question: a.question, status: a.status, answer: a.answer, citations: a.citations, ms: a.ms, intent: a.intent, suggestions: a.suggestions, lead: a.lead };
}

export function formatAnswer(a: Answer): string {
  return `${a.answer}\n（${a.status === 'answered' ? `${a.citations.length} 条引用` : '未找到'}，${a.ms} ms）`;
}
