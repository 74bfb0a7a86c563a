import { readFile, writeFile } from 'node:fs/promises';
import { createError } from './errors.js';
import { unreadableReason } from './integrity.js';
import type { Postings } from './postings.js';
import { SCHEMA_VERSION } from './schema.js';

// bm25.bin: a header of 32-bit integers, the four arrays, then the terms as UTF-8, one a line.
const MAGIC = 0x35324d42; // "BM25", little-endian
const HEADER = ['magic', 'version', 'passages', 'terms', 'pairs'] as const;

export async function writePostings(file: string, postings: Postings): Promise<void> {
  const { terms, lengths, starts, ends, pairs } = postings;
  const header = Int32Array.from([MAGIC, SCHEMA_VERSION, lengths.length, terms.length, pairs.length]);
  const bytes = (a: Int32Array) => Buffer.from(a.buffer, a.byteOffset, a.byteLength);
  const text = Buffer.from(terms.join('\n'), 'utf8');
  await writeFile(file, Buffer.concat([header, lengths, starts, ends, pairs].map(bytes).concat(text)));
}

/**
 * Reads bm25.bin whole and checks it against itself and the manifest's passage count: every range inside the pairs,
 * every pair naming a passage of the index with a positive count. Anything else is a coded error naming the file.
 */
export async function readPostings(file: string, passages: number): Promise<Postings> {
  let buffer: Buffer;
  try {
    buffer = await readFile(file);
  } catch (error) {
    throw createError('INDEX_UNREADABLE', file, unreadableReason(error));
  }
  const invalid = (where: string, problem: string) =>
    createError('INDEX_INVALID', file, where, problem, SCHEMA_VERSION);
  const ints = (offset: number, count: number) => {
    // A copy: the file's buffer may not be aligned for 32-bit reads.
    const end = offset + count * 4;
    if (end > buffer.length) throw createError('INDEX_UNREADABLE', file, `truncated: ${buffer.length} bytes`);
    return new Int32Array(buffer.buffer.slice(buffer.byteOffset + offset, buffer.byteOffset + end));
  };
  const header = ints(0, HEADER.length);
  const [magic, version, passageCount, termCount, pairCount] = header as unknown as number[];
  if (magic !== MAGIC) throw invalid('header', 'not a BM25 postings file');
  if (version !== SCHEMA_VERSION) throw invalid('header', `schema version ${version}`);
  if (passageCount !== passages) throw createError('INDEX_COUNTS', file, passageCount!, 'passages', passages);
  let offset = HEADER.length * 4;
  const next = (count: number) => {
    const array = ints(offset, count);
    offset += count * 4;
    return array;
  };
  const lengths = next(passageCount!);
  const starts = next(termCount!);
  const ends = next(termCount!);
  const pairs = next(pairCount!);
  const terms = termCount === 0 ? [] : buffer.subarray(offset).toString('utf8').split('\n');
  if (terms.length !== termCount) throw createError('INDEX_COUNTS', file, terms.length, 'terms', termCount!);
  for (let n = 0; n < termCount!; n++) {
    const [start, end] = [starts[n]!, ends[n]!];
    if (start < 0 || end > pairCount! || end < start || (end - start) % 2 !== 0) {
      throw invalid(`term ${n}`, `posting range ${start}–${end} is outside the ${pairCount} pairs`);
    }
  }
  for (let i = 0; i < pairCount!; i += 2) {
    if (pairs[i]! < 0 || pairs[i]! >= passageCount! || pairs[i + 1]! <= 0) {
      throw invalid(`pair ${i / 2}`, `(${pairs[i]}, ${pairs[i + 1]}) is not a passage and a count`);
    }
  }
  return { terms, lengths, starts, ends, pairs };
}
