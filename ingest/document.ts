import { createHash } from 'node:crypto';
import { basename, extname } from 'node:path';
import { PolicyBotError } from '../src/errors.js';
import { decodeSeed } from './decode.js';
import { parseDocument } from './parse.js';
import { repairText } from './repair.js';
import type { Clause, DocumentMeta, IngestIssue, Target } from './schema.js';
import { extractTargets } from './targets.js';

export interface IngestedDocument {
  meta: DocumentMeta;
  clauses: Clause[];
  targets: Target[];
}

/** One seed file through decode → repair → parse → targets. A file with an error yields issues and no document. */
export function ingestDocument(file: string, bytes: Uint8Array): { document: IngestedDocument | null; issues: IngestIssue[] } {
  const id = basename(file, extname(file));
  try {
    const { text, encoding } = decodeSeed(bytes, file);
    const repaired = repairText(text);
    const parsed = parseDocument(id, file, repaired.paragraphs);
    if (parsed.issues.some((i) => i.level === 'error')) return { document: null, issues: parsed.issues };
    const meta: DocumentMeta = {
      id,
      file: basename(file),
      title: parsed.title,
      encoding,
      sha256: sha256(bytes),
      preamble: parsed.preamble,
      footer: parsed.footer,
      outline: parsed.outline,
      repairs: [...repaired.repairs, ...parsed.repairs],
    };
    return { document: { meta, clauses: parsed.clauses, targets: parsed.clauses.flatMap(extractTargets) }, issues: parsed.issues };
  } catch (error) {
    if (!(error instanceof PolicyBotError)) throw error;
    return { document: null, issues: [{ level: 'error', file, line: null, code: error.code, message: error.message }] };
  }
}

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}
