import { z } from 'zod';
import { ERROR_CODES, messageOf, type ErrorCode } from './errors.js';

/** Bump when the shape of any file in the data directory changes: an older index is then rebuilt, never half-read. */
export const SCHEMA_VERSION = 3;

/** A leaf of a policy's hierarchy (or a node with its own body text): the unit every answer cites. */
export const ClauseSchema = z.object({
  /** Document id: the seed file name without extension. */
  doc: z.string(),
  /** Document title, so a clause is never read out of its context. */
  title: z.string(),
  /** Dotted numbers of the hierarchy: 二、（二）1. → "2.2.1". */
  section: z.string(),
  /** Headings from the root, joined by " › ", each with its marker: "二、重点行动 › （二）融合基础设施升级行动 › 1.科学配置充电桩和加氢站". */
  path: z.string(),
  /** The marker as written: "1.", "（三）", "第十二条" (a seed without markers is skipped, not cut into paragraphs). */
  marker: z.string(),
  /** The clause's own title without its marker; "" when it has none (many 第X条 articles). */
  heading: z.string(),
  /** The clause body (repaired text) without the 责任单位 parenthetical. */
  text: z.string(),
  /** 责任单位 in the order the clause gives them. */
  units: z.array(z.string()),
  /** 1-based lines of the seed file this clause spans, for "查看原文" and error messages. */
  lines: z.tuple([z.number().int(), z.number().int()]),
});
export type Clause = z.infer<typeof ClauseSchema>;

export const TargetSchema = z.object({
  doc: z.string(),
  section: z.string(),
  /** What is counted, e.g. "加氢站", "5G基站". */
  subject: z.string(),
  value: z.number(),
  /** Measure word with its magnitude, e.g. "座", "万个", "%", "亿元"; "" for a bare ratio such as PUE 1.25. */
  unit: z.string(),
  /** Comparison as written: "以上", "不低于", "左右", "超过", … or "". */
  qualifier: z.string(),
  /** Year the target is due, from "到2022年" or "2020年底前"; null when the sentence gives none. */
  year: z.number().int().nullable(),
  /** The deadline phrase as written ("到2022年", "2020年底前"), or "". */
  deadline: z.string(),
  /** The figure as written in the text, e.g. "11.2万个", "1—2个". */
  figure: z.string(),
  /** The verbatim sentence the target comes from. */
  quote: z.string(),
});
export type Target = z.infer<typeof TargetSchema>;

/** One change the repair stage made to a source: logged so no text is altered silently. */
export const RepairSchema = z.object({
  kind: z.enum(['page-break-join', 'unit-paragraph-join', 'stray-latin', 'fullwidth']),
  line: z.number().int(),
  before: z.string(),
  after: z.string(),
});
export type Repair = z.infer<typeof RepairSchema>;

export const IssueSchema = z.object({
  level: z.enum(['warning', 'error']),
  file: z.string(),
  line: z.number().int().nullable(),
  code: z.enum(ERROR_CODES),
  message: z.string(),
});
export type IngestIssue = z.infer<typeof IssueSchema>;

/** An ingest problem of a file, its message from the error catalogue. */
export function createIssue<C extends ErrorCode>(
  level: IngestIssue['level'],
  file: string,
  line: number | null,
  code: C,
  ...args: Parameters<typeof messageOf<C>> extends [C, ...infer A] ? A : never
): IngestIssue {
  return { level, file, line, code, message: (messageOf as (c: C, ...a: typeof args) => string)(code, ...args) };
}

/** A heading that has children: kept so the outline can be shown and no heading text is lost. */
export const OutlineNodeSchema = z.object({
  section: z.string(),
  marker: z.string(),
  heading: z.string(),
  path: z.string(),
  line: z.number().int(),
});
export type OutlineNode = z.infer<typeof OutlineNodeSchema>;

