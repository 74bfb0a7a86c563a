import type { Citation } from './types.js';

const NUMBER = /\d+(?:\.\d+)?/g;

/**
 * Numbers in an answer that nothing it rests on contains. An answer may only state figures its cited clauses
 * state (section numbers such as 2.2.1 count as cited too), or that `grounds` holds: the document's facts, figures
 * worked out from cited ones, the figures the asker stated. Anything else is an invented figure.
 */
export function ungroundedNumbers(
  answer: string,
  citations: readonly Citation[],
  grounds: readonly string[] = [],
): string[] {
  const text = [...citations.map((c) => `${c.section} ${c.title} ${c.path} ${c.heading} ${c.quote}`), ...grounds].join(
    '\n',
  );
  const cited = new Set(text.match(NUMBER) ?? []);
  for (const c of citations) for (const part of c.section.split('.')) cited.add(part);
  return [...new Set(answer.match(NUMBER) ?? [])].filter((n) => !cited.has(n));
}

/**
 * 责任单位 an answer names that no cited clause lists or quotes: a unit is only ever said to be responsible for
 * what a cited clause makes it responsible for. `known` is every unit of the corpus, longest first.
 */
export function ungroundedUnits(
  answer: string,
  citations: readonly Citation[],
  known: readonly string[],
  grounds: readonly string[] = [],
): string[] {
  const cited = new Set(citations.flatMap((c) => c.units));
  const quoted = [...citations.map((c) => c.quote), ...grounds].join('\n');
  let rest = answer;
  const named: string[] = [];
  for (const unit of known) {
    if (!rest.includes(unit)) continue;
    named.push(unit);
    rest = rest.split(unit).join(' ');
  }
  return named.filter((u) => !cited.has(u) && !quoted.includes(u));
}
