import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { createError, type PolicyBotError } from '../src/core/errors.js';
import { isIndexDamage } from '../src/core/integrity.js';
import { documentId, ingestDocument, sha256, type IngestedDocument } from './document.js';
import { isLexicalEmbedder } from '../src/core/embed.js';
import { checkEmbedder, embedderId, ingestEmbedder, type EmbedderSpec } from '../src/core/embedders.js';
import { isMetadataFile, metadataDocId, readMetadata } from './metadata.js';
import { indexPassages } from './index-passages.js';
import { buildPassages } from './passages.js';
import { startSegmenter } from './segmenter.js';
import { createIssue, SCHEMA_VERSION, type IngestIssue, type Manifest, type PassageMode } from '../src/core/schema.js';
import { readIndex, readManifest, writeIndex } from '../src/core/store.js';
import { learnedWords } from '../src/core/tokenizer.js';
import { DEFAULT_LOCK_WAIT_MS, unwritable, withIngestLock } from './lock.js';

export interface IngestOptions {
  seedsDir: string;
  outDir: string;
  embedder?: EmbedderSpec;
  passageMode?: PassageMode;
  /** Rebuild even when the index matches the seeds. */
  force?: boolean;
  /**
   * A seed (or metadata) file larger than this many bytes is reported and skipped without being read; the others
   * are ingested. `DEFAULT_MAX_SEED_BYTES` when not given.
   */
  maxSeedBytes?: number;
  /**
   * How long to wait for another ingest that is writing the same index (it holds `DIR.lock`) before refusing with
   * INGEST_LOCKED; after the wait, an index the other one built from the same seeds is kept. `DEFAULT_LOCK_WAIT_MS`.
   */
  lockWaitMs?: number;
}

export interface IngestResult {
  status: 'built' | 'up-to-date';
  manifest: Manifest;
  issues: IngestIssue[];
}

export const DEFAULT_EMBEDDER: EmbedderSpec = { provider: 'lexical' };
export const DEFAULT_PASSAGE_MODE: PassageMode = 'clause';
// The policy is 15 KB. A seed of megabytes is not one policy: a 30 MB one took an ingest to 2.8 GB of memory.
export const DEFAULT_MAX_SEED_BYTES = 5 * 1024 * 1024;
export { DEFAULT_LOCK_WAIT_MS };

interface Source {
  file: string;
  bytes: Buffer;
  sha256: string;
}

type SourceRecord = Manifest['sources'][number];

/** What a seeds directory holds: the policies, and the metadata files beside them by document id. */
interface Seeds {
  seeds: Source[];
  metadata: Map<string, Source>;
  /** Every file, in file name order, those skipped for their size too: what the manifest records. */
  all: SourceRecord[];
  /** Files that could not be read or are too large: reported, the others ingested. */
  skipped: IngestIssue[];
}

/** What the index needs to be built from and with. */
interface Wanted {
  sources: SourceRecord[];
  embedder: string;
  passageMode: PassageMode;
}

/**
 * Reads every seed, and rebuilds the index only when a seed or metadata file, the embedder or the passage mode
 * changed, or when the index on disk is damaged (it is read whole to tell). One ingest at a time writes an index.
 */
export async function ingest(options: IngestOptions): Promise<IngestResult> {
  return build(options, { reader: false });
}

/**
 * For the commands that read the index: builds it on first use; rebuilds it when the seeds changed, with the
 * settings it was built with (its passage mode); refuses, with the fix, an index built with another embedder.
 * Nothing else is ever written: a reader never changes how the index was built. The index is not read whole here:
 * the reader loads it next, and calls `rebuildIndex` if it is damaged.
 */
export async function refreshIndex(options: {
  seedsDir: string;
  outDir: string;
  embedder: EmbedderSpec;
  maxSeedBytes?: number;
}): Promise<IngestResult> {
  const existing = await readManifest(options.outDir).catch(orNullIfDamaged);
  // An index of an earlier version of the lexical embedder is rebuilt, as one of older seeds would be.
  const upgrade = existing && isLexicalEmbedder(existing.embedder.id) && options.embedder.provider === 'lexical';
  if (existing && !upgrade) checkEmbedder(existing, options.embedder, options.outDir);
  return build({ ...options, passageMode: existing?.passageMode ?? DEFAULT_PASSAGE_MODE }, { reader: true });
}

