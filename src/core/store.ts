import { existsSync } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { createError } from './errors.js';
import {
  checkCount,
  checkDocstore,
  checkEmbedderState,
  checkGraph,
  checkGraphArgs,
  readIndexJson,
} from './integrity.js';
import { writeJson } from './json-file.js';
import { readPostings, writePostings } from './postings-file.js';
import type { Postings } from './postings.js';
import {
  ClauseSchema,
  DocumentMetaSchema,
  ManifestSchema,
  PassageSchema,
  SCHEMA_VERSION,
  TargetSchema,
  type Clause,
  type DocumentMeta,
  type Manifest,
  type Passage,
  type Target,
} from './schema.js';

/** Everything in an index directory except the vectors, which live in `hnsw/`. */
export interface StoredIndex {
  manifest: Manifest;
  documents: DocumentMeta[];
  clauses: Clause[];
  targets: Target[];
  passages: Passage[];
  /** The embedder's own state (the lexical embedder's document frequencies); null for a remote embedder. */
  embedder: unknown;
  /** BM25's posting lists, counted at ingest. */
  postings: Postings;
}

const FILES = {
  manifest: 'manifest.json',
  documents: 'documents.json',
  clauses: 'clauses.json',
  targets: 'targets.json',
  passages: 'passages.json',
  embedder: 'embedder.json',
} as const;
const POSTINGS_FILE = 'bm25.bin';
export const VECTORS_DIR = 'hnsw';
/** The files of `VECTORS_DIR`, in the layout of LangChain's HNSWLib. */
export const VECTOR_FILES = { args: 'args.json', graph: 'hnswlib.index', docstore: 'docstore.json' } as const;

/** Writes into a sibling directory and swaps it in, so a reader never sees half an index. */
export async function writeIndex(
  dir: string,
  index: StoredIndex,
  writeVectors: (dir: string) => Promise<void>,
): Promise<void> {
  const staging = `${dir}.tmp-${process.pid}`;
  await rm(staging, { recursive: true, force: true });
  await mkdir(staging, { recursive: true });
  // One file at a time: a large corpus's JSON held all at once would double the peak memory of an ingest.
  for (const key of Object.keys(FILES) as (keyof typeof FILES)[])
    await writeJson(join(staging, FILES[key]), index[key]);
  await writePostings(join(staging, POSTINGS_FILE), index.postings);
  await writeVectors(join(staging, VECTORS_DIR));
  const old = `${dir}.old-${process.pid}`;
  if (existsSync(dir)) await rename(dir, old);
  await rename(staging, dir);
  await rm(old, { recursive: true, force: true });
}

/**
 * The manifest alone, enough to decide whether to rebuild: null when there is none; a manifest that cannot be read
 * or validated (a damaged one, or one of another schema version) is a coded error naming the file.
 */
export async function readManifest(dir: string): Promise<Manifest | null> {
  const file = join(dir, FILES.manifest);
  if (!existsSync(file)) return null;
  return readIndexJson(file, ManifestSchema);
}

/**
 * Everything in an index directory, checked against its manifest: the counts of documents, clauses, targets and
 * passages, the embedder's dimensions and state, and the vector files (their dimensions, vectors and documents).
 * Anything damaged is a coded error naming the file, what is wrong and the fix, never a half-read index.
 */
export async function readIndex(dir: string): Promise<StoredIndex> {
  const manifest = await readManifest(dir);
  if (!manifest) throw createError('INDEX_MISSING', dir);
  const file = (key: keyof typeof FILES) => join(dir, FILES[key]);
  const [documents, clauses, targets, passages, embedder] = await Promise.all([
    readIndexJson(file('documents'), z.array(DocumentMetaSchema)),
    readIndexJson(file('clauses'), z.array(ClauseSchema)),
    readIndexJson(file('targets'), z.array(TargetSchema)),
    readIndexJson(file('passages'), z.array(PassageSchema)),
    readIndexJson(file('embedder'), z.unknown()),
  ]);
  const { counts } = manifest;
  checkCount(file('documents'), documents.length, 'documents', counts.documents);
  checkCount(file('clauses'), clauses.length, 'clauses', counts.clauses);
  checkCount(file('targets'), targets.length, 'targets', counts.targets);
  checkCount(file('passages'), passages.length, 'passages', counts.passages);
  checkPassages(file('passages'), passages, clauses);
  checkEmbedderState(file('embedder'), embedder, manifest);
  const postings = await readPostings(join(dir, POSTINGS_FILE), counts.passages);
  const vectors = join(dir, VECTORS_DIR);
  await checkGraphArgs(join(vectors, VECTOR_FILES.args), manifest);
  await checkGraph(join(vectors, VECTOR_FILES.graph), manifest);
  await checkDocstore(join(vectors, VECTOR_FILES.docstore), manifest);
  return { manifest, documents, clauses, targets, passages, embedder, postings };
}

/** A passage is found by its id (the graph's label) and answers with its clause: both must hold. */
function checkPassages(file: string, passages: readonly Passage[], clauses: readonly Clause[]): void {
  const keys = new Set(clauses.map((c) => `${c.doc}#${c.section}`));
  passages.forEach((p, i) => {
    const problem =
      p.id !== i ? `id ${p.id} is not its position` : keys.has(`${p.doc}#${p.section}`) ? null : 'names no clause';
    if (problem) throw createError('INDEX_INVALID', file, `${i}`, problem, SCHEMA_VERSION);
  });
}
