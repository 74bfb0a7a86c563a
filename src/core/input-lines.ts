import { readFileSync } from 'node:fs';
import type { z } from 'zod';
import { createError } from './errors.js';

export interface InputLine {
  line: string;
  /** 1-based, for error messages that point at the line. */
  n: number;
}

/** The non-blank lines of a file, trimmed; an unreadable file is an error naming it and why. */
export function readInputLines(file: string, what: string): InputLine[] {
  try {
    return inputLines(readFileSync(file, 'utf8'));
  } catch (error) {
    throw unreadable(what, file, error);
  }
}

/**
 * The same of a stream read to its end: standard input, for `-`. A stream, not fd 0, so a command run in-process
 * reads the input it is given.
 */
export async function readStreamLines(stream: NodeJS.ReadableStream, what: string): Promise<InputLine[]> {
  const chunks: Buffer[] = [];
  try {
    for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  } catch (error) {
    throw unreadable(what, '-', error);
  }
  return inputLines(Buffer.concat(chunks).toString('utf8'));
}

function inputLines(text: string): InputLine[] {
  return text
    .split('\n')
    .map((line, i) => ({ line: line.trim(), n: i + 1 }))
    .filter(({ line }) => line.length > 0);
}

const unreadable = (what: string, file: string, error: unknown) =>
  createError('INPUT_UNREADABLE', what, file, (error as NodeJS.ErrnoException).code ?? (error as Error).message);

/** One JSON line read through its schema; an error names the file, the line and the first field at fault. */
export function parseJsonLine<S extends z.ZodType>(schema: S, what: string, file: string, { line, n }: InputLine) {
  let raw: unknown;
  try {
    raw = JSON.parse(line);
  } catch {
    throw createError('INPUT_INVALID', what, file, n, 'not JSON');
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw createError('INPUT_INVALID', what, file, n, `${issue.path.join('.') || '(line)'} ${issue.message}`);
  }
  return parsed.data as z.output<S>;
}
