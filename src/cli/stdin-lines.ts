import { createError } from '../core/errors.js';
import type { InputLine } from '../core/input-lines.js';

/**
 * `-` for an input file: standard input read to its end, cut as readInputLines cuts a file (non-blank lines,
 * trimmed, numbered from 1). Read from a stream, not fd 0, so a command run in-process reads the input it is given.
 */
export async function readStdinLines(stdin: NodeJS.ReadableStream, what: string): Promise<InputLine[]> {
  const chunks: Buffer[] = [];
  try {
    for await (const chunk of stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  } catch (error) {
    throw createError('INPUT_UNREADABLE', what, '-', (error as NodeJS.ErrnoException).code ?? (error as Error).message);
  }
  return Buffer.concat(chunks)
    .toString('utf8')
    .split('\n')
    .map((line, i) => ({ line: line.trim(), n: i + 1 }))
    .filter(({ line }) => line.length > 0);
}
