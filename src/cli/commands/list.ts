import { figureOf } from '../../answer/figures.js';
import type { CliIo } from '../io.js';
import { INDEX_OPTIONS, openForCommand } from '../options.js';
import { parse } from '../flags.js';

/** `policybot clauses` and `policybot targets`: the clause store and the targets, as JSON arrays or readable lines. */
export async function clausesCommand(args: string[], io: CliIo): Promise<number> {
  const { values } = parse(args, INDEX_OPTIONS);
  const bot = await openForCommand(values, io);
  if (values.json) io.stdout.write(`${JSON.stringify(bot.clauses, null, 2)}\n`);
  else
    for (const c of bot.clauses)
      io.stdout.write(`${c.section}\t${c.path}\n\t责任单位：${c.units.join('、') || '（无）'}\n`);
  return 0;
}

export async function targetsCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parse(args, INDEX_OPTIONS);
  const bot = await openForCommand(values, io);
  const targets = bot.findTargets(positionals.join(' '));
  if (values.json) io.stdout.write(`${JSON.stringify(targets, null, 2)}\n`);
  else for (const t of targets) io.stdout.write(`${t.section}\t${t.subject}\t${figureOf(t)}\t${t.deadline}\n`);
  return 0;
}
