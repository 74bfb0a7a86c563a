import { execFile } from 'node:child_process';
import { cpSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { ingest } from '../../ingest/run.js';
import { PolicyBotError, type ErrorCode } from '../../src/core/errors.js';
import type { IngestIssue } from '../../src/core/schema.js';
import { readIndex } from '../../src/core/store.js';
import { openBot } from '../../src/open.js';
import { SEEDS_DIR, tempDir } from '../helpers/index.js';

const exec = promisify(execFile);

/** The real index of the real seeds, and the same built with sentence windows (other vectors, other counts). */
let built: string;
let windows: string;
beforeAll(async () => {
  built = join(tempDir(), 'index');
  windows = join(tempDir(), 'index');
  await ingest({ seedsDir: SEEDS_DIR, outDir: built });
  await ingest({ seedsDir: SEEDS_DIR, outDir: windows, passageMode: 'window' });
});

const json = (file: string): unknown => JSON.parse(readFileSync(file, 'utf8'));
const rewrite = (file: string, change: (value: never) => unknown) =>
  writeFileSync(file, JSON.stringify(change(json(file) as never)));

interface Damage {
  name: string;
  /** The damaged file, relative to the index directory. */
  file: string;
  damage: (dir: string) => void;
  code: ErrorCode;
  problem: RegExp;
}

const DAMAGES: Damage[] = [
  {
    name: 'a dimension mismatch in hnsw/args.json',
    file: 'hnsw/args.json',
    damage: (dir) => rewrite(join(dir, 'hnsw/args.json'), (a: object) => ({ ...a, numDimensions: 256 })),
    code: 'INDEX_DIMENSIONS',
    problem: /holds 256-dimension vectors, but the manifest says 512/,
  },
  {
    name: 'a dimension mismatch in embedder.json',
    file: 'embedder.json',
    damage: (dir) => rewrite(join(dir, 'embedder.json'), (e: object) => ({ ...e, dimensions: 256 })),
    code: 'INDEX_DIMENSIONS',
    problem: /holds 256-dimension vectors, but the manifest says 512/,
  },
  {
    name: 'a truncated hnswlib.index',
    file: 'hnsw/hnswlib.index',
    damage: (dir) => truncateSync(join(dir, 'hnsw/hnswlib.index'), 20_000),
    code: 'INDEX_UNREADABLE',
    problem: /cannot be read \(truncated: 20000 bytes, at least \d+ expected\)/,
  },
  {
    name: 'a missing hnswlib.index',
    file: 'hnsw/hnswlib.index',
    damage: (dir) => rmSync(join(dir, 'hnsw/hnswlib.index')),
    code: 'INDEX_UNREADABLE',
    problem: /cannot be read \(the file is missing\)/,
  },
  {
    name: 'a missing docstore.json',
    file: 'hnsw/docstore.json',
    damage: (dir) => rmSync(join(dir, 'hnsw/docstore.json')),
    code: 'INDEX_UNREADABLE',
    problem: /cannot be read \(the file is missing\)/,
  },
  {
    name: 'a docstore.json short of a document',
    file: 'hnsw/docstore.json',
    damage: (dir) => rewrite(join(dir, 'hnsw/docstore.json'), (d: unknown[]) => d.slice(1)),
    code: 'INDEX_COUNTS',
    problem: /holds 24 documents, but the manifest says 25/,
  },
  {
    name: 'clauses.json replaced by []',
    file: 'clauses.json',
    damage: (dir) => writeFileSync(join(dir, 'clauses.json'), '[]'),
    code: 'INDEX_COUNTS',
    problem: /holds 0 clauses, but the manifest says 25/,
  },
  {
    name: 'a passages.json short of a passage',
    file: 'passages.json',
    damage: (dir) => rewrite(join(dir, 'passages.json'), (p: unknown[]) => p.slice(0, -1)),
    code: 'INDEX_COUNTS',
    problem: /holds 24 passages, but the manifest says 25/,
  },
  {
    name: 'a passage that names no clause',
    file: 'passages.json',
    damage: (dir) =>
      rewrite(join(dir, 'passages.json'), (p: { section: string }[]) =>
        p.map((x, i) => (i === 3 ? { ...x, section: '9.9' } : x)),
      ),
    code: 'INDEX_INVALID',
    problem: /is invalid at 3: names no clause/,
  },
  {
    name: 'vector files of another build',
    file: 'hnsw/hnswlib.index',
    damage: (dir) => {
      rmSync(join(dir, 'hnsw'), { recursive: true });
      cpSync(join(windows, 'hnsw'), join(dir, 'hnsw'), { recursive: true });
    },
    code: 'INDEX_COUNTS',
    problem: /holds \d+ vectors, but the manifest says 25/,
  },
  {
    name: 'a truncated bm25.bin',
    file: 'bm25.bin',
    damage: (dir) => truncateSync(join(dir, 'bm25.bin'), 400),
    code: 'INDEX_UNREADABLE',
    problem: /cannot be read \(truncated: 400 bytes\)/,
  },
  {
    name: 'a bm25.bin of another build',
    file: 'bm25.bin',
    damage: (dir) => cpSync(join(windows, 'bm25.bin'), join(dir, 'bm25.bin')),
    code: 'INDEX_COUNTS',
    problem: /holds \d+ passages, but the manifest says 25/,
  },
  {
    name: 'a posting in bm25.bin that names no passage',
    file: 'bm25.bin',
    damage: (dir) => {
      const file = join(dir, 'bm25.bin');
      const bytes = readFileSync(file);
      // After the header (5 integers), the lengths (25) and the first term's start and end, its first pair.
      const [terms, pairs] = [bytes.readInt32LE(12), bytes.readInt32LE(16)];
      expect(pairs).toBeGreaterThan(0);
      bytes.writeInt32LE(999, (5 + 25 + 2 * terms) * 4);
      writeFileSync(file, bytes);
    },
    code: 'INDEX_INVALID',
    problem: /is invalid at pair 0: \(999, \d+\) is not a passage and a count/,
  },
  {
    name: 'a truncated manifest.json',
    file: 'manifest.json',
    damage: (dir) => truncateSync(join(dir, 'manifest.json'), 100),
    code: 'INDEX_UNREADABLE',
    problem: /cannot be read \(.*JSON.*\)/,
  },
];

function damaged(damage: Damage): string {
  const dir = join(tempDir(), 'index');
  cpSync(built, dir, { recursive: true });
  damage.damage(dir);
  return dir;
}

describe('a damaged index', () => {
  for (const damage of DAMAGES) {
    it(`is refused without seeds, in one line naming the file and the fix: ${damage.name}`, async () => {
      const dir = damaged(damage);
      const error = await openBot({ indexDir: dir, seedsDir: null }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(PolicyBotError);
      expect(error).toMatchObject({ code: damage.code });
      const { message } = error as PolicyBotError;
      expect(message).not.toContain('\n');
      expect(message).toContain(join(dir, damage.file));
      expect(message).toMatch(damage.problem);
      expect(message).toMatch(/run `policybot ingest --force`/);
    });

    it(`is rebuilt from the seeds, with a one-line warning saying what was damaged: ${damage.name}`, async () => {
      const dir = damaged(damage);
      const issues: IngestIssue[] = [];
      const bot = await openBot({ indexDir: dir, seedsDir: SEEDS_DIR, onIssues: (i) => issues.push(...i) });
      expect(issues).toEqual([expect.objectContaining({ level: 'warning', code: 'INDEX_REBUILT', file: dir })]);
      const [{ message }] = issues as [IngestIssue];
      expect(message).not.toContain('\n');
      expect(message).toContain(`index ${dir} was damaged or outdated and is rebuilt from the seeds in ${SEEDS_DIR}`);
      expect(message).toContain(join(dir, damage.file));
      expect(message).toMatch(damage.problem);
      // The fix was just applied: the warning does not tell the operator to apply it.
      expect(message).not.toContain('ingest --force');
      expect((await bot.ask('加氢站目标是多少')).citations[0]).toMatchObject({ section: '2.2.1' });
      expect((await readIndex(dir)).clauses).toHaveLength(25);
    });
  }

  it('is rebuilt by `ingest` even when the seeds are unchanged, and an intact one is left as it is', async () => {
    const dir = join(tempDir(), 'index');
    cpSync(built, dir, { recursive: true });
    expect((await ingest({ seedsDir: SEEDS_DIR, outDir: dir })).status).toBe('up-to-date');
    writeFileSync(join(dir, 'clauses.json'), '[]');
    const result = await ingest({ seedsDir: SEEDS_DIR, outDir: dir });
    expect(result.status).toBe('built');
    expect(result.issues).toEqual([expect.objectContaining({ code: 'INDEX_REBUILT' })]);
    // The warning is said when it happens, not kept in the manifest to be said again.
    expect(result.manifest.issues).toEqual([]);
    expect((await readIndex(dir)).clauses).toHaveLength(25);
  });

  it('keeps its passage mode when rebuilt', async () => {
    const dir = join(tempDir(), 'index');
    cpSync(windows, dir, { recursive: true });
    writeFileSync(join(dir, 'clauses.json'), '[]');
    await openBot({ indexDir: dir, seedsDir: SEEDS_DIR });
    expect((await readIndex(dir)).manifest.passageMode).toBe('window');
  });

  // The first five are the cases of issue 9; `policybot` prints a coded error in one line and a bug with its stack.
  it('is refused by the CLI in one line, with no stack trace', async () => {
    for (const damage of DAMAGES.slice(0, 5)) {
      const dir = damaged(damage);
      const run = await exec('node', ['bin/policybot.js', 'ask', '--index', dir, '加氢站目标是多少']).then(
        () => ({ code: 0, stderr: '' }),
        (e: { code: number; stderr: string }) => e,
      );
      expect(run.code, damage.name).toBe(2);
      expect(run.stderr).toMatch(new RegExp(`^policybot: index file ${join(dir, damage.file)} .*--force\`\n$`));
    }
  });
});
