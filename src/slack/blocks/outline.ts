import type { Clause, DocumentMeta } from '../../core/schema.js';

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
    bySection.set(node.section, {
      line: node.line,
      entry: { depth: depth(node.section), label: `${node.marker}${node.heading}` },
    });
  }
  for (const clause of clauses) {
    if (clause.doc !== document.id || bySection.has(clause.section)) continue;
    bySection.set(clause.section, {
      line: clause.lines[0],
      entry: { depth: depth(clause.section), label: clauseLabel(clause) },
    });
  }
  return [...bySection.values()].sort((a, b) => a.line - b.line).map((item) => item.entry);
}

function depth(section: string): number {
  return section.split('.').length;
}

/** "1.科学配置充电桩和加氢站", "第十二条": how the document names a clause; its section number if it has neither. */
export function clauseLabel(clause: Pick<Clause, 'marker' | 'heading' | 'section'>): string {
  return `${clause.marker}${clause.heading}`.trim() || clause.section;
}

/** A citation has no marker: the last step of its path ("… › 1.科学配置充电桩和加氢站") names it the same way. */
export function citationLabel(citation: { heading: string; path: string; section: string }): string {
  return citation.heading || citation.path.split(' › ').at(-1)?.trim() || citation.section;
}
