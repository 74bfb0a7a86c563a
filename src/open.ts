import { languageModel, type LlmSpec } from './core/chat-model.js';
import type { EmbedderSpec } from './core/embedders.js';
import { DEFAULT_EMBEDDER, rebuildIndex, refreshIndex } from '../ingest/run.js';
import { isIndexDamage } from './core/integrity.js';
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
   * changed or when it is damaged; an index built with another embedder is refused. Without them the index is read
   * as it is, and a damaged one is refused with the fix.
   */
  seedsDir?: string | null;
  /** Seed files over this size are skipped when the index is built (`DEFAULT_MAX_SEED_BYTES` when not given). */
  maxSeedBytes?: number;
  embedder?: EmbedderSpec;
  /** An admin's synonym table, merged over the bundled one. */
  synonymsFile?: string;
  /** Told about ingest problems (a bad seed file) when the index is built, and that a damaged one was rebuilt. */
  onIssues?: (issues: IngestIssue[]) => void;
  /** The day whether a plan's period has ended is judged against; today when not given. */
  today?: Date;
  /** A chat model that also reads questions and may phrase answers; none by default. */
  llm?: LlmSpec;
  /** Where the model's failures and rejected rewrites are logged (standard error when not given). */
  llmLog?: (line: string) => void;
}

/** Opens the index (building it from the seeds on first use) and returns the bot that answers from it. */
export async function openBot(options: OpenOptions): Promise<PolicyBot> {
  const embedder = options.embedder ?? DEFAULT_EMBEDDER;
  const { seedsDir, indexDir: outDir, maxSeedBytes } = options;
  const load = () => loadCorpus(outDir, embedder, options.synonymsFile);
  if (seedsDir) {
    const result = await refreshIndex({ seedsDir, outDir, embedder, maxSeedBytes });
    if (result.status === 'built' && result.issues.length > 0) options.onIssues?.(result.issues);
  }
  // Loading checks every file against the manifest; with the seeds at hand, what it finds damaged is rebuilt.
  const corpus = await load().catch(async (error: unknown) => {
    if (!seedsDir || !isIndexDamage(error)) throw error;
    const rebuilt = await rebuildIndex({ seedsDir, outDir, embedder, maxSeedBytes }, error);
    options.onIssues?.(rebuilt.issues);
    return load();
  });
  const model = options.llm && languageModel(options.llm, options.llmLog);
  const engine = { corpus, today: () => options.today ?? new Date(), conversations: conversationMemory(), model };
  return {
    modelUsage: model?.usage,
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
