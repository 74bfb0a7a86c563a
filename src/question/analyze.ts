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
  /** The parts the question names equally well (one per document that has such a part); empty when none. */
  parts: Part[];
  places: string[];
  /** Year phrases as written: "2020年底前", "2022年". */
  years: string[];
}

/** A part of a policy with sub-parts; `heading` is normalised for matching. */
export interface Part {
  doc: string;
  node: OutlineNode;
  heading: string;
}

export interface Vocabulary {
  units: readonly string[];
  parts: readonly Part[];
  synonyms: Synonyms;
}

const YEAR = /\d{4}年(?:底前|年底前|底|前)?/g;

/** Reads a question: normalises it, recognises its intent and what it names. A follow-up borrows from `previous`. */
export function analyzeQuestion(raw: string, vocabulary: Vocabulary, previous?: string): Analysis {
  const text = applySynonyms(normalizeQuestion(raw), vocabulary.synonyms);
  const unit = findUnit(text, vocabulary.units);
  const parts = findParts(text, vocabulary.parts);
  let intent = detectIntent(text, { unit, part: parts.length > 0 });
  let topic = topicOf(text);
  if (previous && isFollowUp(text)) {
    const before = analyzeQuestion(previous, vocabulary);
    // "那充电桩呢？" keeps the earlier question's intent; a bare "那呢？" keeps its topic too.
    if (intent === 'fact') intent = before.intent;
    topic = topic.replace(/^(那么|那个|那|还有|另外|再问)/, '').trim() || before.topic;
  }
  return { text, intent, topic, unit, parts, places: placesIn(text), years: text.match(YEAR) ?? [] };
}

// A part is named by enough of its heading: "创新基础设施" names "创新基础设施突破行动".
const MIN_PART_CHARS = 4;
const MIN_PART_SHARE = 0.5;

/**
 * The outline parts whose heading the question names most of. Several documents may have a part of the same
 * name (保障措施): all of them are returned, and retrieval decides. Two different headings named equally well
 * are ambiguous: none is returned.
 */
export function findParts(text: string, parts: readonly Part[]): Part[] {
  const scored = parts
    // A cheap test first: a part the question names shares at least one pair of characters with it.
    .filter((p) => [...p.heading].some((_c, i) => i + 1 < p.heading.length && text.includes(p.heading.slice(i, i + 2))))
    .map((p) => {
      const shared = longestCommonSubstring(text, p.heading);
      return { p, shared, share: p.heading.length ? shared / p.heading.length : 0 };
    })
    .filter((s) => s.shared >= Math.min(MIN_PART_CHARS, s.p.heading.length) && s.share >= MIN_PART_SHARE)
    .sort((a, b) => b.share - a.share || b.shared - a.shared);
  const best = scored[0];
  if (!best) return [];
  const tied = scored.filter((s) => s.share === best.share && s.shared === best.shared).map((s) => s.p);
  return new Set(tied.map((p) => p.heading)).size === 1 ? tied : [];
}

function longestCommonSubstring(a: string, b: string): number {
  let best = 0;
  let previous = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    const row = new Array<number>(b.length + 1).fill(0);
    for (let j = 1; j <= b.length; j++) {
      if (a[i - 1] === b[j - 1]) best = Math.max(best, (row[j] = previous[j - 1]! + 1));
    }
    previous = row;
  }
  return best;
}

/** The 责任单位 a question names: exactly, or without the leading 省 or 省委 ("科技厅" → "省科技厅", "网信办" → "省委网信办"). */
export function findUnit(text: string, units: readonly string[]): string | null {
  const exact = units.find((u) => text.includes(u.toLowerCase()));
  if (exact) return exact;
  return (
    units.find((u) => {
      const core = u.replace(/^(省委|省)/, '');
      return core !== u && core.length >= 3 && text.includes(core.toLowerCase());
    }) ?? null
  );
}
