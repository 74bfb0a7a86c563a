import type { OutlineNode } from '../../ingest/schema.js';
import type { Intent } from '../answer/types.js';
import { detectIntent, isFollowUp, topicOf } from './intent.js';
import { normalizeQuestion } from './normalize.js';
import { placesIn } from './places.js';
import { applySynonyms, type Synonyms } from './synonyms.js';

export interface Analysis {
  /** Normalised, with users' phrasings rewritten into the policy's words. */
  text: string;
  intent: Intent;
  /** What the question is about, without its cue phrases; what retrieval matches. */
  topic: string;
  unit: string | null;
  part: { doc: string; node: OutlineNode } | null;
  places: string[];
  /** Year phrases as written: "2020年底前", "2022年". */
  years: string[];
}

export interface Vocabulary {
  units: readonly string[];
  parts: readonly { doc: string; node: OutlineNode }[];
  synonyms: Synonyms;
}

const YEAR = /\d{4}年(?:底前|年底前|底|前)?/g;

/** Reads a question: normalises it, recognises its intent and what it names. A follow-up borrows from `previous`. */
export function analyzeQuestion(raw: string, vocabulary: Vocabulary, previous?: string): Analysis {
  const text = applySynonyms(normalizeQuestion(raw), vocabulary.synonyms);
  const unit = findUnit(text, vocabulary.units);
  const part = vocabulary.parts.find((p) => p.node.heading.length >= 2 && text.includes(normalizeQuestion(p.node.heading))) ?? null;
  let intent = detectIntent(text, { unit, part: part !== null });
  let topic = topicOf(text);
  if (previous && isFollowUp(text)) {
    const before = analyzeQuestion(previous, vocabulary);
    // "那充电桩呢？" keeps the earlier question's intent; a bare "那呢？" keeps its topic too.
    if (intent === 'fact') intent = before.intent;
    topic = topic.replace(/^(那么|那个|那|还有|另外|再问)/, '').trim() || before.topic;
  }
  return { text, intent, topic, unit, part, places: placesIn(text), years: text.match(YEAR) ?? [] };
}

/** The 责任单位 a question names: exactly, or without the leading 省 ("科技厅" → "省科技厅"). */
export function findUnit(text: string, units: readonly string[]): string | null {
  const exact = units.find((u) => text.includes(u.toLowerCase()));
  if (exact) return exact;
  return units.find((u) => u.startsWith('省') && u.length >= 4 && text.includes(u.slice(1).toLowerCase())) ?? null;
}
