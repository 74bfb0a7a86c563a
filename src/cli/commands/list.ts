import { figureOf } from '../../answer/figures.js';
import { INDEX_OPTIONS, openFromFlags, parse } from '../options.js';

/** `policybot clauses` and `policybot targets`: the clause store and the targets, as JSON arrays or readable lines. */
export async function clausesCommand(args: string[]): Promise<number> {
  const { values } = parse(args, INDEX_OPTIONS);
  const bot = await openFromFlags(values);
  if (values.json) process.stdout.write(`${JSON.stringify(bot.clauses, null, 2)}\n`);
  else
    for (const c of bot.clauses)
      process.stdout.write(`${c.section}\t${c.path}\n\t责任单位：${c.units.join('、') || '（无）'}\n`);
  return 0;
}

export async function targetsCommand(args: string[]): Promise<number> {
  const { values, positionals } = parse(args, INDEX_OPTIONS);
  const bot = await openFromFlags(values);
  const targets = bot.findTargets(positionals.join(' '));
  if (values.json) process.stdout.write(`${JSON.stringify(targets, null, 2)}\n`);
  else for (const t of targets) process.stdout.write(`${t.section}\t${t.subject}\t${figureOf(t)}\t${t.deadline}\n`);
  return 0;
}