/** Rebuilds a damaged index from the seeds, with the settings it was built with when its manifest still says. */
export async function rebuildIndex(
  options: { seedsDir: string; outDir: string; embedder: EmbedderSpec; maxSeedBytes?: number },
  damage: PolicyBotError,
): Promise<IngestResult> {
  const existing = await readManifest(options.outDir).catch(orNullIfDamaged);
  const passageMode = existing?.passageMode ?? DEFAULT_PASSAGE_MODE;
  return build({ ...options, passageMode, force: true }, { reader: true, damage });
}

const orNullIfDamaged = (error: unknown): null => {
  if (isIndexDamage(error)) return null;
  throw error;
};

/**
 * `reader`: called by a command that reads the index, which checks the index whole as it loads it; it takes the
 * lock only to write. The `ingest` command takes it at once, so it waits for another ingest before it judges the
 * index, reads the index whole when the manifest says it is current, and removes what killed ingests left.
 */
async function build(
  options: IngestOptions,
  context: { reader: boolean; damage?: PolicyBotError },
): Promise<IngestResult> {
  const embedder = options.embedder ?? DEFAULT_EMBEDDER;
  const passageMode = options.passageMode ?? DEFAULT_PASSAGE_MODE;
  const seeds = await readSeeds(options.seedsDir, options.maxSeedBytes ?? DEFAULT_MAX_SEED_BYTES);
  const wanted: Wanted = { sources: seeds.all, embedder: embedderId(embedder), passageMode };
  if (context.reader && !options.force) {
    // A reader of a current index writes nothing, not even a lock file.
    const before = await indexState(options.outDir, wanted, false);
    if (before.current) return upToDate(before.current);
  }
  return withIngestLock(options.outDir, options.lockWaitMs ?? DEFAULT_LOCK_WAIT_MS, async () => {
    // Another ingest may have built it from these seeds while this one waited for the lock.
    const state = await indexState(options.outDir, wanted, !context.reader && !options.force);
    if (!options.force && state.current) return upToDate(state.current);
    const built = await buildIndex(options.outDir, seeds, embedder, passageMode);
    const damage = context.damage ?? state.damage;
    if (!damage) return built;
    // Said once, when it happens: the manifest keeps only the seeds' issues.
    return { ...built, issues: [rebuiltIssue(options.outDir, options.seedsDir, damage), ...built.issues] };
  });
}

/** The manifest when the index is current; when `verify`, only if every file of it checks out. */
async function indexState(
  dir: string,
  wanted: Wanted,
  verify: boolean,
): Promise<{ current: Manifest | null; damage: PolicyBotError | null }> {
  try {
    const manifest = await readManifest(dir);
    if (!manifest || !isCurrent(manifest, wanted)) return { current: null, damage: null };
    if (verify) await readIndex(dir);
    return { current: manifest, damage: null };
  } catch (error) {
    if (isIndexDamage(error)) return { current: null, damage: error };
    throw error;
  }
}

const upToDate = (manifest: Manifest): IngestResult => ({ status: 'up-to-date', manifest, issues: manifest.issues });

/** The warning that an index was rebuilt, naming what was wrong without the fix being applied. */
function rebuiltIssue(dir: string, seedsDir: string, damage: PolicyBotError): IngestIssue {
  const problem = damage.message.replace(/; run `policybot ingest --force`/, '');
  return createIssue('warning', dir, null, 'INDEX_REBUILT', dir, seedsDir, problem);
}

/** Each seed through its document's pipeline, with its metadata file; a metadata file with no seed is reported. */
function parseSeeds(
  seeds: Source[],
  metadata: Map<string, Source>,
  skipped: IngestIssue[],
): { documents: IngestedDocument[]; issues: IngestIssue[] } {
  const issues: IngestIssue[] = [...skipped];
  const documents: IngestedDocument[] = [];
  for (const source of seeds) {
    const metaFile = metadata.get(documentId(source.file));
    const facts = metaFile ? readMetadata(metaFile.file, metaFile.bytes) : { metadata: null, issues: [] };
    const result = ingestDocument(source.file, source.bytes, facts.metadata);
    issues.push(...facts.issues, ...result.issues);
    if (result.document) documents.push(result.document);
  }
  const ids = new Set(seeds.map((s) => documentId(s.file)));
  for (const [id, orphan] of metadata) {
    if (ids.has(id)) continue;
    issues.push(createIssue('warning', orphan.file, null, 'SEED_METADATA_ORPHAN', orphan.file, id));
  }
  return { documents, issues };
}

