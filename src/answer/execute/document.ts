import type { DocumentMeta, FACT_NAMES } from '../../core/schema.js';
import type { DocumentAspect } from '../../question/query.js';
import { splitSentences } from '../../core/text.js';
import { scoreIn, withClause, type Ctx } from './context.js';
import { citation, finding, keyOf, type Finding, type Line } from './finding.js';
import { unique } from './merge.js';

/** Facts about the document itself, from its title, its outline and its metadata: each aspect asked, in order. */
export async function documentFacts(ctx: Ctx): Promise<Finding | null> {
  const doc = namedDocument(ctx);
  const found: Finding[] = [];
  for (const aspect of ctx.query.aspects) {
    const f = await factFinding(ctx, doc, aspect);
    if (f) found.push(f);
  }
  if (found.length === 0) return null;
  // "A还是B" asks which, not whether: the fact answers it.
  const verdict = ctx.query.claim && !/还是/.test(ctx.query.text) ? claimVerdict(ctx, doc) : null;
  return {
    lead: [...(verdict ? [verdict] : []), ...found.flatMap((f) => f.lead)],
    body: unique(
      found.flatMap((f) => f.body),
      (l) => l.zh,
    ),
    citations: found.flatMap((f) => f.citations),
    focus: found.flatMap((f) => f.focus),
    list: found.flatMap((f) => f.list),
    derived: found.flatMap((f) => f.derived),
  };
}

async function factFinding(ctx: Ctx, doc: DocumentMeta, aspect: DocumentAspect): Promise<Finding | null> {
  const { facts } = doc;
  const title = `《${facts.title}》`;
  const period = facts.period ? `${facts.period.start}年至${facts.period.end}年` : null;
  const issued = facts.issued ? chineseDate(facts.issued) : null;
  const missing = (what: string): Line => ({
    zh: `${title}的文本和元数据中没有写明${what}。`,
    en: `Neither the text nor the metadata of ${facts.title} states its ${what}.`,
  });
  switch (aspect) {
    case 'title':
      return finding([{ zh: `本方案的全称是${title}。`, en: `The plan's full title is ${title}.` }], [], {
        body: [issuance(doc)],
      });
    case 'period':
      return finding(
        [
          period
            ? {
                zh: `${title}的实施期为${period}（${facts.period!.start}—${facts.period!.end}年，见标题）。`,
                en: `The plan covers ${facts.period!.start}–${facts.period!.end} (${period}), as its title says.`,
              }
            : missing('实施期'),
        ],
        [],
      );
    case 'status':
      return finding([status(ctx, doc)], []);
    case 'issuer':
      return finding(
        [
          facts.issuer
            ? {
                zh: `${title}由${facts.issuer}印发${facts.number ? `（${facts.number}）` : ''}${issued ? `，印发日期${issued}` : ''}。`,
                en: `Issued by ${facts.issuer}${facts.number ? ` (${facts.number})` : ''}${issued ? ` on ${facts.issued}` : ''}.`,
              }
            : missing('发文机关'),
        ],
        [],
        { body: [issuance(doc)] },
      );
    case 'number':
      return finding(
        [
          facts.number
            ? { zh: `${title}的文号是${facts.number}。`, en: `Its document number (文号) is ${facts.number}.` }
            : missing('文号'),
        ],
        [],
        { body: [issuance(doc)] },
      );
    case 'issued':
      return finding(
        [
          issued
            ? {
                zh: `${title}于${issued}印发${facts.issuer ? `（${facts.issuer}，${facts.number ?? ''}）`.replace('，）', '）') : ''}。`,
                en: `Issued on ${facts.issued}.`,
              }
            : missing('印发日期'),
        ],
        [],
        { body: [issuance(doc)] },
      );
    case 'parts':
      return parts(ctx, doc);
    case 'goals':
      return goals(ctx, doc);
    case 'preamble':
      return doc.preamble
        ? finding(
            [{ zh: `方案开篇写道：“${doc.preamble}”`, en: `The plan opens (in Chinese): “${doc.preamble}”` }],
            [],
            { body: [issuance(doc)] },
          )
        : finding([missing('开篇内容')], []);
  }
}

/** "是2021年印发的吗", "是省政府发的吗": 是 or 不是 first, judged on the fact each asks about. */
function claimVerdict(ctx: Ctx, doc: DocumentMeta): Line | null {
  const { facts } = doc;
  const { claim, aspects, text } = ctx.query;
  const aspect = aspects[0];
  let holds: boolean | null = null;
  if (aspect === 'issued' && facts.issued && claim!.years.length > 0)
    holds = claim!.years.includes(Number(facts.issued.slice(0, 4)));
  if (aspect === 'period' && facts.period && claim!.years.length > 0)
    holds = claim!.years.every((y) => y >= facts.period!.start && y <= facts.period!.end);
  if (aspect === 'issuer' && facts.issuer)
    holds =
      text.includes(facts.issuer) ||
      text.includes(facts.issuer.replace(new RegExp(`^(?:${ctx.corpus.home.join('|')})`), '').replace('人民', ''));
  if (aspect === 'number' && facts.number) holds = (facts.number.match(/\d+/g) ?? []).every((n) => text.includes(n));
  if (holds === null) return null;
  return holds ? { zh: '是的。', en: 'Yes.' } : { zh: '不是。', en: 'No.' };
}

