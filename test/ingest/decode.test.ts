import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeSeed } from '../../ingest/decode.js';
import { ErrorCode, PolicyBotError } from '../../src/core/errors.js';

const TEXT = '山东省数字经济促进办法\n\n第一条 为了促进数字经济发展，制定本办法。\n';

describe('decodeSeed', () => {
  it('reads UTF-8', () => {
    expect(decodeSeed(Buffer.from(TEXT, 'utf8'), 'a.txt')).toEqual({ text: TEXT, encoding: 'utf-8' });
  });

  it('detects and decodes GBK', () => {
    const bytes = iconv.encode(TEXT, 'gbk');
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
    expect(decodeSeed(bytes, 'a.txt')).toEqual({ text: TEXT, encoding: 'gb18030' });
  });

  it('reads UTF-16 with a BOM and drops the BOM and CRLF line ends', () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(TEXT.replace(/\n/g, '\r\n'), 'utf16le')]);
    expect(decodeSeed(bytes, 'a.txt')).toEqual({ text: TEXT, encoding: 'utf-16le' });
  });

  it('rejects an empty or blank file, naming it', () => {
    for (const bytes of [Buffer.alloc(0), Buffer.from(' \n\n\t ')]) {
      const error = catchError(() => decodeSeed(bytes, 'seeds/empty.txt'));
      expect(error.code).toBe(ErrorCode.SEED_EMPTY);
      expect(error.message).toContain('seeds/empty.txt');
    }
  });

  it('rejects a binary file, naming it', () => {
    const png = Buffer.from([
      0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 0, 1, 0, 0, 0, 1, 0, 8,
      6, 0, 0, 0,
    ]);
    const error = catchError(() => decodeSeed(png, 'seeds/logo.png'));
    expect(error.code).toBe(ErrorCode.SEED_BINARY);
    expect(error.message).toContain('seeds/logo.png');
  });
});

function catchError(fn: () => unknown): PolicyBotError {
  try {
    fn();
  } catch (error) {
    if (error instanceof PolicyBotError) return error;
    throw error;
  }
  throw new Error('expected a PolicyBotError');
}
