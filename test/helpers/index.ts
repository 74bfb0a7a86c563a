import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PolicyBot } from '../../src/bot.js';
import { openBot } from '../../src/open.js';

export const SEEDS_DIR = 'seeds';
export const POLICY_FILE = 'seeds/shandong-new-infrastructure-2020-2022.txt';

let shared: Promise<{ bot: PolicyBot; indexDir: string }> | undefined;

/** The real index of the real seeds, built once per test worker into a temp directory. */
export function sharedBot(): Promise<{ bot: PolicyBot; indexDir: string }> {
  shared ??= (async () => {
    const indexDir = join(mkdtempSync(join(tmpdir(), 'policybot-test-')), 'index');
    return { bot: await openBot({ indexDir, seedsDir: SEEDS_DIR }), indexDir };
  })();
  return shared;
}

export function tempDir(prefix = 'policybot-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}