/** The document the question names by its title, else the only one, else the first. */
function namedDocument(ctx: Ctx): DocumentMeta {
  const { documents } = ctx.corpus;
  const shared = (d: DocumentMeta) =>
    [...d.facts.title].filter((ch, i, all) => i + 1 < all.length && ctx.query.text.includes(ch + all[i + 1])).length;
  let best = documents[0]!;
  let most = -1;
  for (const d of documents) {
    const n = shared(d);
    if (n > most) [best, most] = [d, n];
  }
  return best;
}

type FactName = (typeof FACT_NAMES)[number];
const FACT_LABELS: Record<FactName, string> = {
  title: '标题',
  period: '实施期',
  number: '文号',
  issuer: '发文机关',
  issued: '印发日期',
};

/** Where the facts come from: the title as written; the 文号, issuer and date from the text or the metadata file. */
function issuance(doc: DocumentMeta): Line {
  const { facts } = doc;
  const fromMetadata = Object.entries(facts.sources)
    .filter(([, s]) => s === 'metadata')
    .map(([k]) => FACT_LABELS[k as FactName]);
  const note = fromMetadata.length > 0 ? `；${fromMetadata.join('、')}取自随文件登记的元数据` : '';
  const known = [facts.number, facts.issuer, facts.issued && chineseDate(facts.issued)].filter(Boolean).join('，');
  return {
    zh: `依据：文件标题“${facts.title}”${known ? `；${known}` : ''}${note}。`,
    en: `Basis: the title “${facts.title}”${known ? `; ${known}` : ''}.`,
  };
}

/** Whether the plan's period has ended, judged against today. */
function status(ctx: Ctx, doc: DocumentMeta): Line {
  const { facts } = doc;
  const title = `《${facts.title}》`;
  if (!facts.period)
    return {
      zh: `${title}没有写明实施期，无法判断是否到期。`,
      en: 'The plan states no period, so whether it has ended cannot be told.',
    };
  const { start, end } = facts.period;
  const today = isoDay(ctx.today);
  if (ctx.today.getFullYear() > end) {
    return {
      zh: `${title}的实施期为${start}年至${end}年，已于${end}年底到期（按今天${today}计）。文件本身没有写明延期或废止；执行中请以后续政策为准。`,
      en: `The plan covered ${start}–${end} and its period ended at the end of ${end} (as of ${today}). The text says nothing of an extension or repeal.`,
    };
  }
  return {
    zh: `${title}的实施期为${start}年至${end}年，目前（${today}）仍在实施期内。`,
    en: `The plan covers ${start}–${end} and is within its period as of ${today}.`,
  };
}

/** The top-level parts of the document, in order. */
function parts(ctx: Ctx, doc: DocumentMeta): Finding {
  const top = doc.outline.filter((n) => !n.section.includes('.'));
  const leaves = ctx.corpus.clauses.filter((c) => c.doc === doc.id && !c.section.includes('.'));
  const all = [...top, ...leaves].sort((a, b) => Number(a.section) - Number(b.section));
  const names = all.map((n) => `${n.marker}${n.heading}`);
  const lead: Line[] = [
    { zh: `《${doc.facts.title}》共${all.length}部分：`, en: `The plan has ${all.length} parts:` },
    ...names.map((n) => ({ zh: `• ${n}`, en: `• ${n}` })),
  ];
  return finding(lead, [], {
    body: [issuance(doc)],
    list: all.map((n) => keyOf({ doc: doc.id, section: n.section })),
    derived: [String(all.length)],
  });
}

/** The plan's goals: its goals part (行动目标, 总体目标, 主要目标), quoted. */
async function goals(ctx: Ctx, doc: DocumentMeta): Promise<Finding | null> {
  const i = ctx.corpus.clauses.findIndex((c) => c.doc === doc.id && !c.section.includes('.') && /目标/.test(c.heading));
  if (i < 0) return null;
  const clause = ctx.corpus.clauses[i]!;
  const sentences = splitSentences(clause.text);
  const r = await ctx.retrieve(ctx.query.text);
  const lead = [
    {
      zh: `${clause.marker}${clause.heading}：${sentences.join('')}`,
      en: `The plan's goals (${clause.marker}${clause.heading}), in Chinese: ${sentences.join('')}`,
    },
  ];
  const found = withClause(ctx, clause, scoreIn(r, i), sentences, lead, { showQuote: false });
  return { ...found, citations: [citation(clause, clause.text, scoreIn(r, i))] };
}

/** Everything the document's facts let an answer state, in each form answers write it. */
export function factGrounds(doc: DocumentMeta): string {
  const { facts } = doc;
  const period = facts.period ? `${facts.period.start} ${facts.period.end}` : '';
  return [
    facts.title,
    facts.number,
    facts.issuer,
    facts.issued,
    facts.issued && chineseDate(facts.issued),
    period,
    doc.preamble,
  ]
    .filter(Boolean)
    .join(' ');
}

function chineseDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}
