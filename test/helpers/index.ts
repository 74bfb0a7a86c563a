import { join } from 'node:path';
import type { PolicyBot } from '../../src/bot.js';
import { openBot } from '../../src/open.js';
import { tempDir } from './temp.js';

export { tempDir };

export const SEEDS_DIR = 'seeds';
export const POLICY_FILE = 'seeds/shandong-new-infrastructure-2020-2022.txt';

let shared: Promise<{ bot: PolicyBot; indexDir: string }> | undefined;

/** The real index of the real seeds, built once per test worker into a temp directory. */
export function sharedBot(): Promise<{ bot: PolicyBot; indexDir: string }> {
  shared ??= (async () => {
    const indexDir = join(tempDir(), 'index');
    return { bot: await openBot({ indexDir, seedsDir: SEEDS_DIR }), indexDir };
  })();
  return shared;
}
