import type { Clause } from '../../core/schema.js';
import { clauseKey } from '../../retrieval/corpus.js';
import type { Citation } from '../types.js';

/** The most clauses one list of an answer shows: across many policies a unit or a city may have hundreds. */
export const MAX_LISTED = 50;

/** One line of an answer, in Chinese and, where the executor can say it, in English. */
export interface Line {
  zh: string;
  en?: string;
}

/** What an executor found: the fact-first lines, the lines that show where it comes from, and the citations. */
export interface Finding {
  lead: Line[];
  /** Quote, source, 责任单位, related clauses. */
  body: Line[];
  citations: Citation[];
  /** The clause each subject was answered from (`doc#section`): what a follow-up is about. */
  focus: string[];
  /** The items of a list answer (`doc#section`), for a follow-up such as "第一类". */
  list: string[];
  /** Figures worked out from cited ones ("400 − 4 = 396"): grounded by their working, not by a quote. */
  derived: string[];
}

export const finding = (
  lead: Line[],
  citations: Citation[],
  extra: Partial<Omit<Finding, 'lead' | 'citations'>> = {},
): Finding => ({
  lead,
  citations,
  body: extra.body ?? [],
  focus: extra.focus ?? [],
  list: extra.list ?? [],
  derived: extra.derived ?? [],
});

export const keyOf = (c: Pick<Clause, 'doc' | 'section'>): string => clauseKey(c.doc, c.section);

export function citation(c: Clause, quote: string, score: number): Citation {
  return {
    doc: c.doc,
    title: c.title,
    section: c.section,
    path: c.path,
    heading: c.heading,
    units: c.units,
    quote,
    score: Math.round(score * 10000) / 10000,
  };
}

/** A clause's name in an answer: its heading, or its marker when it has none (many 第X条). */
export const nameOf = (c: Clause): string => c.heading || c.marker || c.section;
