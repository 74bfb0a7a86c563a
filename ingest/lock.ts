import { hostname } from 'node:os';
import { mkdir, readdir, readFile, rename, rm, stat, unlink, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { z } from 'zod';
import { createError } from '../src/core/errors.js';

/** How long an ingest waits for another one writing the same index before it gives up. */
export const DEFAULT_LOCK_WAIT_MS = 60_000;
const POLL_MS = 100;
// A lock file is written right after it is created; one still unreadable after this long was left half-written.
const UNREADABLE_GRACE_MS = 5_000;

const HolderSchema = z.object({ pid: z.number().int().positive(), host: z.string() });
type Holder = z.infer<typeof HolderSchema>;

/** The lock of an index directory: a file beside it, since the directory itself is swapped out by each write. */
export const lockFileOf = (dir: string): string => `${dir}.lock`;

/**
 * Runs `work` holding the index directory's lock, so one ingest at a time writes it. A lock whose process has
 * ended on this host is stale and taken over; a live one is waited for, up to `waitMs`, then refused.
 * Staging directories that ended processes left beside the index are removed once the lock is held.
 */
export async function withIngestLock<T>(dir: string, waitMs: number, work: () => Promise<T>): Promise<T> {
  const lock = lockFileOf(dir);
  await mkdir(dirname(lock), { recursive: true }).catch((error: unknown) => {
    throw unwritable(dir, error);
  });
  const started = Date.now();
  const me: Holder = { pid: process.pid, host: hostname() };
  for (;;) {
    try {
      await writeFile(lock, JSON.stringify(me), { flag: 'wx' });
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw unwritable(dir, error);
    }
    const holder = await readHolder(lock);
    if (holder === 'gone') continue;
    if (await isStale(lock, holder, me)) {
      await takeOver(lock, holder);
      continue;
    }
    if (Date.now() - started >= waitMs) {
      const who = holder === null ? 'a process whose lock file cannot be read' : describe(holder, me);
      throw createError('INGEST_LOCKED', dir, who, Math.round((Date.now() - started) / 1000), lock);
    }
    await sleep(POLL_MS);
  }
  try {
    await removeLeftStaging(dir, me);
    return await work();
  } finally {
    await rm(lock, { force: true });
  }
}

/** The holder named in a lock file; null when it cannot be read; 'gone' when the file went away meanwhile. */
async function readHolder(lock: string): Promise<Holder | null | 'gone'> {
  try {
    const parsed = HolderSchema.safeParse(JSON.parse(await readFile(lock, 'utf8')));
    return parsed.success ? parsed.data : null;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'gone' : null;
  }
}

async function isStale(lock: string, holder: Holder | null, me: Holder): Promise<boolean> {
  if (holder === null) {
    const age = await stat(lock).then(
      (s) => Date.now() - s.mtimeMs,
      () => 0,
    );
    return age > UNREADABLE_GRACE_MS;
  }
  // Whether a process on another host lives cannot be told from here: its lock stands.
  return holder.host === me.host && !isAlive(holder.pid);
}

/**
 * Moves the stale lock aside before removing it, and puts it back if it turns out to be another's fresh lock
 * (two ingests both found the same stale lock, and the other one already took it over).
 */
async function takeOver(lock: string, stale: Holder | null): Promise<void> {
  const aside = `${lock}.stale-${process.pid}`;
  try {
    await rename(lock, aside);
  } catch {
    return;
  }
  const moved = await readHolder(aside);
  const same = stale === null ? moved === null : typeof moved === 'object' && moved?.pid === stale.pid;
  if (same) await unlink(aside);
  else await rename(aside, lock);
}

export function unwritable(dir: string, error: unknown): Error {
  return createError('INDEX_UNWRITABLE', dir, String((error as Error).message ?? error).replace(/\s+/g, ' '));
}

function describe(holder: Holder, me: Holder): string {
  return holder.host === me.host ? `pid ${holder.pid}` : `pid ${holder.pid} on ${holder.host}`;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it lives, as another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The pid in the name of a staging directory of `dir` (`DIR.tmp-PID`, `DIR.old-PID`, as `writeIndex` names them). */
function stagingPid(dir: string, name: string): number | null {
  for (const kind of ['.tmp-', '.old-']) {
    const prefix = `${basename(dir)}${kind}`;
    if (name.startsWith(prefix) && /^\d+$/.test(name.slice(prefix.length))) return Number(name.slice(prefix.length));
  }
  return null;
}

/** Removes the staging directories of this index that a killed ingest left behind: those of ended processes. */
async function removeLeftStaging(dir: string, me: Holder): Promise<void> {
  const names = await readdir(dirname(dir)).catch((): string[] => []);
  for (const name of names) {
    const pid = stagingPid(dir, name);
    if (pid !== null && (pid === me.pid || !isAlive(pid))) {
      await rm(join(dirname(dir), name), { recursive: true, force: true });
    }
  }
}
