import { escapeRegExp } from '../core/text.js';
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { createError } from '../core/errors.js';
import { normalizeQuestion } from './normalize.js';

/** "How users say it" → "how the policy says it". The bundled table lives beside this file; admins add their own. */
export type Synonyms = ReadonlyMap<string, string>;

const SynonymFileSchema = z.record(z.string().min(1), z.string().min(1));
const BUNDLED = new URL('./synonyms.json', import.meta.url);

export function loadSynonyms(extraFile?: string): Synonyms {
  const entries = { ...readTable(BUNDLED), ...(extraFile ? readTable(extraFile) : {}) };
  // Longest first, so "电动汽车充电设施" wins over "充电设施".
  return new Map(
    Object.entries(entries)
      .map(([from, to]) => [normalizeQuestion(from), to] as const)
      .sort((a, b) => b[0].length - a[0].length),
  );
}

function readTable(file: string | URL): Record<string, string> {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw createError('CONFIG_FILE_INVALID', 'synonym', String(file), `cannot be read: ${(error as Error).message}`);
  }
  const parsed = SynonymFileSchema.safeParse(raw);
  if (!parsed.success) {
    throw createError(
      'CONFIG_FILE_INVALID',
      'synonym',
      String(file),
      'must be a JSON object of "用户说法": "政策用语" strings',
    );
  }
  return parsed.data;
}

/**
 * Rewrites users' phrasings into the policy's words; each phrase is replaced once, longest first. A Latin phrase
 * ("ai", "idc") is replaced only as a whole word, never inside a longer one ("said", "maintain").
 */
export function applySynonyms(question: string, synonyms: Synonyms): string {
  let text = question;
  const placeholders: string[] = [];
  for (const [from, to] of synonyms) {
    if (!text.includes(from)) continue;
    // A placeholder keeps a shorter key from matching inside a replacement already made.
    const placeholder = `\u0000${placeholders.length}\u0000`;
    text = /[a-z]/.test(from)
      ? text.replace(new RegExp(`(?<![a-z])${escapeRegExp(from)}(?![a-z])`, 'g'), placeholder)
      : text.split(from).join(placeholder);
    placeholders.push(to);
  }
  return text.replace(/\u0000(\d+)\u0000/g, (_m, i: string) => placeholders[Number(i)]!);
}
