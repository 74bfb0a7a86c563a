import { z } from 'zod';

/** The action ids our buttons carry; listeners match on these. */
export const ActionId = {
  ViewClause: 'view_clause',
  FeedbackUp: 'feedback_up',
  FeedbackDown: 'feedback_down',
  OpenAsk: 'open_ask',
} as const;

export const CallbackId = {
  AskModal: 'ask_modal',
} as const;

/** The ask modal's input, named so the submission handler can find the value. */
export const AskInput = { block: 'question', action: 'question_input' } as const;

const ClauseRefSchema = z.object({ doc: z.string().min(1), section: z.string().min(1) });
export type ClauseRef = z.infer<typeof ClauseRefSchema>;

export function encodeClauseRef(ref: ClauseRef): string {
  return JSON.stringify({ doc: ref.doc, section: ref.section });
}

/** Button values come back from Slack as untrusted strings: anything malformed is `undefined`, never a throw. */
export function decodeClauseRef(value: string | undefined): ClauseRef | undefined {
  if (value === undefined) return undefined;
  try {
    const parsed = ClauseRefSchema.safeParse(JSON.parse(value));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

// Fifteen digits stay within Number.MAX_SAFE_INTEGER.
const QuestionIdSchema = z
  .string()
  .regex(/^[1-9]\d{0,14}$/)
  .transform(Number);

export function encodeQuestionId(id: number): string {
  return String(id);
}

export function decodeQuestionId(value: string | undefined): number | undefined {
  const parsed = QuestionIdSchema.safeParse(value);
  return parsed.success ? parsed.data : undefined;
}
