import { z } from 'zod';
import type { Answer } from '../answer/types.js';
import { parseJsonLine, readInputLines } from '../core/input-lines.js';

/** One line of an evaluation set, as `../shared/eval/README.md` defines it. */
export const EvalCaseSchema = z.object({
  id: z.string(),
  kind: z.string(),
  q: z.string(),
  /** Earlier questions of the conversation, oldest first: `q` is a follow-up. */
  thread: z.array(z.string()).optional(),
  sections: z.array(z.string()).optional(),
  must: z.array(z.string()).optional(),
  /** Groups of alternatives: one string of each group must stand up front. */
  must_any: z.array(z.array(z.string()).min(1)).optional(),
  must_not: z.array(z.string()).optional(),
  /** `must` and `must_any` are looked for in the answer's `lead` instead of its first 150 characters. */
  in_lead: z.boolean().optional(),
  units: z.array(z.string()).optional(),
  all_sections: z.array(z.string()).optional(),
  top3: z.array(z.string()).optional(),
  prefix: z.string().optional(),
  /** The answer may be `answered` or `not_found`; what it must not say is in `must_not`. */
  any_status: z.boolean().optional(),
});
export type EvalCase = z.infer<typeof EvalCaseSchema>;

/** A question set: one case a line, an error naming the file, line and field of any that is malformed. */
export function readCases(file: string): EvalCase[] {
  return readInputLines(file, 'question set').map((input) =>
    parseJsonLine(EvalCaseSchema, 'question set', file, input),
  );
}

const LEAD_CHARS = 150;
const squash = (s: string) => s.replace(/\s+/g, '');

/** The reasons an answer fails its case; empty when it passes. */
export function judge(c: EvalCase, a: Answer): string[] {
  const failures = (c.must_not ?? []).filter((m) => a.answer.includes(m)).map((m) => `states "${m}"`);
  if (c.kind === 'oos') {
    if (a.status !== 'not_found' || a.citations.length > 0)
      failures.push(`expected not_found with no citations, got ${a.status} citing ${sections(a)}`);
    return failures;
  }
  if (a.status !== 'answered') {
    if (!c.any_status) failures.push('expected an answer, got not_found');
    return failures;
  }
  const first = a.citations[0];
  if (c.sections && !c.sections.includes(first?.section ?? ''))
    failures.push(`first citation ${first?.section ?? 'none'} not in ${c.sections.join(',')}`);
  const front = c.in_lead ? squash(a.lead) : squash(a.answer).slice(0, LEAD_CHARS);
  const where = c.in_lead ? 'the lead' : `the first ${LEAD_CHARS} characters`;
  for (const m of c.must ?? []) if (!front.includes(squash(m))) failures.push(`"${m}" not within ${where}`);
  for (const group of c.must_any ?? []) {
    if (!group.some((m) => front.includes(squash(m)))) failures.push(`none of "${group.join('", "')}" within ${where}`);
  }
  if (c.units) {
    if (JSON.stringify(first?.units ?? []) !== JSON.stringify(c.units))
      failures.push(`units ${JSON.stringify(first?.units ?? [])} != ${JSON.stringify(c.units)}`);
    for (const u of c.units) if (!a.answer.includes(u)) failures.push(`answer does not name ${u}`);
  }
  if (c.all_sections) {
    const got = new Set(a.citations.map((x) => x.section));
    const want = new Set(c.all_sections);
    if (got.size !== want.size || [...want].some((s) => !got.has(s)))
      failures.push(`citations ${sections(a)} != ${c.all_sections.join(',')}`);
  }
  if (c.top3 && !a.citations.slice(0, 3).some((x) => c.top3!.includes(x.section)))
    failures.push(`none of ${c.top3.join(',')} in the first three citations (${sections(a)})`);
  if (c.prefix !== undefined) {
    const outside = a.citations.filter((x) => x.section !== c.prefix && !x.section.startsWith(`${c.prefix}.`));
    if (outside.length > 0 || a.citations.length === 0) failures.push(`citations outside ${c.prefix}: ${sections(a)}`);
  }
  return failures;
}

function sections(a: Answer): string {
  return a.citations.map((x) => x.section).join(',') || 'none';
}

export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((x, y) => x - y);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}
