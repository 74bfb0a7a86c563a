import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { ingest, refreshIndex } from '../../ingest/run.js';
import { openBot } from '../../src/open.js';
import { readIndex } from '../../src/core/store.js';
import { ErrorCode } from '../../src/core/errors.js';
import { POLICY_FILE, tempDir } from '../helpers/index.js';

function seedsWithPolicy(): string {
  const dir = join(tempDir(), 'seeds');
  mkdirSync(dir);
  copyFileSync(POLICY_FILE, join(dir, 'policy.txt'));
  return dir;
}

describe('ingest', () => {
  it('builds the index on disk with a manifest, then does nothing while the seeds are unchanged', async () => {
    const seedsDir = seedsWithPolicy();
    const outDir = join(tempDir(), 'index');
    const first = await ingest({ seedsDir, outDir });
    expect(first.status).toBe('built');
    expect(first.manifest.counts).toMatchObject({ documents: 1, clauses: 25, passages: 25 });
    expect(first.manifest.embedder).toEqual({ id: 'lexical-tfidf-v4', dimensions: 512 });
    for (const f of [
      'manifest.json',
      'clauses.json',
      'targets.json',
      'passages.json',
      'documents.json',
      'embedder.json',
      'hnsw/hnswlib.index',
    ]) {
      expect(existsSync(join(outDir, f))).toBe(true);
    }
    const stored = await readIndex(outDir);
    expect(stored.clauses).toHaveLength(25);
    expect(stored.passages[0]!.text).toMatch(/^山东省新基建三年行动方案（2020-2022年） › 一、行动目标\n/);

    expect((await ingest({ seedsDir, outDir })).status).toBe('up-to-date');
    expect(readFileSync(join(outDir, 'manifest.json'), 'utf8')).toBe(JSON.stringify(first.manifest));

    writeFileSync(
      join(seedsDir, 'policy.txt'),
      `${readFileSync(join(seedsDir, 'policy.txt'), 'utf8')}\n五、附则\n\n本方案自印发之日起施行。\n`,
    );
    const changed = await ingest({ seedsDir, outDir });
    expect(changed.status).toBe('built');
    expect(changed.manifest.counts.clauses).toBe(26);
  });

  it('reports each bad seed by file and line and still ingests the others', async () => {
    const seedsDir = seedsWithPolicy();
    writeFileSync(join(seedsDir, 'empty.txt'), '');
    writeFileSync(
      join(seedsDir, 'image.png'),
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 0, 0, 1, 0, 0, 0, 0, 0]),
    );
    writeFileSync(join(seedsDir, 'dup.txt'), '标题\n\n一、目标\n\n加快建设。\n\n一、任务\n\n推进建设。');
    writeFileSync(
      join(seedsDir, 'gbk.txt'),
      iconv.encode('济南市充电设施方案\n\n一、目标\n\n到2025年建成充电桩2万个。', 'gbk'),
    );
    const result = await ingest({ seedsDir, outDir: join(tempDir(), 'index') });
    expect(result.manifest.counts.documents).toBe(2);
    expect(result.issues.map((i) => [i.level, i.code, i.file.split('/').pop(), i.line])).toEqual([
      ['error', 'SEED_DUPLICATE_SECTION', 'dup.txt', 7],
      ['error', ErrorCode.SEED_EMPTY, 'empty.txt', null],
      ['error', ErrorCode.SEED_BINARY, 'image.png', null],
    ]);
    expect(result.manifest.issues).toEqual(result.issues);
  });

  it('rebuilds when the passage mode changes', async () => {
    const seedsDir = seedsWithPolicy();
    const outDir = join(tempDir(), 'index');
    await ingest({ seedsDir, outDir });
    const windows = await ingest({ seedsDir, outDir, passageMode: 'window' });
    expect(windows.status).toBe('built');
    expect(windows.manifest.counts.passages).toBeGreaterThan(25);
  });

  it('lets a reader rebuild only with the settings the index was built with, and refuse another embedder', async () => {
    const seedsDir = seedsWithPolicy();
    const outDir = join(tempDir(), 'index');
    const built = await ingest({ seedsDir, outDir, passageMode: 'window' });
    // Opening to read never turns a window index into a clause index.
    const bot = await openBot({ indexDir: outDir, seedsDir });
    expect((await readIndex(outDir)).manifest).toMatchObject({
      passageMode: 'window',
      createdAt: built.manifest.createdAt,
    });
    expect((await bot.ask('加氢站目标是多少')).citations[0]!.section).toBe('2.2.1');
    // Changed seeds are rebuilt by a reader, in the index's own mode.
    writeFileSync(join(seedsDir, 'policy.txt'), `${readFileSync(join(seedsDir, 'policy.txt'), 'utf8')}\n`);
    const refreshed = await refreshIndex({ seedsDir, outDir, embedder: { provider: 'lexical' } });
    expect(refreshed).toMatchObject({
      status: 'built',
      manifest: { passageMode: 'window', counts: { passages: built.manifest.counts.passages } },
    });
    const remote = { provider: 'openai', baseUrl: 'http://127.0.0.1:9/v1', model: 'm' } as const;
    await expect(refreshIndex({ seedsDir, outDir, embedder: remote })).rejects.toMatchObject({
      code: 'INDEX_SETTINGS_MISMATCH',
    });
    await expect(openBot({ indexDir: outDir, embedder: remote })).rejects.toThrow(
      /built with embedder lexical-tfidf-v4, not openai:m/,
    );
  });

  it('rebuilds an index of an earlier lexical embedder when it reads it, and refuses it without seeds', async () => {
    const seedsDir = seedsWithPolicy();
    const outDir = join(tempDir(), 'index');
    await ingest({ seedsDir, outDir });
    for (const file of ['manifest.json', 'embedder.json']) {
      const path = join(outDir, file);
      writeFileSync(path, readFileSync(path, 'utf8').replaceAll('lexical-tfidf-v4', 'lexical-tfidf-v3'));
    }
    await expect(openBot({ indexDir: outDir, seedsDir: null })).rejects.toMatchObject({
      code: 'INDEX_OUTDATED',
      message: expect.stringMatching(
        /earlier version of policybot \(embedder lexical-tfidf-v3; this one uses lexical-tfidf-v4\); run `policybot ingest --force`/,
      ),
    });
    const bot = await openBot({ indexDir: outDir, seedsDir });
    expect((await readIndex(outDir)).manifest.embedder.id).toBe('lexical-tfidf-v4');
    expect((await bot.ask('加氢站目标是多少')).citations[0]!.section).toBe('2.2.1');
  });

  it('refuses a missing seeds directory and a damaged index with a message that says what to do', async () => {
    await expect(ingest({ seedsDir: join(tempDir(), 'nope'), outDir: tempDir() })).rejects.toThrow(
      /seeds directory .*nope cannot be read/,
    );
    const outDir = join(tempDir(), 'index');
    await ingest({ seedsDir: seedsWithPolicy(), outDir });
    writeFileSync(join(outDir, 'clauses.json'), JSON.stringify([{ doc: 'x' }]));
    await expect(readIndex(outDir)).rejects.toThrow(/clauses\.json is invalid at 0\.title.*policybot ingest --force/);
    await expect(readIndex(join(tempDir(), 'missing'))).rejects.toThrow(/no index in .*missing: run `policybot ingest/);
  });
});
