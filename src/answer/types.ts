import type { Query } from '../question/query.js';

/**
 * What a question asks for, as `ask --json` reports it. The first seven are the original values; the rest were
 * added with the typed query (extend, never rename).
 */
export type Intent =
  | 'number'
  | 'who'
  | 'by_unit'
  | 'where'
  | 'when'
  | 'overview'
  | 'fact'
  | 'lead'
  | 'lead_by_unit'
  | 'count'
  | 'verify'
  | 'compare'
  | 'document'
  | 'enterprise'
  | 'place'
  | 'more';

/** Part of the public `ask --json` contract: extend, never rename. */
export interface Citation {
  doc: string;
  /** Title of the cited document. */
  title: string;
  section: string;
  path: string;
  heading: string;
  units: string[];
  /** Verbatim sentence(s) of the clause the answer rests on. */
  quote: string;
  score: number;
}

export type AnswerStatus = 'answered' | 'not_found';

/** Part of the public `ask --json` contract: extend, never rename. */
export interface Answer {
  question: string;
  status: AnswerStatus;
  answer: string;
  /** The fact-first part of `answer`, without the lines that restate the citations: for surfaces that show those structured. */
  lead: string;
  citations: Citation[];
  /** Time spent answering inside the process. */
  ms: number;
  intent: Intent;
  /** Headings of the closest topics the policy covers, offered when nothing answers the question. */
  suggestions: string[];
  /** How the question was read (null for input that is not a question: empty, too long); why this answer was chosen. */
  query: Query | null;
  /**
   * Only with a model configured: how each reader read the question (`model` null when it failed or ran out of
   * time); `query` is the one the answer follows.
   */
  queries?: { rules: Query; model: Query | null };
}

export interface AskOptions {
  /** The conversation's earlier questions, oldest first: the question may follow up on them ("谁负责", "那充电桩呢"). */
  thread?: readonly string[];
}
