import type { Cell } from './tables.js';

/** Excel reads a CSV without a byte-order mark in the machine's code page, which garbles Chinese. */
export const BOM = '\uFEFF';

/**
 * A field as RFC 4180 writes it: quoted when it holds a comma, a quote or a line break, quotes doubled. Text that
 * a spreadsheet would run as a formula (=, +, -, @ first) gets a leading apostrophe: questions are user input.
 */
export function csvField(cell: Cell): string {
  if (typeof cell === 'number') return String(cell);
  const text = /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** One record, CRLF-terminated as RFC 4180 says. */
export function csvRecord(cells: readonly Cell[]): string {
  return `${cells.map(csvField).join(',')}\r\n`;
}

/** The document a chunk at a time (BOM and header first), so a long log is sent without being held whole. */
export function* csvChunks(headers: readonly string[], rows: Iterable<readonly Cell[]>): Generator<string> {
  yield BOM + csvRecord(headers);
  let chunk = '';
  for (const row of rows) {
    chunk += csvRecord(row);
    if (chunk.length >= 64 * 1024) {
      yield chunk;
      chunk = '';
    }
  }
  if (chunk !== '') yield chunk;
}
