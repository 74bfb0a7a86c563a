import { z } from 'zod';

/** The action ids our buttons carry; listeners match on these. */
export const ActionId = {
  ViewClause: 'view_clause',
  FeedbackUp: 'feedback_up',
  FeedbackDown: 'feedback_down',
  OpenAsk: 'open_ask',
  /** One button an option: Slack wants the ids in one block distinct, so each carries its option's number. */
  QuizAnswer: 'quiz_answer',
  QuizScores: 'quiz_scores',
} as const;

/** Matches every option button of a quiz question (`quiz_answer:0` … `quiz_answer:4`). */
export const QUIZ_ANSWER_PATTERN = /^quiz_answer:\d$/;

export const CallbackId = {
  AskModal: 'ask_modal',
  FeedbackReason: 'feedback_reason',
} as const;

/** The 👎 modal's inputs. */
export const ReasonInput = {
  reasonBlock: 'reason',
  reasonAction: 'reason_choice',
  noteBlock: 'note',
  noteAction: 'note_input',
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
  return decodeJson(ClauseRefSchema, value);
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

/** Which quiz, which question and which option a button stands for. */
const QuizChoiceSchema = z.object({
  quiz: z.string().min(1).max(64),
  question: z.number().int().min(0).max(99),
  option: z.number().int().min(0).max(4),
});
export type QuizChoice = z.infer<typeof QuizChoiceSchema>;

export function encodeQuizChoice(choice: QuizChoice): string {
  return JSON.stringify({ quiz: choice.quiz, question: choice.question, option: choice.option });
}

export function decodeQuizChoice(value: string | undefined): QuizChoice | undefined {
  return decodeJson(QuizChoiceSchema, value);
}

function decodeJson<T extends z.ZodType>(schema: T, value: string | undefined): z.infer<T> | undefined {
  if (value === undefined) return undefined;
  try {
    const parsed = schema.safeParse(JSON.parse(value));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
