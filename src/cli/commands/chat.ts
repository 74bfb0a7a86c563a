import { createInterface } from 'node:readline/promises';
import { INDEX_OPTIONS, openFromFlags, parse } from '../options.js';
import { formatAnswer } from './ask.js';

/** A terminal conversation: each question may follow up on the ones before ("谁负责", "那充电桩呢？"). */
export async function chatCommand(args: string[]): Promise<number> {
  const { values } = parse(args, INDEX_OPTIONS);
  const bot = await openFromFlags(values);
  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: process.stdin.isTTY });
  process.stdout.write(
    `已载入 ${bot.documents.map((d) => d.title).join('、')}（${bot.clauses.length} 条）。请输入问题，输入 exit 退出。\n`,
  );
  const thread: string[] = [];
  for await (const line of rl) {
    const question = line.trim();
    if (question === 'exit' || question === 'quit') break;
    if (question === '') continue;
    const answer = await bot.ask(question, { thread });
    process.stdout.write(`${formatAnswer(answer)}\n\n`);
    thread.push(question);
  }
  rl.close();
  return 0;
}
