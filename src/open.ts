import type { EmbedderSpec } from './core/embedders.js';
import { DEFAULT_EMBEDDER, refreshIndex } from '../ingest/run.js';
import type { IngestIssue } from './core/schema.js';
import { answerQuestion, conversationMemory } from './answer/answer.js';
import type { PolicyBot } from './bot.js';
import { normalizeQuestion } from './question/normalize.js';
import { findUnits } from './question/units.js';
import { clauseKey, loadCorpus } from './retrieval/corpus.js';

export interface OpenOptions {
  indexDir: string;
  /**
   * When given, the index is built from these seeds if it is missing, and rebuilt with its own settings when they
   * changed; an index built with another embedder is refused. Without them the index is read as it is.
   */
  seedsDir?: string | null;
  embedder?: EmbedderSpec;
  /** An admin's synonym table, merged over the bundled one. */
  synonymsFile?: string;
  /** Told about ingest problems (a bad seed file) when the index is built on first use. */
  onIssues?: (issues: IngestIssue[]) => void;
  /** The day whether a plan's period has ended is judged against; today when not given. */
  today?: Date;
}

/** Opens the index (building it from the seeds on first use) and returns the bot that answers from it. */
export async function openBot(options: OpenOptions): Promise<PolicyBot> {
  const embedder = options.embedder ?? DEFAULT_EMBEDDER;
  if (options.seedsDir) {
    const result = await refreshIndex({ seedsDir: options.seedsDir, outDir: options.indexDir, embedder });
    if (result.status === 'built' && result.issues.length > 0) options.onIssues?.(result.issues);
  }
  const corpus = await loadCorpus(options.indexDir, embedder, options.synonymsFile);
  const engine = { corpus, today: () => options.today ?? new Date(), conversations: conversationMemory() };
  return {
    documents: corpus.documents,
    clauses: corpus.clauses,
    targets: corpus.targets,
    ask: (question, askOptions) => answerQuestion(engine, question, askOptions),
    clause: (doc, section) => {
      const i = corpus.clauseIndex.get(clauseKey(doc, section));
      return i === undefined ? undefined : corpus.clauses[i];
    },
    clausesForUnit(unit) {
      const found = findUnits(normalizeQuestion(unit), corpus.units)[0] ?? null;
      return { unit: found, clauses: found ? corpus.clausesOfUnit(found).map((i) => corpus.clauses[i]!) : [] };
    },
    findTargets(keyword = '') {
      const k = normalizeQuestion(keyword);
      // Corpus text is repaired and simplified at ingest: lower case is all that separates it from a normalised keyword.
      return k
        ? corpus.targets.filter((t) => `${t.subject} ${t.quote}`.toLowerCase().includes(k))
        : [...corpus.targets];
    },
  };
}
