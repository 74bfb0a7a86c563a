import { z } from 'zod';

/** What a quiz question tests: a figure, who is responsible, what a part covers, or what is due first. */
export const QuizKindSchema = z.enum(['target', 'unit', 'outline', 'deadline']);
export type QuizKind = z.infer<typeof QuizKindSchema>;

/**
 * One question of a quiz, as `policybot quiz --json` prints it (a public contract: extend, never rename). Built from
 * the clause it tests and citing it; exactly one option is supported by the text.
 */
export const QuizQuestionSchema = z
  .object({
    /** Stable for the same corpus and question: kind, document, section and what is asked. */
    id: z.string().min(1),
    kind: QuizKindSchema,
    question: z.string().min(1),
    options: z.array(z.string().min(1)).min(3).max(5),
    /** Index into `options` of the right one. */
    answer: z.number().int().min(0),
    doc: z.string(),
    section: z.string(),
    /** The verbatim sentence of the clause that proves the answer. */
    quote: z.string().min(1),
  })
  .refine((q) => q.answer < q.options.length, { message: 'answer must index an option', path: ['answer'] })
  .refine((q) => new Set(q.options).size === q.options.length, {
    message: 'options must be distinct',
    path: ['options'],
  });
export type QuizQuestion = z.infer<typeof QuizQuestionSchema>;

export interface QuizOptions {
  /** Only questions from this part of the policy: a section path ("2", "2.1") or a heading's words ("智慧+民生"). */
  part?: string;
  /** How many questions (default 5); fewer when the part cannot make that many. */
  count?: number;
  /** The same seed gives the same quiz; a different seed a different one. */
  seed?: string;
}
