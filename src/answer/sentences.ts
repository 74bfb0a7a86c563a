import { splitSentences } from '../core/text.js';
import type { Corpus } from '../retrieval/corpus.js';

/** How much of the topic a text of the corpus contains, weighted by IDF: the measure every "best sentence" choice uses. */
export function topicWeight(corpus: Corpus, text: string, topicWords: readonly string[]): number {
  // Corpus text is already repaired and simplified; only Latin case differs from a normalised question.
  const normalized = text.toLowerCase();
  return topicWords.reduce((sum, w) => sum + (normalized.includes(w) ? corpus.bm25.idf(w) : 0), 0);
}

/** Sentences as one verbatim quote, in the clause's order: adjacent ones joined as written, a gap marked with an ellipsis. */
export function quoteOf(text: string, sentences: readonly string[]): string {
  const ordered = [...new Set(sentences)].sort((a, b) => text.indexOf(a) - text.indexOf(b));
  return ordered.reduce((quote, s) => (quote === '' ? s : text.includes(quote + s) ? quote + s : `${quote}……${s}`), '');
}

/** The sentences of a clause that best match the topic, best first. */
export function rankedSentences(
  corpus: Corpus,
  text: string,
  topicWords: readonly string[],
  count = 1,
  accept: (s: string) => boolean = () => true,
): string[] {
  return splitSentences(text)
    .filter(accept)
    .map((s, i) => ({ s, i, w: topicWeight(corpus, s, topicWords) }))
    .sort((a, b) => b.w - a.w || a.i - b.i)
    .slice(0, count)
    .filter((r, k) => k === 0 || r.w > 0)
    .map((r) => r.s);
}

/** The sentences of a clause that best match the topic, in the clause's own order. */
export function bestSentences(
  corpus: Corpus,
  text: string,
  topicWords: readonly string[],
  count = 1,
  accept: (s: string) => boolean = () => true,
): string[] {
  const ranked = rankedSentences(corpus, text, topicWords, count, accept);
  return splitSentences(text).filter((s) => ranked.includes(s));
}
