import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The run's temporary folder, which every test's folders go under (`tempDir`). */
    tempRoot: string;
  }
}

/** One temporary folder for the whole run, removed when it ends: tests leave nothing in the system's /tmp. */
export default function setup(project: TestProject): () => void {
  const root = mkdtempSync(join(tmpdir(), 'policybot-test-'));
  project.provide('tempRoot', root);
  return () => rmSync(root, { recursive: true, force: true });
}
