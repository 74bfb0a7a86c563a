import { join } from 'node:path';
import type { EmbeddingsInterface } from '@langchain/core/embeddings';
import { BoundedCache } from '../core/bounded-cache.js';
import { checkEmbedder, restoreEmbedder, type EmbedderSpec } from '../core/embedders.js';
import type { Clause, DocumentMeta, Manifest, Target } from '../core/schema.js';
import { VECTORS_DIR, readIndex } from '../core/store.js';
import { bigrams, learnedWords, Tokenizer } from '../core/tokenizer.js';
import { loadVectors, type VectorIndex } from '../core/vectors.js';
import type { Part } from '../question/parts.js';
import { latinTerms } from '../question/latin.js';
import { TypoCorrector } from '../question/typos.js';
import { PROVINCES } from '../question/places.js';
import { loadSynonyms, type Synonyms } from '../question/synonyms.js';
import { Bm25 } from './bm25.js';

/** A loaded index, shaped for answering: clauses by key, passages mapped to clauses, search structures built. */
export interface Corpus {
  manifest: Manifest;
  documents: DocumentMeta[];
  clauses: Clause[];
  targets: Target[];
  /** Position of each clause by its `clauseKey`. */
  clauseIndex: ReadonlyMap<string, number>;
  /** Targets of each clause, by clause index. */
  clauseTargets: Target[][];
  /** Normalised searchable text of each clause (path, heading, body, units), for presence tests. */
  clauseText: string[];
  /** Normalised heading and path of each clause. */
  clauseHeading: string[];
  clausePath: string[];
  /** Clause index of each passage. */
  passageClause: Int32Array;
  bm25: Bm25;
  vectors: VectorIndex;
  embeddings: EmbeddingsInterface;
  /** jieba with this corpus's own terms (its unit names and headings), apart from any other corpus's. */
  tokenizer: Tokenizer;
  /** Every 责任单位 named in the corpus, longest first so the most specific name matches first. */
  units: string[];
  /** Parts with sub-parts, with their heading normalised for matching. */
  parts: Part[];
  synonyms: Synonyms;
  targetSubjects: string[];
  /** Provinces the policies' titles name: a question naming them narrows nothing. */
  home: string[];
  titles: string[];
  latin: string[];
  /** Corrects likely typos towards the corpus's own terms. */
  typos: TypoCorrector;
  /** Whether any clause's text (its path, body or 责任单位) contains a string. */
  contains(text: string): boolean;
  /** The clauses whose text (path, body or 责任单位) contains a string, in order. */
  clausesWith(text: string): readonly number[];
  /** The clauses that list a 责任单位, in order. */
  clausesOfUnit(unit: string): readonly number[];
  /** Whether the corpus uses a word anywhere. */
  knows(word: string): boolean;
  /** Whether some clause says both words (its heading and text, not its 责任单位). */
  cooccur(a: string, b: string): boolean;
  /** Whether a word the corpus uses picks out a few clauses ("在线教育"), not many ("通信"). */
  specific(word: string): boolean;
}

export const clauseKey = (doc: string, section: string): string => `${doc}#${section}`;

