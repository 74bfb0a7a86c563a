import { createInterface } from 'node:readline/promises';
import { INDEX_OPTIONS, openFromFlags, parse } from '../options.js';
import { formatAnswer } from './ask.js';

/** A terminal conversation: each question may follow up on the one before ("那充电桩呢？"). */
export async function chatCommand(args: string[]): Promise<number> {
  const { values } = parse(args, INDEX_OPTIONS);
  const bot = await openFromFlags(values);
  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: process.stdin.isTTY });
  process.stdout.write(`已载入 ${bot.documents.map((d) => d.title).join('、')}（${bot.clauses.length} 条）。请输入问题，输入 exit 退出。\n`);
  let previous: string | undefined;
  for await (const line of rl) {
    const question = line.trim();
    if (question === 'exit' || question === 'quit') break;
    if (question === '') continue;
    const answer = await bot.ask(question, { previous });
    process.stdout.write(`${formatAnswer(answer)}\n\n`);
    if (answer.status === 'answered') previous = question;
  }
  rl.close();
  return 0;
}
