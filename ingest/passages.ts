import type { Clause, Passage, PassageMode } from '../src/core/schema.js';
import { splitSentences } from '../src/core/text.js';

const WINDOW = 2;

/**
 * Cuts clauses into the passages that are embedded and searched. Every passage starts with its document title
 * and clause path, so a hit is never read out of context. `window` adds overlapping two-sentence windows of
 * long clauses beside the whole clause. They are cut into search terms next (`index-passages.ts`).
 */
export function buildPassages(clauses: readonly Clause[], mode: PassageMode): Passage[] {
  const passages: Passage[] = [];
  for (const clause of clauses) {
    const context = `${clause.title} › ${clause.path}`;
    const bodies = [clause.text || clause.heading];
    if (mode === 'window') {
      const sentences = splitSentences(clause.text);
      for (let i = 0; i + WINDOW < sentences.length + 1 && sentences.length > WINDOW; i++) {
        bodies.push(sentences.slice(i, i + WINDOW).join(''));
      }
    }
    for (const body of bodies) {
      passages.push({ id: passages.length, doc: clause.doc, section: clause.section, text: `${context}\n${body}` });
    }
  }
  return passages;
}
