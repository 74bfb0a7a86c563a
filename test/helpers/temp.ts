import { mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { inject } from 'vitest';

/** A fresh folder under the run's temporary folder (test/global-setup.ts), which is removed when the run ends. */
export function tempDir(prefix = 'test-'): string {
  return mkdtempSync(join(inject('tempRoot'), prefix));
}
