import type { SeedMetadata } from './metadata.js';
import { dateOf, docNumberOf, isDateLine, issuerOf, noticeTitleOf, type Layout } from './notice.js';
import type { DocumentFacts, Period } from '../src/core/schema.js';
import type { Paragraph } from './repair.js';

// "（2020-2022年）", "2020—2022年", "2021至2025年", "2021年—2025年".
const YEAR_SPAN = /(\d{4})\s*年?\s*(?:[-—–－~～]+|至|到)\s*(\d{4})\s*年/;
// "“十四五”": the N-th five-year plan; the third ran 1966–1970 and each since has followed the last.
const FIVE_YEAR_PLAN = /十([一二三四五六七八九])五/;
const CN_DIGIT = '一二三四五六七八九';

/**
 * What the text says about the document: its title (the title line, else the name its 印发 notice gives), the
 * period from the title, and the 文号, issuer and date of the notice or of the lines under the title. The date
 * is the notice's signature date, and the issuer the body signing above it, else the one its 印发 line names.
 */
export function readFacts(layout: Layout, doc: string): DocumentFacts {
  const header = [...layout.notice, ...layout.subtitle];
  const issuing = layout.notice.map((p) => noticeTitleOf(p.text)).find((n) => n !== null);
  const title = layout.title?.text ?? issuing?.name ?? null;
  const period = title === null ? null : periodOf(title);
  const number = firstOf(header, (p) => docNumberOf(p.text));
  const [signed, above] = signature(layout);
  const issued = signed ? dateOf(signed.text) : null;
  const issuer = (above && issuerOf(above.text)) || issuing?.issuer || firstOf(header, (p) => issuerOf(p.text));

  const facts: DocumentFacts = { title: title ?? doc, period, number, issuer, issued, sources: {} };
  if (title !== null) facts.sources.title = 'text';
  if (period) facts.sources.period = 'text';
  if (number) facts.sources.number = 'text';
  if (issuer) facts.sources.issuer = 'text';
  if (issued) facts.sources.issued = 'text';
  return facts;
}

/** The facts with those of the metadata file put over them; a metadata title brings its own period when it states one. */
export function withMetadata(facts: DocumentFacts, metadata: SeedMetadata | null): DocumentFacts {
  if (!metadata) return facts;
  const merged: DocumentFacts = { ...facts, sources: { ...facts.sources } };
  if (metadata.title !== undefined) {
    merged.title = metadata.title;
    merged.sources.title = 'metadata';
    const period = periodOf(metadata.title);
    if (period && metadata.period === undefined) {
      merged.period = period;
      merged.sources.period = 'metadata';
    }
  }
  if (metadata.period !== undefined) {
    merged.period = metadata.period;
    merged.sources.period = 'metadata';
  }
  if (metadata.number !== undefined) {
    merged.number = metadata.number === null ? null : (docNumberOf(metadata.number) ?? metadata.number);
    merged.sources.number = 'metadata';
  }
  if (metadata.issuer !== undefined) {
    merged.issuer = metadata.issuer;
    merged.sources.issuer = 'metadata';
  }
  if (metadata.issued !== undefined) {
    merged.issued = metadata.issued;
    merged.sources.issued = 'metadata';
  }
  return merged;
}

/** The years a title says the plan covers: "山东省新基建三年行动方案（2020-2022年）" → 2020–2022. */
export function periodOf(title: string): Period | null {
  const span = YEAR_SPAN.exec(title);
  if (span) {
    const start = Number(span[1]);
    const end = Number(span[2]);
    return start <= end ? { start, end } : null;
  }
  const plan = FIVE_YEAR_PLAN.exec(title);
  if (plan) {
    const start = 1966 + 5 * (10 + CN_DIGIT.indexOf(plan[1]!) + 1 - 3);
    return { start, end: start + 4 };
  }
  return null;
}

/** The date that signs the notice (its last), else the first date under the title; with the line above it. */
function signature(layout: Layout): [Paragraph | null, Paragraph | null] {
  let inNotice = layout.notice.length - 1;
  while (inNotice >= 0 && !isDateLine(layout.notice[inNotice]!.text)) inNotice--;
  if (inNotice >= 0) return [layout.notice[inNotice]!, layout.notice[inNotice - 1] ?? null];
  const below = layout.subtitle.findIndex((p) => dateOf(p.text) !== null);
  if (below >= 0) return [layout.subtitle[below]!, layout.subtitle[below - 1] ?? null];
  return [null, null];
}

function firstOf<T>(paragraphs: Paragraph[], read: (p: Paragraph) => T | null): T | null {
  for (const p of paragraphs) {
    const value = read(p);
    if (value !== null) return value;
  }
  return null;
}
