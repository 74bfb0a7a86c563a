import type { Clause, OutlineNode } from '../../core/schema.js';
import { compareSections, isWithin } from '../../question/parts.js';
import { splitSentences } from '../../core/text.js';
import { rankedSentences } from '../sentences.js';
import { bilingual, scoreIn, withClause, type Ctx } from './context.js';
import { citation, finding, keyOf, type Finding, type Line } from './finding.js';

interface Node {
  doc: string;
  section: string;
  marker: string;
  heading: string;
}

/** The outline node or clause a query names as `doc#section`, choosing among parts of the same name by retrieval. */
async function namedNode(ctx: Ctx): Promise<{ node: OutlineNode; doc: string } | { clause: Clause } | null> {
  const { corpus, query } = ctx;
  const [doc, section] = query.part!.split('#') as [string, string];
  const own = corpus.documents.find((d) => d.id === doc)?.outline.find((n) => n.section === section);
  if (!own) {
    const i = corpus.clauseIndex.get(query.part!);
    return i === undefined ? null : { clause: corpus.clauses[i]! };
  }
  // Several policies may have a part of this name (保障措施): the one holding the best clause for the question.
  const namesakes = corpus.parts.filter((p) => p.node.heading === own.heading);
  if (namesakes.length > 1) {
    const r = await ctx.retrieve(query.text);
    const top = r.hits[0] ? corpus.clauses[r.hits[0].clause]! : null;
    const chosen = namesakes.find((p) => top && p.doc === top.doc);
    if (chosen) return { node: chosen.node, doc: chosen.doc };
  }
  return { node: own, doc };
}

/** The direct children of a part: sub-parts and clauses one level down, in order. */
function childrenOf(ctx: Ctx, doc: string, node: OutlineNode): Node[] {
  const depth = node.section.split('.').length + 1;
  const below = (n: { doc?: string; section: string }) =>
    isWithin(n.section, node.section) && n.section.split('.').length === depth;
  const outline = ctx.corpus.documents
    .find((d) => d.id === doc)!
    .outline.filter(below)
    .map((n) => ({ ...n, doc }));
  const clauses = ctx.corpus.clauses.filter((c) => c.doc === doc && below(c));
  return [...outline, ...clauses].sort((a, b) => compareSections(a.section, b.section));
}

/** The parts of a part of the policy ("应用场景有哪几类"), or how many there are ("重点行动一共有几个"). */
export async function outline(ctx: Ctx, counting: boolean): Promise<Finding | null> {
  const named = await namedNode(ctx);
  if (!named) return null;
  if ('clause' in named) return clauseSummary(ctx, named.clause);
  const { node, doc } = named;
  const children = childrenOf(ctx, doc, node);
  const label = `「${node.marker}${node.heading}」`;
  const names = children.map((n) => `${n.marker}${n.heading}`);
  const lead: Line[] = counting
    ? [
        {
          zh: `${label}共${children.length}项：${names.join('；')}。`,
          en: `${bilingual(node.heading)} has ${children.length} parts: ${names.join('; ')}.`,
        },
      ]
    : [
        {
          zh: `${label}包括以下${children.length}部分：`,
          en: `${bilingual(node.heading)} has ${children.length} parts:`,
        },
        ...names.map((n) => ({ zh: `• ${n}`, en: `• ${n}` })),
      ];
  const r = await ctx.retrieve(ctx.query.text);
  const leaves = ctx.corpus.clauses
    .map((c, i) => ({ c, i }))
    .filter(({ c }) => c.doc === doc && isWithin(c.section, node.section));
  const citations = leaves.map(({ c, i }) => citation(c, splitSentences(c.text)[0] ?? c.heading, scoreIn(r, i)));
  const list = children.map((n) => keyOf({ doc, section: n.section }));
  return finding(lead, citations, {
    list,
    focus: citations.map(keyOf).slice(0, 1),
    derived: [String(children.length)],
  });
}

/** One clause picked from a list ("第二项"): what it says. */
function clauseSummary(ctx: Ctx, clause: Clause): Finding {
  const sentences = clause.text ? rankedSentences(ctx.corpus, clause.text, [], 2) : [clause.heading];
  const text = sentences.join('');
  return withClause(
    ctx,
    clause,
    0,
    sentences,
    [{ zh: `「${clause.heading || clause.marker}」：${text}`, en: `${bilingual(clause.heading)}: ${text}` }],
    { showQuote: false },
  );
}