const NOT_A_YEAR = { error: 'must be a year such as 2020' };
const YearSchema = z.number(NOT_A_YEAR).int(NOT_A_YEAR).min(1000, NOT_A_YEAR).max(9999, NOT_A_YEAR);
/** Years a plan covers, both included: "（2020-2022年）" → 2020–2022. */
export const PeriodSchema = z
  .strictObject({ start: YearSchema, end: YearSchema }, { error: 'must be { "start": year, "end": year }' })
  .refine((p) => p.start <= p.end, { error: 'must not be after the end year', path: ['start'] });
export type Period = z.infer<typeof PeriodSchema>;

/** A calendar date written YYYY-MM-DD. */
export const IsoDateSchema = z.iso.date({ error: 'must be a real date written YYYY-MM-DD' });

export const FACT_NAMES = ['title', 'period', 'number', 'issuer', 'issued'] as const;
export const FactSourceSchema = z.enum(['text', 'metadata']);

/** What a document says about itself, so questions about the document (its 文号, its period) have an answer. */
export const DocumentFactsSchema = z.object({
  /** The policy's full title: its title line, else the name in its 印发 notice, else the document id. */
  title: z.string(),
  /**
   * From the title ("（2020-2022年）", "2021至2025年", "“十四五”") or the metadata file; null when neither gives it.
   * Whether it has ended depends on the day the question is asked, so it is not stored: compare `end` then.
   */
  period: PeriodSchema.nullable(),
  /** 文号, brackets normalised to 〔〕: "鲁政字〔2020〕228号". */
  number: z.string().nullable(),
  /** Issuing body: "山东省人民政府". */
  issuer: z.string().nullable(),
  /** Issue date, YYYY-MM-DD. */
  issued: IsoDateSchema.nullable(),
  /** Where each fact that is known came from; a fact absent here is unknown (or, for the title, the document id). */
  sources: z.partialRecord(z.enum(FACT_NAMES), FactSourceSchema),
});
export type DocumentFacts = z.infer<typeof DocumentFactsSchema>;

/** A source line kept as written, with its 1-based line number. */
export const SourceLineSchema = z.object({ line: z.number().int(), text: z.string() });
export type SourceLine = z.infer<typeof SourceLineSchema>;

export const DocumentMetaSchema = z.object({
  id: z.string(),
  file: z.string(),
  /** The title clauses are cited under: `facts.title`. */
  title: z.string(),
  encoding: z.string(),
  sha256: z.string(),
  /**
   * The lines before the policy's text, as written: a notice that issues it (发文机关, 关于印发…的通知, 文号, its
   * text, signature and date), the title line, and lines under the title giving its 文号, issuer or date.
   */
  header: z.array(SourceLineSchema),
  facts: DocumentFactsSchema,
  /** Text between the header and the first section marker. */
  preamble: z.string(),
  /** Closing lines that belong to no clause: 抄送, 印发. */
  footer: z.array(z.string()),
  outline: z.array(OutlineNodeSchema),
  repairs: z.array(RepairSchema),
});
export type DocumentMeta = z.infer<typeof DocumentMetaSchema>;

/** What is embedded and searched: a clause, or a window of sentences of a long clause. */
export const PassageSchema = z.object({
  id: z.number().int(),
  doc: z.string(),
  section: z.string(),
  /** Embedded and searched text: title and path first, then the body; its search terms are in bm25.bin. */
  text: z.string(),
});
export type Passage = z.infer<typeof PassageSchema>;

export const PassageModeSchema = z.enum(['clause', 'window']);
export type PassageMode = z.infer<typeof PassageModeSchema>;

export const ManifestSchema = z.object({
  schemaVersion: z.literal(SCHEMA_VERSION),
  createdAt: z.string(),
  /** Every file read: the seeds and their metadata files, so editing either rebuilds the index. */
  sources: z.array(z.object({ file: z.string(), sha256: z.string(), bytes: z.number().int() })),
  embedder: z.object({ id: z.string(), dimensions: z.number().int().positive() }),
  metric: z.literal('cosine'),
  passageMode: PassageModeSchema,
  counts: z.object({
    documents: z.number().int(),
    clauses: z.number().int(),
    targets: z.number().int(),
    passages: z.number().int(),
  }),
  issues: z.array(IssueSchema),
});
export type Manifest = z.infer<typeof ManifestSchema>;
