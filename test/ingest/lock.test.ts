import { type ChildProcess, execFile, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { lockFileOf } from '../../ingest/lock.js';
import { ingest } from '../../ingest/run.js';
import { PolicyBotError } from '../../src/core/errors.js';
import { readIndex } from '../../src/core/store.js';
import { openBot } from '../../src/open.js';
import { SEEDS_DIR, tempDir } from '../helpers/index.js';

const exec = promisify(execFile);

/** The pid of a process that has ended. */
function endedPid(): number {
  return spawnSync(process.execPath, ['-e', '']).pid;
}

const sleepers: ChildProcess[] = [];
/** The pid of a live process standing in for another ingest. */
function livePid(): number {
  const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60_000)'], { stdio: 'ignore' });
  sleepers.push(child);
  return child.pid!;
}
afterEach(() => {
  for (const child of sleepers.splice(0)) child.kill();
});

const holdLock = (outDir: string, pid: number, host = hostname()) =>
  writeFileSync(lockFileOf(outDir), JSON.stringify({ pid, host }));
const siblings = (outDir: string) => readdirSync(join(outDir, '..')).sort();

describe('the ingest lock', () => {
  it('takes over a lock left by an ended ingest, and removes the staging folders ended ingests left', async () => {
    const outDir = join(tempDir(), 'index');
    const ended = endedPid();
    const live = livePid();
    holdLock(outDir, ended);
    for (const staging of [`index.tmp-${ended}`, `index.old-${ended}`, `index.tmp-${live}`]) {
      mkdirSync(join(outDir, '..', staging));
      writeFileSync(join(outDir, '..', staging, 'clauses.json'), '[');
    }
    expect((await ingest({ seedsDir: SEEDS_DIR, outDir })).status).toBe('built');
    // A live process's staging folder may still be written: it stays.
    expect(siblings(outDir)).toEqual(['index', `index.tmp-${live}`]);
    expect((await readIndex(outDir)).clauses).toHaveLength(25);
  });

  it('removes what a killed ingest left even when the index is up to date', async () => {
    const outDir = join(tempDir(), 'index');
    await ingest({ seedsDir: SEEDS_DIR, outDir });
    const ended = endedPid();
    mkdirSync(join(outDir, '..', `index.tmp-${ended}`));
    holdLock(outDir, ended);
    expect((await ingest({ seedsDir: SEEDS_DIR, outDir })).status).toBe('up-to-date');
    expect(siblings(outDir)).toEqual(['index']);
  });

  it('refuses in one line, after waiting, while a live ingest holds the lock, and leaves its lock alone', async () => {
    const outDir = join(tempDir(), 'index');
    const live = livePid();
    holdLock(outDir, live);
    const error = await ingest({ seedsDir: SEEDS_DIR, outDir, lockWaitMs: 300 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PolicyBotError);
    expect(error).toMatchObject({ code: 'INGEST_LOCKED' });
    expect((error as Error).message).toBe(
      `another ingest (pid ${live}) is writing ${outDir}; waited 0 s: try again when it ends, or delete ${outDir}.lock if no ingest is running`,
    );
    expect(JSON.parse(readFileSync(lockFileOf(outDir), 'utf8'))).toEqual({ pid: live, host: hostname() });
    expect(existsSync(outDir)).toBe(false);
  });

  it('never takes a lock of another host for stale: whether its process lives cannot be told', async () => {
    const outDir = join(tempDir(), 'index');
    holdLock(outDir, endedPid(), 'elsewhere');
    await expect(ingest({ seedsDir: SEEDS_DIR, outDir, lockWaitMs: 200 })).rejects.toThrow(
      /^another ingest \(pid \d+ on elsewhere\) is writing/,
    );
  });

  it('waits for a live ingest to end, then builds', async () => {
    const outDir = join(tempDir(), 'index');
    holdLock(outDir, livePid());
    setTimeout(() => writeFileSync(lockFileOf(outDir), ''), 100);
    // An unreadable lock is one being written, for a few seconds; then one left half-written.
    setTimeout(() => spawnSync('rm', [lockFileOf(outDir)]), 400);
    const result = await ingest({ seedsDir: SEEDS_DIR, outDir, lockWaitMs: 10_000 });
    expect(result.status).toBe('built');
    expect(siblings(outDir)).toEqual(['index']);
  });

  it('lets a reader open a current index while an ingest holds the lock: reading takes no lock', async () => {
    const outDir = join(tempDir(), 'index');
    await ingest({ seedsDir: SEEDS_DIR, outDir });
    holdLock(outDir, livePid());
    const bot = await openBot({ indexDir: outDir, seedsDir: SEEDS_DIR });
    expect(bot.clauses).toHaveLength(25);
  });

  it('runs two ingests into one folder one after the other: the second keeps the index the first built', async () => {
    const outDir = join(tempDir(), 'index');
    const results = await Promise.all([
      ingest({ seedsDir: SEEDS_DIR, outDir }),
      ingest({ seedsDir: SEEDS_DIR, outDir }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(['built', 'up-to-date']);
    expect(results[0]!.manifest.createdAt).toBe(results[1]!.manifest.createdAt);
    expect(siblings(outDir)).toEqual(['index']);
  });

  it('runs two forced ingests into one folder one after the other (they shared a staging folder and crashed)', async () => {
    const outDir = join(tempDir(), 'index');
    const force = () => ingest({ seedsDir: SEEDS_DIR, outDir, force: true });
    const results = await Promise.all([force(), force()]);
    expect(results.map((r) => r.status)).toEqual(['built', 'built']);
    expect(siblings(outDir)).toEqual(['index']);
    expect((await readIndex(outDir)).clauses).toHaveLength(25);
  });

  it('lets two `policybot ingest --force` processes write one folder without a crash', async () => {
    const outDir = join(tempDir(), 'index');
    const run = () =>
      exec('node', ['bin/policybot.js', 'ingest', '--force', '--seeds', SEEDS_DIR, '--out', outDir]).then(
        ({ stderr }) => ({ code: 0, stderr }),
        (e: { code: number; stderr: string }) => e,
      );
    const runs = await Promise.all([run(), run()]);
    expect(runs).toEqual([
      { code: 0, stderr: '' },
      { code: 0, stderr: '' },
    ]);
    expect(siblings(outDir)).toEqual(['index']);
    expect((await readIndex(outDir)).clauses).toHaveLength(25);
  });

  it('says in one line that an index folder cannot be written', async () => {
    const file = join(tempDir(), 'file');
    writeFileSync(file, '');
    const outDir = join(file, 'index');
    const error = await ingest({ seedsDir: SEEDS_DIR, outDir }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'INDEX_UNWRITABLE' });
    expect((error as Error).message).toMatch(
      new RegExp(`^index ${outDir} cannot be written \\([A-Z]+: [^\\n]*\\); choose a writable directory`),
    );
  });
});
