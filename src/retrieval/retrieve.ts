import { isFraming } from '../question/unknown.js';
import type { Corpus } from './corpus.js';
import { reciprocalRankFusion, type RankedList } from './fuse.js';

export interface Hit {
  clause: number;
  /** Fused reciprocal-rank score. */
  score: number;
}

export interface Retrieval {
  hits: Hit[];
  /** Share of the question's nouns (IDF-weighted) that the best clause contains, 0–1: how well it answers. */
  coverage: number;
  /** Topic nouns found nowhere in the corpus. */
  unknown: string[];
  /** The topic's nouns, by which `coverage` was measured. */
  nouns: string[];
  /** The shorter words of each compound noun ("网络覆盖" → 网络, 覆盖): a clause may say them apart. */
  pieces: ReadonlyMap<string, readonly string[]>;
  /** The topic's words, by which sentences and targets are chosen for the answer. */
  topicWords: string[];
}

const CANDIDATES = 50;
// How many times CANDIDATES the heading signal looks through.
const HEADING_POOL = 4;
/**
 * How deep fusion reads each structural list, as Elasticsearch's rank window does. A year or a place in a large
 * corpus matches thousands of clauses, which would all be fused and sorted; past this depth, a clause that only
 * structure matches, even in three lists, fuses below every clause a text signal ranks.
 */
const FUSION_DEPTH = CANDIDATES * HEADING_POOL;
/** Below this share of the topic found in a clause, the clause does not answer the question. */
export const MIN_COVERAGE = 0.5;
// Bigrams recover matches that segmentation splits differently, but count for less than whole words.
const BIGRAM_WEIGHT = 0.4;
const MAX_STRUCTURAL_SHARE = 0.5;
const RERANK = 20;
// Coverage is compared in quarters: a small difference in how much of the question a clause names is noise.
const COVERAGE_STEPS = 4;

export const SIGNALS = ['bm25', 'dense', 'heading', 'unit', 'place', 'year', 'context'] as const;
export type Signal = (typeof SIGNALS)[number];
// The conversation's clauses outweigh any one text signal: a follow-up is about them unless it names otherwise,
// and the coverage re-ranking still puts a clause that names the follow-up's subject first.
const WEIGHTS: Record<Signal, number> = { bm25: 1, dense: 1, heading: 1, unit: 0.5, place: 0.5, year: 0.5, context: 2 };

/** What one retrieval looks for: one subject of a query, with the structure the query names. */
export interface Probe {
  topic: string;
  unit: string | null;
  places: readonly string[];
  years: readonly string[];
  /** Clauses the conversation is about (clause indices), best first. */
  context: readonly number[];
}

/** Hybrid retrieval: BM25, HNSW dense search and the clause structure, fused by reciprocal rank. */
export async function retrieve(corpus: Corpus, probe: Probe, disabled: readonly Signal[] = []): Promise<Retrieval> {
  const { topic } = probe;
  const { tokenizer } = corpus;
  const query = new Map<string, number>();
  for (const term of tokenizer.searchTerms(topic)) query.set(term, term.startsWith('#') ? BIGRAM_WEIGHT : 1);
  const topicWords = [...new Set(tokenizer.words(topic))];

  // The heading signal looks among the best BM25 passages (which index each clause's path) and the dense ones.
  const lexical = toClauses(
    corpus,
    corpus.bm25.search(query, CANDIDATES * HEADING_POOL).map((h) => h.passage),
  );
  const bm25 = lexical.slice(0, CANDIDATES);
  const dense = await denseClauses(corpus, topic);
  // Structural matches are unordered sets; order them by the text signals so early clauses get no free rank.
  const textRank = reciprocalRankFusion([
    { name: 'bm25', keys: bm25, weight: 1 },
    { name: 'dense', keys: dense, weight: 1 },
  ]);
  const selective = (lists: readonly (readonly number[])[]): number[] => {
    const matched = lists.length === 1 ? lists[0]! : [...new Set(lists.flat())].sort((a, b) => a - b);
    // A feature most clauses share (the province the whole policy is about) tells nothing apart.
    if (matched.length > corpus.clauses.length * MAX_STRUCTURAL_SHARE) return [];
    // Those the text signals rank come first, by that rank; the rest follow in clause order, to the fusion's depth.
    const ranked = matched.filter((c) => textRank.has(c)).sort((a, b) => textRank.get(b)! - textRank.get(a)!);
    const rest = matched.filter((c) => !textRank.has(c)).slice(0, Math.max(0, FUSION_DEPTH - ranked.length));
    return [...ranked, ...rest].slice(0, FUSION_DEPTH);
  };
  const { unit, years } = probe;
  // The place a policy is about ("山东" in its title) scopes the question; it does not pick clauses.
  const places = probe.places.filter((p) => !corpus.documents.some((d) => d.title.includes(p)));
  const lists: RankedList<number>[] = [
    { name: 'bm25', weight: WEIGHTS.bm25, keys: bm25 },
    { name: 'dense', weight: WEIGHTS.dense, keys: dense },
    {
      name: 'heading',
      weight: WEIGHTS.heading,
      keys: headingMatches(corpus, topicWords, new Set([...lexical, ...dense])),
    },
    { name: 'unit', weight: WEIGHTS.unit, keys: unit ? selective([corpus.clausesOfUnit(unit)]) : [] },
    {
      name: 'place',
      weight: WEIGHTS.place,
      keys: places.length ? selective(places.map((p) => corpus.clausesWith(p))) : [],
    },
    {
      name: 'year',
      weight: WEIGHTS.year,
      keys: years.length ? selective(years.map((y) => corpus.clausesWith(y))) : [],
    },
    { name: 'context', weight: WEIGHTS.context, keys: probe.context },
  ].filter((l) => !disabled.includes(l.name as Signal));

  const fused = [...reciprocalRankFusion(lists)].map(([clause, score]) => ({ clause, score }));
  // A question without nouns ("明天会下雨吗") is judged on all its words.
  // Words that frame a question ("情况", a city) name no subject: coverage is measured on what is left.
  const found = tokenizer.nouns(topic).filter((w) => !isFraming(w));
  const nouns = [...new Set(found.length > 0 ? found : topicWords.filter((w) => !isFraming(w)))];
  const unknown = nouns.filter((w) => !corpus.knows(w));
  // Rank signals say what is near the question; coverage says which clause names all of it (Lucene's
  // "coordination"). The best candidates are re-ordered by coverage, in steps, and then by fused rank.
  fused.sort((a, b) => b.score - a.score);
  const pieces = new Map(nouns.map((n) => [n, tokenizer.words(n).filter((w) => w !== n && w.length >= 2)]));
  const measured = { nouns, unknown, pieces };
  const step = (clause: number) => Math.round(coverage(corpus, measured, clause) * COVERAGE_STEPS);
  const reranked = fused.slice(0, RERANK).map((hit) => ({ hit, step: step(hit.clause) }));
  reranked.sort((a, b) => b.step - a.step || b.hit.score - a.hit.score);
  const hits = [...reranked.map((r) => r.hit), ...fused.slice(RERANK)];
  return {
    hits,
    coverage: hits[0] ? coverage(corpus, measured, hits[0].clause) : 0,
    unknown,
    nouns,
    pieces,
    topicWords,
  };
}

