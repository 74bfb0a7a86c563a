import { z } from 'zod';

/**
 * What a question asks for. Each kind has one executor; the answer's `intent` names it.
 * - value: a figure (多少, 目标); units: who is responsible; lead: which unit is listed first (牵头)
 * - duties: every clause a unit is responsible for; lead_duties: every clause that lists it first
 * - list / count: the parts of a part of the policy, or how many there are
 * - when / where: a deadline, the places
 * - verify: a yes/no check of a claimed figure, unit, year, place or mention against the text
 * - compare: which of two figures is larger, or their difference
 * - document: a fact about the document itself (title, period, issuer, 文号, date, parts, goals, status)
 * - enterprise: every clause that concerns an enterprise describing itself
 * - place: what the policy says of a city: the clauses that name it, and those all city governments share
 * - more: "还有呢", the rest of what the conversation's last answer left out
 * - summary: what the policy says about a subject
 */
export const AskSchema = z.enum([
  'value',
  'units',
  'lead',
  'duties',
  'lead_duties',
  'list',
  'count',
  'when',
  'where',
  'verify',
  'compare',
  'document',
  'enterprise',
  'place',
  'more',
  'summary',
]);
export type Ask = z.infer<typeof AskSchema>;

/** The kinds answered one subject at a time: a question with several subjects gets an answer for each. */
export const SUBJECT_ASKS = [
  'value',
  'units',
  'lead',
  'when',
  'where',
  'summary',
  'verify',
] as const satisfies readonly Ask[];
export type SubjectAsk = (typeof SUBJECT_ASKS)[number];
export const isSubjectAsk = (ask: Ask): ask is SubjectAsk => (SUBJECT_ASKS as readonly Ask[]).includes(ask);

export const DocumentAspectSchema = z.enum([
  'title',
  'period',
  'issuer',
  'number',
  'issued',
  'status',
  'parts',
  'goals',
  'preamble',
]);
export type DocumentAspect = z.infer<typeof DocumentAspectSchema>;

/** A figure as a question states it: "50座", "55%", "11万个". `amount` is the value with its magnitude applied. */
export const QuantitySchema = z.object({
  raw: z.string(),
  value: z.number(),
  amount: z.number(),
  /** Measure word without magnitude ("座", "个", "%"), or "". */
  measure: z.string(),
});
export type Quantity = z.infer<typeof QuantitySchema>;

/** What a yes/no question claims, to be checked against the text. */
export const ClaimSchema = z.object({
  /** "是X", "达到X": a figure claimed as the target, or (with `condition`) the asker's own figure. */
  quantities: z.array(QuantitySchema),
  /** The asker's own situation checked against a threshold ("上架率只有55%，可以申请扩建吗"). */
  condition: z.boolean(),
  units: z.array(z.string()),
  years: z.array(z.number().int()),
  places: z.array(z.string()),
});
export type Claim = z.infer<typeof ClaimSchema>;

/** One replacement made in a question: the span as typed and the corpus term it became. */
export const CorrectionSchema = z.object({ from: z.string(), to: z.string() });
export type Correction = z.infer<typeof CorrectionSchema>;

/** An enterprise describing itself: what it does, and where. */
const AskerSchema = z.object({ business: z.string(), city: z.string().nullable() });
export type Asker = z.infer<typeof AskerSchema>;

/** What a conversation has established so far: what a follow-up may leave unsaid. */
export const ConversationStateSchema = z.object({
  ask: AskSchema,
  subjects: z.array(z.string()),
  unit: z.string().nullable(),
  /** Clauses the last answer cited, as `doc#section`, best first. */
  clauses: z.array(z.string()),
  /** The items of the last list answer (outline parts as `doc#section`), for "第一类". */
  list: z.array(z.string()),
  /** The list the last question picked an item of ("第一项…"), for "第三项呢". */
  siblings: z.array(z.string()),
  /** What the last answer quoted, so "还有呢" shows the rest. */
  quoted: z.array(z.string()),
  asker: AskerSchema.nullable(),
});
export type ConversationState = z.infer<typeof ConversationStateSchema>;

/** A question read into a value: every later stage reads this, never the raw text. Shown in `ask --json` as `query`. */
export const QuerySchema = z.object({
  /** Normalised Chinese text (an English question translated), synonyms applied, typos corrected. */
  text: z.string(),
  language: z.enum(['zh', 'en']),
  ask: AskSchema,
  /** What is asked about, one entry per part of a several-part question; [] when the question names no subject. */
  subjects: z.array(z.string()),
  /** 责任单位 the question names, as the corpus spells them, in the question's order. */
  units: z.array(z.string()),
  /** An outline part the question names, as `doc#section`. */
  part: z.string().nullable(),
  places: z.array(z.string()),
  /** Year phrases as written: "2020年底前", "2022年". */
  years: z.array(z.string()),
  claim: ClaimSchema.nullable(),
  comparison: z.enum(['larger', 'smaller', 'difference']).nullable(),
  /** What a question about the document itself asks: one or more of its facts. */
  aspects: z.array(DocumentAspectSchema),
  /** 1-based position in the conversation's last list ("第一类"). */
  ordinal: z.number().int().positive().nullable(),
  asker: AskerSchema.nullable(),
  corrections: z.array(CorrectionSchema),
  /** Words of the question the corpus never uses: with none corrected, the policy has no evidence to answer from. */
  unknown: z.array(z.string()),
  /** Words of an enterprise's self-description the corpus never uses, left out because the rest names it well. */
  ignored: z.array(z.string()),
  /** The questions of a message that asks several different things ("是多少千伏，牵头部门是哪个"), in order; else []. */
  questions: z.array(z.string()),
  /** The conversation this question continues, when it leaves something unsaid. */
  continues: ConversationStateSchema.nullable(),
});
export type Query = z.infer<typeof QuerySchema>;
