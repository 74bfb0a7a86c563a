import { searchTerms, words } from '../../ingest/tokenize.js';
import type { Analysis } from '../question/analyze.js';
import type { Corpus } from './corpus.js';
import { reciprocalRankFusion, type RankedList } from './fuse.js';

export interface Hit {
  clause: number;
  /** Fused reciprocal-rank score. */
  score: number;
}

export interface Retrieval {
  hits: Hit[];
  /** Share of the topic's weight (IDF of its words) that the best clause contains, 0–1: how well it answers. */
  coverage: number;
  /** Topic words found nowhere in the corpus. */
  unknown: string[];
}

const CANDIDATES = 50;
// Bigrams recover matches that segmentation splits differently, but count for less than whole words.
const BIGRAM_WEIGHT = 0.4;

export type Signal = 'bm25' | 'dense' | 'heading' | 'unit' | 'place' | 'year';
const WEIGHTS: Record<Signal, number> = { bm25: 1, dense: 1, heading: 1, unit: 0.5, place: 0.5, year: 0.5 };

/** Hybrid retrieval: BM25, HNSW dense search and the clause structure, fused by reciprocal rank. */
export async function retrieve(corpus: Corpus, analysis: Analysis, disabled: readonly Signal[] = []): Promise<Retrieval> {
  const topic = analysis.topic || analysis.text;
  const query = new Map<string, number>();
  for (const term of searchTerms(topic)) query.set(term, term.startsWith('#') ? BIGRAM_WEIGHT : 1);
  const topicWords = [...new Set(words(topic))];

  const lists: RankedList<number>[] = [
    { name: 'bm25', weight: WEIGHTS.bm25, keys: toClauses(corpus, corpus.bm25.search(query, CANDIDATES).map((h) => h.passage)) },
    { name: 'dense', weight: WEIGHTS.dense, keys: await denseClauses(corpus, topic) },
    { name: 'heading', weight: WEIGHTS.heading, keys: headingMatches(corpus, topicWords) },
    { name: 'unit', weight: WEIGHTS.unit, keys: analysis.unit ? matching(corpus, (i) => corpus.clauses[i]!.units.includes(analysis.unit!)) : [] },
    { name: 'place', weight: WEIGHTS.place, keys: analysis.places.length ? matching(corpus, (i) => analysis.places.some((p) => corpus.clauseText[i]!.includes(p))) : [] },
    { name: 'year', weight: WEIGHTS.year, keys: analysis.years.length ? matching(corpus, (i) => analysis.years.some((y) => corpus.clauseText[i]!.includes(y))) : [] },
  ].filter((l) => !disabled.includes(l.name as Signal));

  const hits = [...reciprocalRankFusion(lists)].map(([clause, score]) => ({ clause, score })).sort((a, b) => b.score - a.score);
  const unknown = topicWords.filter((w) => corpus.bm25.df(w) === 0 && !corpus.corpusText.includes(w));
  return { hits, coverage: hits[0] ? coverage(corpus, hits[0].clause, topicWords) : 0, unknown };
}

function toClauses(corpus: Corpus, passages: readonly number[]): number[] {
  return [...new Set(passages.map((p) => corpus.passageClause[p]!).filter((c) => c >= 0))];
}

async function denseClauses(corpus: Corpus, topic: string): Promise<number[]> {
  const vector = await corpus.embeddings.embedQuery(topic);
  const hits = await corpus.vectors.search(vector, CANDIDATES);
  return toClauses(corpus, hits.filter((h) => h.similarity > 0).map((h) => h.passage));
}

/** Clauses whose heading or path contains the topic's words, ranked by the IDF weight matched. */
function headingMatches(corpus: Corpus, topicWords: readonly string[]): number[] {
  const scored: { clause: number; score: number }[] = [];
  corpus.clauses.forEach((_c, i) => {
    const heading = corpus.clauseHeading[i]!;
    const path = corpus.clausePath[i]!;
    let score = 0;
    for (const w of topicWords) {
      if (heading.includes(w)) score += corpus.bm25.idf(w);
      else if (path.includes(w)) score += corpus.bm25.idf(w) / 2;
    }
    if (score > 0) scored.push({ clause: i, score });
  });
  return scored.sort((a, b) => b.score - a.score).slice(0, CANDIDATES).map((s) => s.clause);
}

function matching(corpus: Corpus, test: (clause: number) => boolean): number[] {
  return corpus.clauses.map((_c, i) => i).filter(test);
}

/** Words unknown to the corpus weigh as much as its rarest word: a question mostly about them is not answered here. */
export function coverage(corpus: Corpus, clause: number, topicWords: readonly string[]): number {
  if (topicWords.length === 0) return 1;
  const maxIdf = Math.log(1 + (corpus.bm25.size + 0.5) / 0.5);
  const text = corpus.clauseText[clause]!;
  let total = 0;
  let found = 0;
  for (const w of topicWords) {
    const weight = corpus.bm25.df(w) > 0 ? corpus.bm25.idf(w) : maxIdf;
    total += weight;
    if (text.includes(w)) found += weight;
  }
  return total === 0 ? 1 : found / total;
}
