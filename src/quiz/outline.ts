import { buildQuestion, nodeKey, nodeNames, nodesOf, parentSection, type PolicyNode, quoted } from './corpus.js';
import type { QuizQuestion } from './types.js';
import type { QuizSource } from './source.js';

const depth = (section: string) => section.split('.').length;

/**
 * "“智慧+民生”包括以下哪一项？": the right option is a heading under the part, the wrong ones headings under other
 * parts at the same depth (those of its sibling parts first) that are not also a heading under it.
 */
export function outlineQuestions(source: QuizSource): QuizQuestion[] {
  const nodes = nodesOf(source);
  const names = nodeNames(nodes);
  const label = (n: PolicyNode) => names.get(nodeKey(n.doc, n.section))!;
  const childrenOf = (part: PolicyNode) =>
    nodes.filter((n) => n.doc === part.doc && parentSection(n.section) === part.section);
  const parts = nodes.filter((n) => childrenOf(n).length > 0);
  const questions: QuizQuestion[] = [];
  for (const part of parts) {
    const own = childrenOf(part);
    const ownLabels = new Set(own.map(label));
    const others = parts
      .filter((p) => p !== part && p.doc === part.doc && depth(p.section) === depth(part.section))
      .sort(
        (a, b) =>
          Number(parentSection(b.section) === parentSection(part.section)) -
          Number(parentSection(a.section) === parentSection(part.section)),
      );
    // Spread over the other parts, so the wrong options do not all come from one of them.
    const wrong = interleave(
      others.map((p) =>
        childrenOf(p)
          .map(label)
          .filter((l) => !ownLabels.has(l)),
      ),
    );
    for (const child of own) {
      const q = buildQuestion({
        kind: 'outline',
        doc: part.doc,
        section: child.section,
        subject: label(part),
        question: `${quoted(label(part))}包括以下哪一项？`,
        right: label(child),
        wrong,
        quote: child.path,
      });
      if (q) questions.push(q);
    }
  }
  return questions;
}

/** The first of each list, then the second of each, and so on. */
function interleave(lists: string[][]): string[] {
  const out: string[] = [];
  for (let i = 0; lists.some((l) => i < l.length); i++) for (const l of lists) if (i < l.length) out.push(l[i]!);
  return out;
}
