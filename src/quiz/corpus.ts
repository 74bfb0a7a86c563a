import type { Clause } from '../core/schema.js';
import type { QuizKind, QuizQuestion } from './types.js';
import type { QuizSource } from './source.js';

/** A place in a policy's hierarchy: a clause, or an outline heading that has children. */
export interface PolicyNode {
  doc: string;
  section: string;
  heading: string;
  path: string;
}

const PATH_SEPARATOR = ' › ';

/** Every node of every document, headings and clauses, in document order. */
export function nodesOf(source: QuizSource): PolicyNode[] {
  return source.documents.flatMap((d) =>
    [
      ...d.outline.map((o) => ({ doc: d.id, section: o.section, heading: o.heading, path: o.path })),
      ...source.clauses.filter((c) => c.doc === d.id),
    ].sort((a, b) => compareSections(a.section, b.section)),
  );
}

export function compareSections(a: string, b: string): number {
  const x = a.split('.').map(Number);
  const y = b.split('.').map(Number);
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    const d = (x[i] ?? -1) - (y[i] ?? -1);
    if (d !== 0) return d;
  }
  return 0;
}

export function parentSection(section: string): string {
  return section.split('.').slice(0, -1).join('.');
}

export const nodeKey = (doc: string, section: string) => `${doc}:${section}`;

/**
 * What a question calls each node: its heading, or the last heading of its path when it has none (第X条); a name
 * two nodes share gets its parent's heading before it, so an option never names two places.
 */
export function nodeNames(nodes: readonly PolicyNode[]): Map<string, string> {
  const last = (n: PolicyNode, k: number) => n.path.split(PATH_SEPARATOR).slice(-k).join(PATH_SEPARATOR);
  const short = nodes.map((n) => n.heading || last(n, 1));
  const names = new Map<string, string>();
  nodes.forEach((n, i) => {
    const shared = short.filter((s) => s === short[i]).length > 1;
    names.set(nodeKey(n.doc, n.section), shared ? last(n, 2) : short[i]!);
  });
  return names;
}

/** A name in Chinese quotation marks, unless it already wears them ("“智慧+民生”"). */
export function quoted(name: string): string {
  return name.startsWith('“') && name.endsWith('”') ? name : `“${name}”`;
}

const SECTION_NUMBER = /^\d+(?:\.\d+)*$/;

/**
 * Whether a node lies in a part: a section number covers itself and what is under it ("2.1" → 2.1, 2.1.3); words
 * ("智慧+民生") must all appear in the node's heading path, so a heading's part covers its children too.
 */
export function inPart(part: string, node: Pick<PolicyNode, 'section' | 'path'>): boolean {
  const p = part.trim();
  if (SECTION_NUMBER.test(p)) return node.section === p || node.section.startsWith(`${p}.`);
  const words = p.split(/\s+/).filter((w) => w.length > 0);
  return words.length > 0 && words.every((w) => node.path.includes(w));
}

/** Whether a part names anything in the policy: a part that names nothing is a user's mistake, not an empty quiz. */
export function partExists(source: QuizSource, part: string): boolean {
  return nodesOf(source).some((n) => inPart(part, n));
}

export function clauseIndex(source: QuizSource): Map<string, Clause> {
  return new Map(source.clauses.map((c) => [nodeKey(c.doc, c.section), c]));
}

/** How many options a question offers: the right one and up to three wrong. */
const MAX_WRONG = 3;
const MIN_WRONG = 2;

export interface Draft {
  kind: QuizKind;
  doc: string;
  section: string;
  /** What is asked, unique within the kind and section: the id's last field. */
  subject: string;
  question: string;
  right: string;
  /** Wrong options, best first; each already proven wrong by the kind's module. */
  wrong: readonly string[];
  quote: string;
}

/** A question with the right option first, or nothing when too few wrong options can be proven wrong. */
export function buildQuestion(d: Draft): QuizQuestion | undefined {
  const wrong = [...new Set(d.wrong)].filter((w) => w !== d.right).slice(0, MAX_WRONG);
  if (wrong.length < MIN_WRONG) return undefined;
  return {
    id: [d.kind, d.doc, d.section, d.subject].join(':'),
    kind: d.kind,
    question: d.question,
    options: [d.right, ...wrong],
    answer: 0,
    doc: d.doc,
    section: d.section,
    quote: d.quote,
  };
}
