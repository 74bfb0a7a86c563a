import iconv from 'iconv-lite';
import { createError } from '../src/core/errors.js';

export interface Decoded {
  text: string;
  encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Decodes a seed file. Chinese government texts come as UTF-8 or GBK/GB18030 (a superset of GBK), sometimes
 * UTF-16 with a BOM: a strict UTF-8 decode decides between the first two, since GBK bytes are rarely valid UTF-8.
 */
export function decodeSeed(bytes: Uint8Array, file: string): Decoded {
  if (bytes.length === 0 || bytes.every((b) => b === 0x20 || (b >= 0x09 && b <= 0x0d))) {
    throw createError('SEED_EMPTY', file);
  }
  const decoded = decodeBytes(bytes);
  const text = decoded.text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const control = text.match(/[\u0000-\u0008\u000E-\u001F\uFFFD]/g)?.length ?? 0;
  if (control > 0 && control / text.length > 0.01) {
    throw createError('SEED_BINARY', file, control);
  }
  return { text, encoding: decoded.encoding };
}

function decodeBytes(bytes: Uint8Array): Decoded {
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    return { text: new TextDecoder('utf-16le').decode(bytes), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff)
    return { text: new TextDecoder('utf-16be').decode(bytes), encoding: 'utf-16be' };
  try {
    return { text: utf8.decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: iconv.decode(Buffer.from(bytes), 'gb18030'), encoding: 'gb18030' };
  }
}
