import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EmbedderSpec } from '../../src/core/embedders.js';
import { ingest } from '../../ingest/run.js';
import { openBot } from '../../src/open.js';
import { SEEDS_DIR, tempDir } from '../helpers/index.js';

const DIMENSIONS = 16;

/** A stand-in OpenAI-compatible embeddings endpoint on loopback: vectors are character counts, hashed. */
function embed(text: string): number[] {
  const v = new Array<number>(DIMENSIONS).fill(0);
  for (const ch of text) v[ch.codePointAt(0)! % DIMENSIONS]! += 1;
  return v;
}

let server: Server;
const inputs: string[][] = [];
let spec: EmbedderSpec;

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      const { input, encoding_format } = JSON.parse(body) as { input: string | string[]; encoding_format?: string };
      const texts = Array.isArray(input) ? input : [input];
      inputs.push(texts);
      const data = texts.map((t, index) => {
        const vector = embed(t);
        const embedding =
          encoding_format === 'base64' ? Buffer.from(new Float32Array(vector).buffer).toString('base64') : vector;
        return { object: 'embedding', index, embedding };
      });
      res.setHeader('content-type', 'application/json');
      res.end(
        JSON.stringify({ object: 'list', data, model: 'stand-in', usage: { prompt_tokens: 0, total_tokens: 0 } }),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  spec = {
    provider: 'openai',
    baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`,
    model: 'stand-in',
    apiKey: 'test',
  };
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('an OpenAI-compatible embeddings endpoint chosen in configuration', () => {
  it('builds the index with it and embeds questions with it', async () => {
    const outDir = join(tempDir(), 'index');
    const result = await ingest({ seedsDir: SEEDS_DIR, outDir, embedder: spec });
    expect(result.manifest.embedder).toEqual({ id: 'openai:stand-in', dimensions: DIMENSIONS });
    expect(inputs.flat()).toHaveLength(25);

    const bot = await openBot({ indexDir: outDir, embedder: spec });
    const answer = await bot.ask('加氢站目标是多少');
    expect(answer.citations[0]!.section).toBe('2.2.1');
    expect(inputs.at(-1)).toEqual([expect.stringContaining('加氢站')]);
  });

  it('refuses a configuration without the endpoint, naming the variables', async () => {
    await expect(
      ingest({ seedsDir: SEEDS_DIR, outDir: join(tempDir(), 'index'), embedder: { provider: 'openai' } }),
    ).rejects.toThrow(/EMBEDDINGS_BASE_URL and EMBEDDINGS_MODEL/);
  });
});
