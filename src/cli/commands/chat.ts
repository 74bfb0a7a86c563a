import { createInterface } from 'node:readline/promises';
import { WriteStream } from 'node:tty';
import { type CliIo, isTerminal } from '../io.js';
import { INDEX_OPTIONS, openForCommand } from '../options.js';
import { parse } from '../flags.js';
import { formatAnswer } from './ask.js';

/** A terminal conversation: each question may follow up on the ones before ("谁负责", "那充电桩呢？"). */
export async function chatCommand(args: string[], io: CliIo): Promise<number> {
  const { values } = parse(args, INDEX_OPTIONS);
  const bot = await openForCommand(values, io);
  // Line editing needs a terminal at both ends; a pipe (or a test's input) is read a line at a time.
  const output = io.stdout instanceof WriteStream ? io.stdout : undefined;
  const rl = createInterface({ input: io.stdin, output, terminal: output !== undefined && isTerminal(io.stdin) });
  io.stdout.write(
    `已载入 ${bot.documents.map((d) => d.title).join('、')}（${bot.clauses.length} 条）。请输入问题，输入 exit 退出。\n`,
  );
  const thread: string[] = [];
  for await (const line of rl) {
    const question = line.trim();
    if (question === 'exit' || question === 'quit') break;
    if (question === '') continue;
    const answer = await bot.ask(question, { thread });
    io.stdout.write(`${formatAnswer(answer)}\n\n`);
    thread.push(question);
  }
  rl.close();
  return 0;
}
