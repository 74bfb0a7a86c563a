import { copyFileSync, mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { DEFAULT_MAX_SEED_BYTES, ingest } from '../../ingest/run.js';
import type { IngestIssue } from '../../src/core/schema.js';
import { openBot } from '../../src/open.js';
import { POLICY_FILE, tempDir } from '../helpers/index.js';

function seedsWithPolicy(): string {
  const dir = join(tempDir(), 'seeds');
  mkdirSync(dir);
  // The generated seeds are tens of megabytes: not left behind in the temp directory.
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  copyFileSync(POLICY_FILE, join(dir, 'policy.txt'));
  copyFileSync(POLICY_FILE.replace(/\.txt$/, '.meta.json'), join(dir, 'policy.meta.json'));
  return dir;
}

/** One line of figures and no section marker, of about `bytes` bytes: what a runaway export or a log looks like. */
function oneLine(bytes: number): Buffer {
  const sentence = Buffer.from('到2022年建成充电桩10万个，数据中心上架率高于65%，');
  const line = Buffer.alloc(Math.floor(bytes / sentence.length) * sentence.length);
  for (let at = 0; at < line.length; at += sentence.length) sentence.copy(line, at);
  return line;
}

const brief = (issues: IngestIssue[]) => issues.map((i) => [i.level, i.code, i.file.split('/').pop()]);

describe('seed limits', () => {
  it('skips a 30 MB one-line seed over the size limit, naming its size and the limit, and ingests the rest', async () => {
    const seedsDir = seedsWithPolicy();
    const big = join(seedsDir, 'export.txt');
    writeFileSync(big, oneLine(30 * 1024 * 1024));
    const size = statSync(big).size;
    const outDir = join(tempDir(), 'index');
    const result = await ingest({ seedsDir, outDir });
    expect(brief(result.issues)).toEqual([['error', 'SEED_TOO_LARGE', 'export.txt']]);
    expect(result.issues[0]!.message).toBe(
      `seed file ${big}: ${size} bytes, over the limit of ${DEFAULT_MAX_SEED_BYTES} bytes a seed; the file is skipped (raise POLICYBOT_MAX_SEED_BYTES to ingest it)`,
    );
    // Nothing else is lost: the policy is there whole, and not one target comes from the skipped file.
    expect(result.manifest.counts).toEqual({ documents: 1, clauses: 25, targets: 32, passages: 25 });
    // The skipped file is recorded, so the next run does not rebuild, and still says why it was skipped.
    expect(result.manifest.sources.map((s) => [s.file.split('/').pop(), s.bytes])).toContainEqual(['export.txt', size]);
    const again = await ingest({ seedsDir, outDir });
    expect(again.status).toBe('up-to-date');
    expect(brief(again.issues)).toEqual([['error', 'SEED_TOO_LARGE', 'export.txt']]);
  });

  it('skips a one-line seed just under the limit that has no section markers, with no junk targets', async () => {
    const seedsDir = seedsWithPolicy();
    const line = oneLine(DEFAULT_MAX_SEED_BYTES);
    expect(DEFAULT_MAX_SEED_BYTES - line.length).toBeLessThan(100);
    writeFileSync(join(seedsDir, 'export.txt'), line);
    const result = await ingest({ seedsDir, outDir: join(tempDir(), 'index') });
    expect(brief(result.issues)).toEqual([['error', 'SEED_NO_STRUCTURE', 'export.txt']]);
    expect(result.issues[0]!.message).toMatch(/export\.txt: no section markers .*; the file is skipped$/);
    expect(result.manifest.counts).toEqual({ documents: 1, clauses: 25, targets: 32, passages: 25 });
  });

  it('takes its limit from the options, and a reader building the index passes it on', async () => {
    const seedsDir = seedsWithPolicy();
    const issues: IngestIssue[] = [];
    const bot = await openBot({
      indexDir: join(tempDir(), 'index'),
      seedsDir,
      maxSeedBytes: 10_000,
      onIssues: (i) => issues.push(...i),
    });
    expect(brief(issues)).toEqual([
      ['error', 'SEED_TOO_LARGE', 'policy.txt'],
      // Its metadata file, under the limit, is still read, and found to have no seed.
      ['warning', 'SEED_METADATA_ORPHAN', 'policy.meta.json'],
    ]);
    expect(issues[0]!.message).toMatch(/policy\.txt: 15063 bytes, over the limit of 10000 bytes a seed/);
    expect(bot.clauses).toEqual([]);
  });
});
