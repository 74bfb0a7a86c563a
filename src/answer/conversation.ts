import type { ConversationState, Query } from '../question/query.js';
import { keyOf, type Finding } from './execute/finding.js';

/** What a conversation has established after a question was answered: what its follow-up may leave unsaid. */
export function stateAfter(query: Query, found: Finding): ConversationState {
  const previous = query.continues;
  const cited = found.citations.map(keyOf);
  return {
    ask: query.ask === 'more' ? (previous?.ask ?? 'summary') : query.ask,
    subjects: query.subjects,
    unit: query.units[0] ?? previous?.unit ?? null,
    clauses: [...new Set([...found.focus, ...cited])],
    list: found.list,
    quoted: found.citations.map((c) => c.quote),
    // "第一项…" then "第三项呢": the next ordinal picks from the same list as the last one did.
    siblings:
      previous && query.ordinal !== null && query.part
        ? previous.siblings.includes(query.part)
          ? previous.siblings
          : previous.list
        : [],
    asker: query.asker ?? previous?.asker ?? null,
  };
}