/** The seeds parsed into documents, and their passages cut, counted and embedded into the graph. */
async function parseAndIndex({ seeds, metadata, skipped }: Seeds, embedder: EmbedderSpec, passageMode: PassageMode) {
  // Started first, so a worker's dictionaries load while the seeds are parsed.
  const segmenter = startSegmenter(seeds.reduce((sum, s) => sum + s.bytes.length, 0));
  try {
    const embedding = await ingestEmbedder(embedder);
    const parsed = parseSeeds(seeds, metadata, skipped);
    const clauses = parsed.documents.flatMap((d) => d.clauses);
    const passages = buildPassages(clauses, passageMode);
    const indexed = await indexPassages(passages, learnedWords(clauses), segmenter, embedding);
    return { ...parsed, clauses, passages, indexed };
  } finally {
    await segmenter.stop();
  }
}

async function buildIndex(
  outDir: string,
  seeds: Seeds,
  embedder: EmbedderSpec,
  passageMode: PassageMode,
): Promise<IngestResult> {
  const { documents, issues, clauses, passages, indexed } = await parseAndIndex(seeds, embedder, passageMode);
  const { graph, postings, embedder: fitted } = indexed;
  const targets = documents.flatMap((d) => d.targets);
  const manifest: Manifest = {
    schemaVersion: SCHEMA_VERSION,
    createdAt: new Date().toISOString(),
    sources: seeds.all,
    embedder: { id: fitted.id, dimensions: graph.dimensions },
    metric: 'cosine',
    passageMode,
    counts: {
      documents: documents.length,
      clauses: clauses.length,
      targets: targets.length,
      passages: passages.length,
    },
    issues,
  };
  try {
    await writeIndex(
      outDir,
      {
        manifest,
        documents: documents.map((d) => d.meta),
        clauses,
        targets,
        passages,
        embedder: fitted.state,
        postings,
      },
      (dir) => graph.save(dir, passages),
    );
  } catch (error) {
    await graph.stop();
    // A full disk or a read-only directory is said in one line; anything else is a bug, with its stack.
    if ((error as NodeJS.ErrnoException).code) throw unwritable(outDir, error);
    throw error;
  }
  return { status: 'built', manifest, issues };
}

function isCurrent(manifest: Manifest, { sources, embedder, passageMode }: Wanted): boolean {
  return (
    manifest.embedder.id === embedder &&
    manifest.passageMode === passageMode &&
    manifest.sources.length === sources.length &&
    manifest.sources.every((s, i) => s.file === sources[i]!.file && s.sha256 === sources[i]!.sha256)
  );
}

/**
 * The seeds, and apart from them the `NAME.meta.json` files, which are never ingested as policies. A file over
 * `maxBytes` is never read whole: it is hashed as a stream (so the manifest notices when it changes) and skipped.
 */
async function readSeeds(dir: string, maxBytes: number): Promise<Seeds> {
  let names: string[];
  try {
    names = (await readdir(dir, { withFileTypes: true }))
      .filter((e) => e.isFile() && !e.name.startsWith('.'))
      .map((e) => e.name)
      .sort();
  } catch {
    throw createError('SEEDS_MISSING', dir);
  }
  if (!names.some((name) => !isMetadataFile(name))) {
    throw createError('SEEDS_EMPTY', dir);
  }
  const skipped: IngestIssue[] = [];
  const read = await Promise.all(
    names.map(async (name): Promise<{ record: SourceRecord; source: Source | null } | null> => {
      const file = join(dir, name);
      try {
        const { size } = await stat(file);
        if (size > maxBytes) {
          skipped.push(createIssue('error', file, null, 'SEED_TOO_LARGE', file, size, maxBytes));
          return { record: { file, sha256: await hashFile(file), bytes: size }, source: null };
        }
        const bytes = await readFile(file);
        const source = { file, bytes, sha256: sha256(bytes) };
        return { record: { file, sha256: source.sha256, bytes: bytes.length }, source };
      } catch (error) {
        const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
        skipped.push(createIssue('error', file, null, 'SEED_UNREADABLE', file, reason));
        return null;
      }
    }),
  );
  const found = read.filter((r) => r !== null);
  const sources = found.flatMap((r) => (r.source ? [r.source] : []));
  return {
    seeds: sources.filter((s) => !isMetadataFile(s.file)),
    metadata: new Map(sources.filter((s) => isMetadataFile(s.file)).map((s) => [metadataDocId(s.file), s])),
    all: found.map((r) => r.record),
    // In file name order, as they were before some were read and others hashed.
    skipped: skipped.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0)),
  };
}

async function hashFile(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}