function toClauses(corpus: Corpus, passages: readonly number[]): number[] {
  return [...new Set(passages.map((p) => corpus.passageClause[p]!).filter((c) => c >= 0))];
}

async function denseClauses(corpus: Corpus, topic: string): Promise<number[]> {
  const vector = await corpus.embeddings.embedQuery(topic);
  const hits = await corpus.vectors.search(vector, CANDIDATES);
  return toClauses(
    corpus,
    hits.filter((h) => h.similarity > 0).map((h) => h.passage),
  );
}

// A heading must carry a good share of the topic: one generic word ("智慧") in a heading says little.
const HEADING_SHARE = 0.34;

/** Of the candidate clauses, those whose heading or path contains the topic's words, ranked by the IDF weight matched. */
function headingMatches(corpus: Corpus, topicWords: readonly string[], candidates: ReadonlySet<number>): number[] {
  const scored: { clause: number; score: number }[] = [];
  if (topicWords.length === 0) return [];
  const idf = topicWords.map((w) => corpus.bm25.idf(w));
  const total = idf.reduce((sum, x) => sum + x, 0);
  for (const i of candidates) {
    const path = corpus.clausePath[i]!;
    let score = 0;
    // The heading is part of the path: a word found in neither is skipped at the cost of one scan.
    for (let k = 0; k < topicWords.length; k++) {
      const w = topicWords[k]!;
      if (!path.includes(w)) continue;
      score += corpus.clauseHeading[i]!.includes(w) ? idf[k]! : idf[k]! / 2;
    }
    if (score > 0 && score >= total * HEADING_SHARE) scored.push({ clause: i, score });
  }
  return scored
    .sort((a, b) => b.score - a.score || a.clause - b.clause)
    .slice(0, CANDIDATES)
    .map((s) => s.clause);
}

// A compound the clause says only in pieces ("网络…覆盖" for "网络覆盖") counts for less than said whole.
const PIECE_CREDIT = 0.75;

/** The share of a compound's pieces a text contains, by length. */
function share(pieces: readonly string[], text: string): number {
  const total = pieces.reduce((sum, p) => sum + p.length, 0);
  return total === 0 ? 0 : pieces.filter((p) => text.includes(p)).reduce((sum, p) => sum + p.length, 0) / total;
}

/**
 * The share of the question's nouns (IDF-weighted) that a clause contains. Nouns unknown to the corpus weigh as
 * much as its rarest word: a question mostly about them is not answered here.
 */
export function coverage(
  corpus: Corpus,
  retrieval: Pick<Retrieval, 'nouns' | 'unknown' | 'pieces'>,
  clause: number,
): number {
  const text = corpus.clauseText[clause]!;
  let total = 0;
  let found = 0;
  for (const w of retrieval.nouns) {
    const unknown = retrieval.unknown.includes(w);
    // A word no passage uses weighs the most, as a rare word does.
    const weight = corpus.bm25.idf(w);
    total += weight;
    if (unknown) continue;
    if (text.includes(w)) found += weight;
    else found += weight * PIECE_CREDIT * share(retrieval.pieces.get(w) ?? [], text);
  }
  return total === 0 ? 0 : found / total;
}
