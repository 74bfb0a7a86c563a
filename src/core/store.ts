import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { createError } from './errors.js';
import { writeJson } from './json-file.js';
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
}

const FILES = {
  manifest: 'manifest.json',
  documents: 'documents.json',
  clauses: 'clauses.json',
  targets: 'targets.json',
  passages: 'passages.json',
  embedder: 'embedder.json',
} as const;
export const VECTORS_DIR = 'hnsw';

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
  await writeVectors(join(staging, VECTORS_DIR));
  const old = `${dir}.old-${process.pid}`;
  if (existsSync(dir)) await rename(dir, old);
  await rename(staging, dir);
  await rm(old, { recursive: true, force: true });
}

/** The manifest alone, or null when there is no readable index: enough to decide whether to rebuild. */
export async function readManifest(dir: string): Promise<Manifest | null> {
  try {
    const raw: unknown = JSON.parse(await readFile(join(dir, FILES.manifest), 'utf8'));
    const parsed = ManifestSchema.safeParse(raw);
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export async function readIndex(dir: string): Promise<StoredIndex> {
  if (!existsSync(join(dir, FILES.manifest))) {
    throw createError('INDEX_MISSING', dir);
  }
  const read = async <T extends z.ZodType>(key: keyof typeof FILES, schema: T): Promise<z.infer<T>> => {
    const file = join(dir, FILES[key]);
    let raw: unknown;
    try {
      raw = JSON.parse(await readFile(file, 'utf8'));
    } catch (error) {
      throw createError('INDEX_UNREADABLE', file, (error as Error).message);
    }
    const parsed = schema.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw createError('INDEX_INVALID', file, issue.path.join('.') || '(root)', issue.message, SCHEMA_VERSION);
    }
    return parsed.data;
  };
  const [manifest, documents, clauses, targets, passages, embedder] = await Promise.all([
    read('manifest', ManifestSchema),
    read('documents', z.array(DocumentMetaSchema)),
    read('clauses', z.array(ClauseSchema)),
    read('targets', z.array(TargetSchema)),
    read('passages', z.array(PassageSchema)),
    read('embedder', z.unknown()),
  ]);
  return { manifest, documents, clauses, targets, passages, embedder };
}
