import { open, readFile } from 'node:fs/promises';
import { z } from 'zod';
import { LEXICAL_EMBEDDER_ID } from './embed.js';
import { createError, PolicyBotError, type ErrorCode } from './errors.js';
import { SCHEMA_VERSION, type Manifest } from './schema.js';

/** The errors of an index on disk that a rebuild from the seeds repairs; anything else (a wrong embedder) is not. */
const DAMAGE: ReadonlySet<ErrorCode> = new Set([
  'INDEX_UNREADABLE',
  'INDEX_INVALID',
  'INDEX_DIMENSIONS',
  'INDEX_COUNTS',
  'INDEX_EMBEDDER_STATE',
]);

export function isIndexDamage(error: unknown): error is PolicyBotError {
  return error instanceof PolicyBotError && DAMAGE.has(error.code);
}

/** Why a file cannot be read, on one line and without the path the message names already. */
export function unreadableReason(error: unknown): string {
  if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 'the file is missing';
  return ((error as Error).message ?? String(error)).replace(/\s+/g, ' ');
}

/** Reads a JSON file of the index through its schema; every failure is a coded error naming the file. */
export async function readIndexJson<T extends z.ZodType>(file: string, schema: T): Promise<z.infer<T>> {
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    throw createError('INDEX_UNREADABLE', file, unreadableReason(error));
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw createError('INDEX_INVALID', file, issue.path.join('.') || '(root)', issue.message, SCHEMA_VERSION);
  }
  return parsed.data;
}

/** What the manifest says the files hold, checked against what they do hold. */
export function checkCount(file: string, found: number, what: string, expected: number): void {
  if (found !== expected) throw createError('INDEX_COUNTS', file, found, what, expected);
}

// Only the sizes are checked here: restoring the embedder parses the whole state once, later.
const LexicalSizesSchema = z.looseObject({
  id: z.literal(LEXICAL_EMBEDDER_ID),
  dimensions: z.number().int().positive(),
  passages: z.number().int().nonnegative(),
  terms: z.array(z.unknown()),
  df: z.array(z.unknown()),
});

/** The lexical embedder's state must embed queries in the graph's dimensions, fitted to the passages indexed. */
export function checkEmbedderState(file: string, state: unknown, manifest: Manifest): void {
  if (manifest.embedder.id !== LEXICAL_EMBEDDER_ID) return;
  const parsed = LexicalSizesSchema.safeParse(state);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw createError('INDEX_INVALID', file, issue.path.join('.') || '(root)', issue.message, SCHEMA_VERSION);
  }
  const sizes = parsed.data;
  // An empty corpus gets an empty graph of one dimension (ingest/vectors.ts): no vector a query could miss.
  if (sizes.dimensions !== manifest.embedder.dimensions && manifest.counts.passages > 0) {
    throw createError('INDEX_DIMENSIONS', file, sizes.dimensions, manifest.embedder.dimensions);
  }
  checkCount(file, sizes.passages, 'passages', manifest.counts.passages);
  checkCount(file, sizes.df.length, 'document frequencies', sizes.terms.length);
}

const ArgsSchema = z.looseObject({ space: z.literal('cosine'), numDimensions: z.number().int().positive() });

export async function checkGraphArgs(file: string, manifest: Manifest): Promise<void> {
  const args = await readIndexJson(file, ArgsSchema);
  if (args.numDimensions !== manifest.embedder.dimensions) {
    throw createError('INDEX_DIMENSIONS', file, args.numDimensions, manifest.embedder.dimensions);
  }
}

// LangChain's docstore entries: [id, document]; the bot never reads them, but LangChain's HNSWLib.load does.
const DocstoreSchema = z.array(z.tuple([z.string(), z.looseObject({ pageContent: z.string() })]));

export async function checkDocstore(file: string, manifest: Manifest): Promise<void> {
  const entries = await readIndexJson(file, DocstoreSchema);
  checkCount(file, entries.length, 'documents', manifest.counts.passages);
}

/**
 * hnswlib's file begins with its parameters as little-endian 64-bit integers (hnswalg.h, saveIndex): the level-0
 * offset, max elements, element count, bytes an element, then the label and data offsets. hnswlib trusts the
 * dimensions it is given, so only this header tells a graph of other dimensions or another element count apart.
 */
const HEADER_BYTES = 48;

export async function checkGraph(file: string, manifest: Manifest): Promise<void> {
  let header: Buffer;
  let size: number;
  try {
    const handle = await open(file, 'r');
    try {
      size = (await handle.stat()).size;
      header = Buffer.alloc(HEADER_BYTES);
      await handle.read(header, 0, HEADER_BYTES, 0);
    } finally {
      await handle.close();
    }
  } catch (error) {
    throw createError('INDEX_UNREADABLE', file, unreadableReason(error));
  }
  const field = (i: number) => Number(header.readBigUInt64LE(i * 8));
  const [count, bytesPerElement, labelOffset, dataOffset] = [field(2), field(3), field(4), field(5)];
  // The level-0 block of every element follows a header of 96 bytes (13 fields) in hnswlib 0.8.
  const least = 96 + count * bytesPerElement;
  if (size < least) {
    throw createError('INDEX_UNREADABLE', file, `truncated: ${size} bytes, at least ${least} expected`);
  }
  const dimensions = (labelOffset - dataOffset) / Float32Array.BYTES_PER_ELEMENT;
  if (dimensions !== manifest.embedder.dimensions) {
    throw createError('INDEX_DIMENSIONS', file, dimensions, manifest.embedder.dimensions);
  }
  checkCount(file, count, 'vectors', manifest.counts.passages);
}
