#!/usr/bin/env node
// After `tsc`: copies the files the compiled code reads beside itself (dictionaries, the synonym and glossary
// tables) from src/ and ingest/ into dist/, at the same paths.
import { cpSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const ASSET = /\.(json|txt|utf8)$/;
for (const root of ['src', 'ingest']) {
  for (const entry of readdirSync(root, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !ASSET.test(entry.name)) continue;
    const from = join(entry.parentPath, entry.name);
    cpSync(from, join('dist', from));
  }
}
