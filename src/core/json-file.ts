import { open } from 'node:fs/promises';

const CHUNK = 1000;

/**
 * Writes JSON like `JSON.stringify`, but an array a chunk of items at a time: a large corpus's passages as one
 * string would take hundreds of megabytes at the peak of an ingest.
 */
export async function writeJson(file: string, value: unknown): Promise<void> {
  const handle = await open(file, 'w');
  try {
    if (!Array.isArray(value)) {
      await handle.write(JSON.stringify(value));
      return;
    }
    await handle.write('[');
    for (let start = 0; start < value.length; start += CHUNK) {
      const chunk = value.slice(start, start + CHUNK).map((item) => JSON.stringify(item) ?? 'null');
      await handle.write(`${start > 0 ? ',' : ''}${chunk.join(',')}`);
    }
    await handle.write(']');
  } finally {
    await handle.close();
  }
}