export async function loadCorpus(indexDir: string, embedder: EmbedderSpec, synonymsFile?: string): Promise<Corpus> {
  const stored = await readIndex(indexDir);
  checkEmbedder(stored.manifest, embedder, indexDir);
  const vectors = loadVectors(join(indexDir, VECTORS_DIR), stored.manifest.embedder.dimensions);
  const { clauses, targets, documents } = stored;
  const tokenizer = new Tokenizer(learnedWords(clauses));
  const embeddings = await restoreEmbedder(embedder, stored.embedder, tokenizer);

  const clauseIndex = new Map(clauses.map((c, i) => [clauseKey(c.doc, c.section), i]));
  const clauseTargets = clauses.map((): Target[] => []);
  for (const t of targets) clauseTargets[clauseIndex.get(clauseKey(t.doc, t.section))!]?.push(t);
  // Seeds are repaired at ingest (full-width forms, spacing); lower case is all that separates them from a
  // normalised question, and a full normalisation of a large corpus would add seconds to every start.
  const clauseText = clauses.map((c) => `${c.path} ${c.text} ${c.units.join(' ')}`.toLowerCase());
  const corpusText = clauseText.join('\n');
  const bm25 = Bm25.fromPostings(stored.postings);
  // What each clause says, with its heading and without its 责任单位: where two words are said together.
  const clauseBody = clauses.map((c) => `${c.heading} ${c.text}`.toLowerCase());
  const together = new BoundedCache<boolean>(REMEMBERED_STRINGS);
  const passageClause = Int32Array.from(stored.passages, (p) => clauseIndex.get(clauseKey(p.doc, p.section)) ?? -1);
  const unitsText = [...new Set(clauses.flatMap((c) => c.units))].join('\n').toLowerCase();
  const clauseUnits = clauses.map((c) => c.units.join('\n').toLowerCase());
  // Passages do not index 责任单位: a string found in a unit's name is looked for among the clauses' units too.
  // Remembered a string: a question asks about the same few words and years again and again.
  const containing = new BoundedCache<readonly number[]>(REMEMBERED_STRINGS);
  const clausesWith = (text: string): readonly number[] => {
    let found = containing.get(text);
    if (!found) {
      found = clausesContaining(text, { bm25, passageClause, clauseText });
      if (unitsText.includes(text)) {
        const inUnits = clauseUnits.flatMap((u, i) => (u.includes(text) ? [i] : []));
        found = [...new Set([...found, ...inUnits])].sort((a, b) => a - b);
      }
      containing.set(text, found);
    }
    return found;
  };
  const byUnit = new Map<string, number[]>();
  clauses.forEach((c, i) => {
    for (const u of c.units) {
      const listed = byUnit.get(u) ?? byUnit.set(u, []).get(u)!;
      // A clause that lists a unit twice (inline and in its own paragraph) is still one clause of it.
      if (listed.at(-1) !== i) listed.push(i);
    }
  });
  const contains = (text: string) => unitsText.includes(text) || clausesWith(text).length > 0;
  const knows = (word: string) => bm25.df(word) > 0 || contains(word);

  return {
    manifest: stored.manifest,
    documents,
    clauses,
    targets,
    clauseIndex,
    clauseTargets,
    clauseText,
    clauseHeading: clauses.map((c) => c.heading.toLowerCase()),
    clausePath: clauses.map((c) => c.path.toLowerCase()),
    passageClause,
    bm25,
    vectors,
    embeddings,
    tokenizer,
    units: [...new Set(clauses.flatMap((c) => c.units))].sort((a, b) => b.length - a.length),
    parts: documents.flatMap((d) =>
      d.outline.map((node) => ({ doc: d.id, node, heading: node.heading.toLowerCase().replace(/[“”"'‘’]/g, '') })),
    ),
    // A synonym is for a phrasing the policy does not use; one it does use must not be rewritten away. Looked up
    // through the index: scanning a large corpus's text once per synonym took a fifth of its load.
    synonyms: new Map([...loadSynonyms(synonymsFile)].filter(([from]) => !contains(from))),
    titles: documents.map((d) => d.title.toLowerCase()),
    latin: [...new Set(latinTerms(corpusText))],
    home: PROVINCES.filter((p) => documents.some((d) => d.title.includes(p))),
    targetSubjects: [...new Set(targets.map((t) => t.subject.toLowerCase()).filter((s) => s.length >= 3))],
    typos: TypoCorrector.build(typoVocabulary(clauses, targets, bm25), contains, {
      isWord: (text) => tokenizer.isWord(text),
    }),
    contains,
    clausesWith,
    clausesOfUnit: (unit) => byUnit.get(unit) ?? [],
    knows,
    cooccur(a, b) {
      const key = `${a}\u0000${b}`;
      let found = together.get(key);
      if (found === undefined) {
        found = clausesWith(a).some((i) => clauseBody[i]!.includes(a) && clauseBody[i]!.includes(b));
        together.set(key, found);
      }
      return found;
    },
    specific: (word) => knows(word) && clausesWith(word).length <= Math.max(2, clauses.length * SPECIFIC_SHARE),
  };
}

/**
 * The clauses whose text contains a string. A Chinese string is looked up through the rarest of its character
 * pairs in the BM25 index (passages index every pair), so a large corpus is not scanned whole for each word.
 */
function clausesContaining(
  text: string,
  index: { bm25: Bm25; passageClause: Int32Array; clauseText: readonly string[] },
): number[] {
  const pairs = bigrams(text).map((g) => `#${g}`);
  // A Latin term ("5g", "nb-iot") is indexed as a word of its own.
  if (pairs.length === 0 && index.bm25.df(text) > 0) pairs.push(text);
  if (pairs.length === 0) return index.clauseText.flatMap((t, i) => (t.includes(text) ? [i] : []));
  const rarest = pairs.reduce((a, b) => (index.bm25.df(b) < index.bm25.df(a) ? b : a));
  const candidates = new Set(index.bm25.passagesWith(rarest).map((p) => index.passageClause[p]!));
  return [...candidates].filter((i) => i >= 0 && index.clauseText[i]!.includes(text)).sort((a, b) => a - b);
}

const REMEMBERED_STRINGS = 5000;
// A word in more than this share of clauses names a field, not a thing an enterprise can be matched on.
const SPECIFIC_SHARE = 0.12;
/** The terms a typo may be corrected to: headings, 责任单位, target subjects and the words passages are indexed by. */
function typoVocabulary(clauses: readonly Clause[], targets: readonly Target[], bm25: Bm25): Set<string> {
  const vocabulary = new Set([...clauses.flatMap((c) => [c.heading, ...c.units]), ...targets.map((t) => t.subject)]);
  for (const term of bm25.terms()) if (!term.startsWith('#')) vocabulary.add(term);
  return vocabulary;
}
