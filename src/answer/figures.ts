import type { Target } from '../core/schema.js';

// Comparators written before the figure ("不低于15%"); the others follow it ("30个以上").
const PRE_QUALIFIERS = new Set([
  '不低于',
  '不少于',
  '不高于',
  '不超过',
  '低于',
  '高于',
  '超过',
  '少于',
  '多于',
  '约',
  '力争',
]);

/** "10万个以上", "不低于15%": the figure with its qualifier, as the clause states it. */
export function figureOf(t: Target): string {
  return PRE_QUALIFIERS.has(t.qualifier) ? `${t.qualifier}${t.figure}` : `${t.figure}${t.qualifier}`;
}

/** "到2022年，10万个以上": the figure with its deadline and qualifier. */
export function statement(t: Target): string {
  return t.deadline ? `${t.deadline}，${figureOf(t)}` : figureOf(t);
}

/** How a qualifier bounds a figure: the least allowed, the most allowed, or the figure itself (左右, none). */
export type Bound = { kind: 'min' | 'max'; inclusive: boolean } | { kind: 'exact' };

export function boundOf(qualifier: string): Bound {
  if (['以上', '不低于', '不少于', '达到', '达'].includes(qualifier)) return { kind: 'min', inclusive: true };
  if (['高于', '超过', '多于', '多'].includes(qualifier)) return { kind: 'min', inclusive: false };
  if (['以下', '以内', '不高于', '不超过'].includes(qualifier)) return { kind: 'max', inclusive: true };
  if (['低于', '少于'].includes(qualifier)) return { kind: 'max', inclusive: false };
  return { kind: 'exact' };
}

/** Whether an amount meets a target read as a condition ("上架率达到60%以上的可申请扩建"). */
export function meets(amount: number, target: number, bound: Bound): boolean {
  if (bound.kind === 'min') return bound.inclusive ? amount >= target : amount > target;
  if (bound.kind === 'max') return bound.inclusive ? amount <= target : amount < target;
  return amount === target;
}
