import { translateEnglish } from './english.js';
import type { Correction } from './query.js';
import type { Vocabulary } from './read.js';

// Latin words inside a Chinese question ("5G基站target是多少") are read through the English glossary.
const LATIN_RUN = /[a-z][a-z' -]*[a-z]/g;
const LATIN_TERM = /[a-z0-9][a-z0-9+.-]*[a-z0-9]/g;

/** The Latin terms of a text ("5g", "nb-iot"), as the vocabulary keeps them and `nearestLatin` corrects towards. */
export function latinTerms(text: string): string[] {
  return (text.match(LATIN_TERM) ?? []).filter((t) => /[a-z]/.test(t));
}

/**
 * A Latin term the corpus never writes but writes one letter away from ("nb-lot" for NB-IoT, l for I): read as the
 * corpus's term, and said so. Only terms of four characters or more, and only when one term fits.
 */
export function nearestLatin(text: string, vocabulary: Vocabulary): { text: string; corrections: Correction[] } {
  const corrections: Correction[] = [];
  const fixed = text.replace(LATIN_TERM, (term) => {
    if (term.length < 4 || latinTerms(term).length === 0 || vocabulary.knows(term)) return term;
    const near = vocabulary.latin.filter((t) => Math.abs(t.length - term.length) <= 1 && editDistance(t, term) === 1);
    if (near.length !== 1) return term;
    corrections.push({ from: term, to: near[0]! });
    return near[0]!;
  });
  return { text: fixed, corrections };
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_v, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++)
      row[j] = Math.min(previous[j]! + 1, row[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    previous = row;
  }
  return previous[b.length]!;
}

/** Latin words in a Chinese question, translated where the glossary knows them; terms the corpus uses stay. */
export function withGlossary(text: string, vocabulary: Vocabulary): string {
  return text.replace(LATIN_RUN, (run) => {
    if (vocabulary.knows(run)) return run;
    const { chinese, unknown } = translateEnglish(run);
    return chinese && unknown.length === 0 ? chinese : run;
  });
}
