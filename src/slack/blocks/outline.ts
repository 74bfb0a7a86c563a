import type { Clause, DocumentMeta } from '../../../ingest/schema.js';

export interface OutlineEntry {
  /** 1 for a part (一、), 2 for a chapter (（一）), 3 and deeper for clauses (1.). */
  depth: number;
  /** Marker and heading as the document writes them, e.g. "1.科学配置充电桩和加氢站". */
  label: string;
}

/** The document's headings in reading order: the outline's inner nodes merged with its clauses. */
export function outlineEntries(document: DocumentMeta, clauses: readonly Clause[]): OutlineEntry[] {
  const bySection = new Map<string, { line: number; entry: OutlineEntry }>();
  for (const node of document.outline) {
    bySection.set(node.section, { line: node.line, entry: entry(node.section, node.path, `${node.marker}${node.heading}`) });
  }
  for (const clause of clauses) {
    if (clause.doc !== document.id || bySection.has(clause.section)) continue;
    bySection.set(clause.section, { line: clause.lines[0], entry: entry(clause.section, clause.path, clause.heading) });
  }
  return [...bySection.values()].sort((a, b) => a.line - b.line).map((item) => item.entry);
}

function entry(section: string, path: string, fallback: string): OutlineEntry {
  return { depth: section.split('.').length, label: lastStep(path) ?? fallback };
}

/** The last step of a clause path ("二、重点行动 › （二）… › 1.科学配置充电桩和加氢站"), with its marker. */
export function lastStep(path: string): string | undefined {
  const step = path.split(' › ').at(-1)?.trim();
  return step === '' ? undefined : step;
}
