import type { Citation } from './types.js';

const NUMBER = /\d+(?:\.\d+)?/g;

/**
 * Numbers in an answer that no citation contains. An answer may only state figures its cited clauses state
 * (section numbers such as 2.2.1 count as cited too); anything else is an invented figure.
 */
export function ungroundedNumbers(answer: string, citations: readonly Citation[]): string[] {
  const grounds = citations.map((c) => `${c.section} ${c.title} ${c.path} ${c.heading} ${c.quote}`).join('\n');
  const cited = new Set(grounds.match(NUMBER) ?? []);
  for (const c of citations) for (const part of c.section.split('.')) cited.add(part);
  return [...new Set(answer.match(NUMBER) ?? [])].filter((n) => !cited.has(n));
}
