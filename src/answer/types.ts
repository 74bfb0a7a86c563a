/** What a question asks for; decides how the answer is composed. */
export type Intent = 'number' | 'who' | 'by_unit' | 'where' | 'when' | 'overview' | 'fact';

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
}

export interface AskOptions {
  /** The thread's earlier question, used as context for a follow-up such as "那充电桩呢？". */
  previous?: string;
}
