import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PolicyBot } from '../../../src/bot.js';
import { openBot } from '../../../src/open.js';
import { tempDir } from '../../helpers/temp.js';

export const SEEDS_DIR = fileURLToPath(new URL('../../../seeds', import.meta.url));

/** The real bot over the real seed corpus, its index built into a fresh temp dir. */
export async function openTestBot(): Promise<{ bot: PolicyBot; dir: string }> {
  const dir = tempDir('slack-');
  const bot = await openBot({ indexDir: join(dir, 'index'), seedsDir: SEEDS_DIR });
  return { bot, dir };
}
