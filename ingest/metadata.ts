import { basename } from 'node:path';
import { z } from 'zod';
import { createIssue, FACT_NAMES, IsoDateSchema, PeriodSchema, type IngestIssue } from '../src/core/schema.js';

export const METADATA_SUFFIX = '.meta.json';

const utf8 = new TextDecoder('utf-8', { fatal: true });

const text = (what: string) =>
  z
    .string({ error: `must be ${what}` })
    .trim()
    .min(1, { error: `must be ${what}` });

/**
 * `seeds/NAME.meta.json`: facts about the seed `seeds/NAME.txt` that its text lacks or gets wrong. Every field is
 * optional and wins over the text; null says the document has no such fact (a wrong 文号 read from the text).
 */
export const SeedMetadataSchema = z.strictObject(
  {
    title: text('a non-empty string').optional(),
    period: PeriodSchema.nullable().optional(),
    number: text('a non-empty string or null').nullable().optional(),
    issuer: text('a non-empty string or null').nullable().optional(),
    issued: IsoDateSchema.nullable().optional(),
  },
  { error: `must be an object with the fields ${FACT_NAMES.join(', ')}` },
);
export type SeedMetadata = z.infer<typeof SeedMetadataSchema>;

export function isMetadataFile(name: string): boolean {
  return name.endsWith(METADATA_SUFFIX);
}

/** The id of the document a metadata file describes: "seeds/x.meta.json" → "x". */
export function metadataDocId(file: string): string {
  return basename(file).slice(0, -METADATA_SUFFIX.length);
}

/** A metadata file's facts, or null with an error naming the file and each offending field: the seed is then read alone. */
export function readMetadata(
  file: string,
  bytes: Uint8Array,
): { metadata: SeedMetadata | null; issues: IngestIssue[] } {
  let source: string;
  try {
    source = utf8.decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    return invalid(file, null, 'not UTF-8 text');
  }
  let raw: unknown;
  try {
    raw = JSON.parse(source);
  } catch (error) {
    const message = (error as Error).message;
    const position = /at position (\d+)/.exec(message);
    const line = position ? source.slice(0, Number(position[1])).split('\n').length : null;
    return invalid(file, line, `not JSON (${message})`);
  }
  const parsed = SeedMetadataSchema.safeParse(raw);
  if (parsed.success) return { metadata: parsed.data, issues: [] };
  const problems = parsed.error.issues.map((issue) =>
    issue.code === 'unrecognized_keys'
      ? `unknown field ${issue.keys.map((k) => `"${k}"`).join(', ')} (known: ${FACT_NAMES.join(', ')})`
      : issue.path.length === 0
        ? issue.message
        : `field "${issue.path.join('.')}" ${issue.message}`,
  );
  return invalid(file, null, problems.join('; '));
}

function invalid(file: string, line: number | null, problem: string): { metadata: null; issues: IngestIssue[] } {
  return { metadata: null, issues: [createIssue('error', file, line, 'SEED_METADATA_INVALID', file, line, problem)] };
}
