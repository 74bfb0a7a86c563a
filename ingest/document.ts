import { createHash } from 'node:crypto';
import { basename, extname } from 'node:path';
import { PolicyBotError } from '../src/core/errors.js';
import { decodeSeed } from './decode.js';
import { readFacts, withMetadata } from './facts.js';
import type { SeedMetadata } from './metadata.js';
import { parseDocument } from './parse.js';
import { repairText } from './repair.js';
import type { Clause, DocumentMeta, IngestIssue, Target } from '../src/core/schema.js';
import { extractTargets } from './targets.js';

export interface IngestedDocument {
  meta: DocumentMeta;
  clauses: Clause[];
  targets: Target[];
}

/**
 * One seed file through decode → repair → facts → parse → targets, with the facts of its metadata file (already
 * read and validated) put over those of its text. A file with an error yields issues and no document.
 */
export function ingestDocument(
  file: string,
  bytes: Uint8Array,
  metadata: SeedMetadata | null = null,
): { document: IngestedDocument | null; issues: IngestIssue[] } {
  const id = documentId(file);
  try {
    const { text, encoding } = decodeSeed(bytes, file);
    const repaired = repairText(text);
    const { layout } = repaired;
    const facts = withMetadata(readFacts(layout, id), metadata);
    const parsed = parseDocument(id, file, layout.body, facts.title);
    if (parsed.issues.some((i) => i.level === 'error')) return { document: null, issues: parsed.issues };
    const header = [...layout.notice, ...(layout.title ? [layout.title] : []), ...layout.subtitle];
    const meta: DocumentMeta = {
      id,
      file: basename(file),
      title: facts.title,
      encoding,
      sha256: sha256(bytes),
      header: header.map((p) => ({ line: p.line, text: p.text })),
      facts,
      preamble: parsed.preamble,
      footer: parsed.footer,
      outline: parsed.outline,
      repairs: [...repaired.repairs, ...parsed.repairs],
    };
    return {
      document: { meta, clauses: parsed.clauses, targets: parsed.clauses.flatMap(extractTargets) },
      issues: parsed.issues,
    };
  } catch (error) {
    if (!(error instanceof PolicyBotError)) throw error;
    return { document: null, issues: [{ level: 'error', file, line: null, code: error.code, message: error.message }] };
  }
}

/** A document's id: its seed's file name without extension. */
export function documentId(file: string): string {
  return basename(file, extname(file));
}

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}
