import { createIssue, type Clause, type IngestIssue, type OutlineNode, type Repair } from '../src/core/schema.js';
import {
  FOOTER_RE,
  UNITS_ONLY_RE,
  UNITS_RE,
  matchMarker,
  splitUnits,
  type Marker,
  type MarkerKind,
} from './markers.js';
import type { Paragraph } from './repair.js';

export interface ParsedDocument {
  preamble: string;
  footer: string[];
  outline: OutlineNode[];
  clauses: Clause[];
  /** Repairs made while parsing (a 责任单位 paragraph joined back to its clause). */
  repairs: Repair[];
  issues: IngestIssue[];
}

interface Node {
  kind: MarkerKind;
  number: number;
  marker: string;
  heading: string;
  body: string[];
  units: string[];
  line: number;
  endLine: number;
  section: string;
  path: string;
  children: Node[];
}

// Usual nesting: a marker kind never seen above in the open branch nests below anything of a smaller rank.
const RANK: Record<MarkerKind, number> = {
  chapter: 0,
  part: 1,
  article: 2,
  cn: 3,
  'cn-paren': 4,
  num: 5,
  'num-paren': 6,
  circled: 7,
};
const MAX_HEADING = 30;
const PATH_SEPARATOR = ' › ';

/**
 * Turns the repaired paragraphs of a document's text (its notice and title set apart) into its outline and
 * clauses, with 责任单位 attached to their clause; each clause carries the document's `title`.
 */
export function parseDocument(doc: string, file: string, paragraphs: Paragraph[], title: string): ParsedDocument {
  const issues: IngestIssue[] = [];
  const repairs: Repair[] = [];
  const roots: Node[] = [];
  const stack: Node[] = [];
  const preamble: string[] = [];
  const footer: string[] = [];
  const seenSections = new Map<string, number>();
  const lastNumber = new Map<string, number>();

  for (const p of paragraphs) {
    const marker = matchMarker(p.text);
    const current = stack.at(-1);
    if (FOOTER_RE.test(p.text)) {
      footer.push(p.text);
    } else if (marker) {
      const node = openNode(marker, p);
      const sibling = stack.findIndex((n) => n.kind === marker.kind);
      if (sibling >= 0) stack.length = sibling;
      else while (stack.length > 0 && RANK[stack.at(-1)!.kind] > RANK[marker.kind]) stack.pop();
      const parent = stack.at(-1);
      (parent ? parent.children : roots).push(node);
      stack.push(node);
      node.section = [...stack.slice(0, -1).map((n) => n.number), node.number].join('.');
      node.path = stack.map(pathSegment).join(PATH_SEPARATOR);
      checkNumbering(node, parent, p.line);
    } else if (UNITS_ONLY_RE.test(p.text) && current) {
      current.units.push(...splitUnits(UNITS_RE.exec(p.text)![1]!));
      current.endLine = p.endLine;
      repairs.push({
        kind: 'unit-paragraph-join',
        line: p.line,
        before: p.text,
        after: `${current.marker}${current.heading} ${p.text}`,
      });
    } else if (current) {
      addBody(current, p.text);
      current.endLine = p.endLine;
    } else {
      preamble.push(p.text);
    }
  }

  const nodes = flatten(roots);
  if (nodes.length === 0) {
    // Text without a single marker is not a policy (a notice, a log, a 30 MB line of figures): clauses cut from
    // its paragraphs would be answered from as if they were one, and its figures read as thousands of targets.
    issues.push(createIssue('error', file, null, 'SEED_NO_STRUCTURE', file));
    return { preamble: '', footer, outline: [], repairs, issues, clauses: [] };
  }

  return {
    preamble: preamble.join('\n'),
    footer,
    repairs,
    issues,
    outline: nodes
      .filter((n) => n.children.length > 0)
      .map((n) => ({ section: n.section, marker: n.marker, heading: n.heading, path: n.path, line: n.line })),
    clauses: nodes
      .filter((n) => n.children.length === 0 || n.body.length > 0)
      .map((n) => ({
        doc,
        title,
        section: n.section,
        path: n.path,
        marker: n.marker,
        heading: n.heading,
        text: n.body.join('\n'),
        units: n.units,
        lines: [n.line, n.endLine],
      })),
  };

  function checkNumbering(node: Node, parent: Node | undefined, line: number): void {
    const previousLine = seenSections.get(node.section);
    if (previousLine !== undefined) {
      issues.push(
        createIssue(
          'error',
          file,
          line,
          'SEED_DUPLICATE_SECTION',
          file,
          line,
          node.section,
          `${node.marker}${node.heading}`,
          previousLine,
        ),
      );
      return;
    }
    seenSections.set(node.section, line);
    // 第X条 are numbered through the whole document; other markers restart under each parent.
    const scope = node.kind === 'article' ? 'article' : `${parent?.section ?? ''}/${node.kind}`;
    const expected = (lastNumber.get(scope) ?? 0) + 1;
    if (node.number !== expected) {
      issues.push(
        createIssue('warning', file, line, 'SEED_SKIPPED_SECTION', file, line, node.section, node.marker, expected),
      );
    }
    lastNumber.set(scope, node.number);
  }
}

function openNode(marker: Marker, p: Paragraph): Node {
  const node: Node = {
    kind: marker.kind,
    number: marker.number,
    marker: marker.text,
    heading: '',
    body: [],
    units: [],
    line: p.line,
    endLine: p.endLine,
    section: '',
    path: '',
    children: [],
  };
  const rest = marker.rest;
  const sentences = rest.split(/(?<=[。；])/).filter((s) => s.length > 0);
  const single = sentences.length <= 1 && !UNITS_RE.test(rest);
  if (single && !(marker.kind === 'article' && /[。；]$/.test(rest))) {
    // A title line: "一、行动目标", "（一）建立协同推进机制。", "第五条 资金使用范围".
    node.heading = rest.replace(/[。；]$/, '');
  } else if (marker.kind !== 'article' && sentences[0]!.length <= MAX_HEADING + 1 && /[。；]$/.test(sentences[0]!)) {
    // "1.加快5G商用。优化5G基站布局……": the first short sentence is the clause's title.
    node.heading = sentences[0]!.slice(0, -1);
    addBody(node, sentences.slice(1).join(''));
  } else {
    addBody(node, rest);
  }
  return node;
}

function addBody(node: Node, text: string): void {
  const units = UNITS_RE.exec(text);
  const body = units ? text.slice(0, units.index) : text;
  if (body.length > 0) node.body.push(body);
  if (units) node.units.push(...splitUnits(units[1]!));
}

function pathSegment(n: Node): string {
  return n.heading ? `${n.marker}${n.heading}` : n.marker;
}

function flatten(nodes: Node[]): Node[] {
  return nodes.flatMap((n) => [n, ...flatten(n.children)]);
}
