import { cue } from './cues.js';
import { isSubjectAsk, type ConversationState, type Query } from './query.js';

// "其中第二个": an item of the last answer's list, not of the list the last question picked from.
const WITHIN = /其中|里面|里头|下面|之中/;

/** Fills what a follow-up leaves unsaid from the conversation; a question that stands on its own is left as it is. */
export function followUp(query: Query, state: ConversationState, text: string): Query {
  const continues = { ...query, continues: state };
  if (query.ask === 'more')
    return { ...continues, subjects: state.subjects, units: state.unit ? [state.unit] : [], asker: state.asker };
  if (query.ordinal !== null && (state.list.length > 0 || state.siblings.length > 0)) {
    const list = state.siblings.length > 0 && !WITHIN.test(text) ? state.siblings : state.list;
    const item = list[query.ordinal - 1];
    return item ? { ...continues, ask: 'list', part: item, subjects: [] } : continues;
  }
  const marked = cue.followUpStart.test(text) || cue.followUpEnd.test(text);
  // "济南呢" after a question about 青岛: the same question, of another place.
  const placeOnly = query.ask === 'place' && marked;
  const namesNothing =
    query.subjects.every((s) => cue.deixis.test(s)) && query.units.length === 0 && !query.part && !query.asker;
  const explicit = query.ask !== 'summary' && query.ask !== 'place';
  if (namesNothing && query.ask !== 'document' && (query.ask !== 'place' || placeOnly)) {
    return {
      ...continues,
      ask: explicit ? query.ask : state.ask,
      subjects: state.subjects,
      units: query.ask === 'duties' || query.ask === 'lead_duties' || !explicit ? (state.unit ? [state.unit] : []) : [],
      asker: state.asker,
    };
  }
  if (
    marked &&
    query.units.length > 0 &&
    query.subjects.length === 0 &&
    (state.ask === 'duties' || state.ask === 'lead_duties')
  ) {
    return { ...continues, ask: state.ask };
  }
  // A follow-up naming a new subject keeps a kind of ask that is about a subject ("那充电桩呢").
  if (marked && !explicit && isSubjectAsk(state.ask))
    return { ...continues, ask: state.ask === 'verify' ? 'summary' : state.ask };
  if (marked) return continues;
  return query;
}
