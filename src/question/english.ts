import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { createError } from '../core/errors.js';

/**
 * English questions, read by translating them into the policy's own Chinese words: the glossary maps English
 * phrases to the policy's terms, units and places; the cue table maps question phrases ("who is responsible
 * for") to the Chinese cues the Chinese reader understands ("谁负责"). Both live beside this file.
 */

const GlossaryEntrySchema = z.strictObject({
  zh: z.string().min(1),
  /** The first phrase is the English name used when an answer is rendered in English. */
  en: z.array(z.string().trim().min(1)).min(1),
  /** A measure counts only right after a number: "30 stations" → 30座. */
  kind: z.enum(['term', 'measure']).optional(),
  /** The measure word the policy counts this term in: "30 hydrogen stations" → 30座加氢站. Terms only. */
  counter: z.string().min(1).optional(),
  /** What a measure multiplies the number by: "50 billion yuan" → 500亿元. Measures only. */
  scale: z.number().positive().optional(),
});
const GlossarySchema = z.array(GlossaryEntrySchema);
export type GlossaryEntry = z.infer<typeof GlossaryEntrySchema>;

const CueSchema = z.array(z.strictObject({ zh: z.string().min(1), en: z.array(z.string().trim().min(1)).min(1) }));

/**
 * English words that frame a question rather than name what it is about. They are never reported as unknown;
 * a phrase in the glossary or cue table may still contain them ("is it true that", "title of the plan"). They
 * also tell an English question from a Chinese one that quotes an abbreviation ("PUE值是多少").
 */
// biome-ignore format: a word list reads best packed
const STOP_WORDS = new Set([
  // articles, pronouns, determiners
  'a', 'an', 'the', 'this', 'that', 'these', 'those', 'it', 'its', 'itself', 'they', 'them', 'their', 'there', 'here',
  'we', 'us', 'our', 'you', 'your', 'i', 'me', 'my', 'he', 'him', 'his', 'she', 'her', 'one', 'ones', 'any', 'some',
  'all', 'each', 'every', 'both', 'either', 'neither', 'such', 'same', 'own', 'another', 'anything', 'something',
  'everything', 'nothing', 'anyone', 'someone',
  // auxiliaries and contractions (apostrophes are dropped before matching: "don't" → "dont")
  'is', 'are', 'was', 'were', 'be', 'been', 'being', 'am', 'do', 'does', 'did', 'done', 'doing', 'have', 'has', 'had',
  'having', 'will', 'would', 'shall', 'should', 'can', 'could', 'may', 'might', 'must', 'need', 'needs', 'ought',
  'going', 'gonna', 'get', 'gets', 'got', 'dont', 'doesnt', 'didnt', 'isnt', 'arent', 'wasnt', 'werent', 'wont',
  'cant', 'couldnt', 'shouldnt', 'wouldnt', 'hasnt', 'havent', 'im', 'ive', 'youre', 'theyre', 'theres', 'lets',
  // question words: the cue table translates those that ask something the Chinese reader can answer
  'what', 'which', 'who', 'whom', 'whose', 'why', 'how', 'when', 'where', 'whether', 'if',
  // prepositions and conjunctions
  'of', 'in', 'on', 'at', 'by', 'for', 'from', 'to', 'into', 'onto', 'with', 'within', 'without', 'about', 'across',
  'after', 'against', 'along', 'among', 'before', 'behind', 'between', 'beyond', 'during', 'except', 'inside', 'near',
  'off', 'out', 'outside', 'over', 'per', 'regarding', 'concerning', 'since', 'through', 'throughout', 'toward',
  'towards', 'under', 'until', 'till', 'up', 'upon', 'via', 'and', 'or', 'but', 'nor', 'not', 'no', 'yes', 'so',
  'than', 'then', 'as', 'because', 'while', 'though', 'although', 'however', 'also', 'too', 'very', 'just', 'only',
  'even', 'still', 'already', 'yet', 'again', 'ever', 'else',
  // quantity words whose figure the cue table asks for ("how many")
  'many', 'much', 'more', 'most', 'less', 'least', 'few', 'fewer', 'several', 'lot', 'lots', 'total', 'overall',
  // the document itself, and verbs any plan uses ("what will the plan build")
  'plan', 'plans', 'planned', 'policy', 'policies', 'document', 'documents', 'scheme', 'program', 'programme', 'text',
  'say', 'says', 'said', 'mention', 'mentions', 'mentioned', 'state', 'states', 'stated', 'specify', 'specified',
  'stipulate', 'stipulated', 'build', 'builds', 'built', 'construct', 'constructed', 'establish', 'established',
  'create', 'created', 'make', 'made', 'set', 'provide', 'provided', 'intend', 'expect', 'expected', 'supposed',
  'achieve', 'achieved', 'promote', 'promoted', 'encourage', 'encouraged', 'strengthen', 'improve', 'improved',
  'accelerate', 'speed', 'boost', 'increase', 'enhance', 'advance', 'implement', 'implemented', 'carry', 'carried',
  'put', 'take', 'taken', 'give', 'given', 'see', 'know', 'tell', 'show', 'explain', 'describe', 'find', 'look',
  'want', 'like', 'listed', 'exist', 'exists', 'host', 'hold', 'cover', 'covers', 'covered', 'work', 'works',
  'working', 'undertake', 'undertakes', 'involve', 'involves', 'involved', 'concern', 'concerns', 'use', 'used',
  'using', 'allow', 'allowed', 'help', 'handle', 'manage', 'managed', 'run', 'operate', 'offer', 'offers', 'become',
  'remain', 'keep', 'start', 'started', 'begin', 'finish', 'happen', 'happens', 'able', 'possible', 'available',
  'different', 'various', 'certain', 'likely', 'first', 'second', 'last', 'next', 'previous', 'question', 'answer',
  'detail', 'details', 'example', 'examples', 'aspect', 'aspects', 'regard', 'respect', 'terms', 'situation',
  'status',
  // politeness and filler
  'please', 'thanks', 'thank', 'hi', 'hello', 'hey', 'ok', 'okay', 'sure', 'exactly', 'specifically', 'currently',
  'now', 'today', 'new', 'latest', 'current', 'entire', 'full', 'main', 'specific', 'particular', 'related', 'relevant',
  'according', 'far', 'long', 'year', 'years', 'time', 'times', 'date', 'thing', 'things', 'kind', 'kinds', 'type',
  'types', 'way', 'ways', 'rate', 'value', 'figure', 'really', 'actually', 'yuan', 'rmb',
  // verbs of doing, in their common forms, and nouns of place or part that frame rather than name
  'bring', 'brings', 'bringing', 'brought', 'building', 'constructing', 'establishing', 'creating', 'making', 'setting',
  'providing', 'achieving', 'promoting', 'reaching', 'reach', 'reached', 'complete', 'completed', 'completing', 'finished',
  'develop', 'developed', 'developing', 'support', 'supported', 'supporting', 'planning', 'aim', 'aims', 'aimed',
  'target', 'targets', 'targeted', 'goal', 'goals', 'require', 'required', 'requires', 'requirement', 'requirements',
  'responsibility', 'responsibilities', 'role', 'roles', 'task', 'tasks', 'job', 'jobs', 'measure', 'measures',
  'town', 'towns', 'area', 'areas', 'region', 'regions', 'place', 'places', 'level', 'levels', 'part', 'parts',
  'field', 'fields', 'sector', 'sectors', 'side', 'end', 'number', 'numbers', 'amount', 'list', 'name', 'names',
  'official', 'qualify', 'qualifies', 'eligible', 'apply', 'applies', 'applying', 'needed', 'receive',
]);

// biome-ignore format: a word list reads best packed
const AUXILIARIES = new Set([
  'is', 'are', 'was', 'were', 'will', 'would', 'does', 'do', 'did', 'can', 'could', 'should', 'shall', 'has', 'have',
  'must', 'may', 'isnt', 'arent', 'doesnt', 'dont', 'wont',
]);

/** Appended to a yes/no question ("Will Shandong build …?") that carries no cue of its own. */
const YES_NO_CUE = '对吗';

interface Phrase {
  /** Word keys (see `wordKey`), in order. */
  keys: string[];
  zh: string;
  kind: 'term' | 'cue' | 'measure';
  counter?: string;
  scale?: number;
}

interface Token {
  kind: 'word' | 'number' | 'zh';
  text: string;
  key: string;
}

const GLOSSARY_FILE = new URL('./glossary.en.json', import.meta.url);
const CUES_FILE = new URL('./cues.en.json', import.meta.url);

/** Reads and validates a glossary file; a bad entry, or a phrase given two Chinese terms, stops with its name. */
export function readGlossary(file: string | URL): GlossaryEntry[] {
  return loadGlossary(file, new Map()).entries;
}

function loadGlossary(file: string | URL, seen: Map<string, Phrase>) {
  const entries = readTable(file, GlossarySchema, 'glossary');
  entries.forEach((entry, i) => {
    const measure = entry.kind === 'measure';
    if (!measure && entry.scale !== undefined) throw invalid(file, 'glossary', i, entry.zh, 'scale is for measures');
    if (measure && entry.counter !== undefined) throw invalid(file, 'glossary', i, entry.zh, 'counter is for terms');
  });
  const phrases = compile(
    file,
    'glossary',
    entries.map((e) => ({ ...e, kind: e.kind ?? 'term' })),
    seen,
  );
  return { entries, phrases };
}

function readTable<T extends { zh: string }>(file: string | URL, schema: z.ZodType<T[]>, label: string): T[] {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    const reason = (error as Error).message;
    throw createError('CONFIG_FILE_INVALID', label, display(file), `cannot be read: ${reason}`);
  }
  const parsed = schema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const [index, ...field] = issue.path;
  if (typeof index !== 'number') {
    const shape = 'a JSON array of {"zh": "政策用语", "en": ["english phrase", …]} entries';
    throw createError('CONFIG_FILE_INVALID', label, display(file), `must be ${shape}`);
  }
  const zh = (raw as { zh?: unknown }[])[index]?.zh;
  const problem = `${field.join('.') || 'entry'}: ${issue.message}`;
  throw invalid(file, label, index, typeof zh === 'string' ? zh : undefined, problem);
}

function invalid(file: string | URL, label: string, index: number, zh: string | undefined, problem: string) {
  const entry = `entry ${index + 1}${zh === undefined ? '' : ` (${zh})`}`;
  return createError('CONFIG_FILE_INVALID', label, display(file), `${entry}: ${problem}`);
}

const display = (file: string | URL) => (file instanceof URL ? fileURLToPath(file) : file);

/** Turns entries into phrases; a phrase `seen` before with another Chinese term is an error. */
function compile(
  file: string | URL,
  label: string,
  entries: readonly { zh: string; en: readonly string[]; kind: Phrase['kind']; counter?: string; scale?: number }[],
  seen: Map<string, Phrase>,
): Phrase[] {
  const phrases: Phrase[] = [];
  entries.forEach((entry, i) => {
    for (const english of entry.en) {
      const keys = tokenize(english).map((t) => t.key);
      if (keys.length === 0) throw invalid(file, label, i, entry.zh, `phrase "${english}" has no words`);
      // Measures live apart: "companies" counts (300家) after a number and names 企业 anywhere else.
      const id = `${entry.kind === 'measure' ? 'measure' : 'phrase'}:${keys.join(' ')}`;
      const before = seen.get(id);
      if (before && before.zh !== entry.zh) {
        throw invalid(file, label, i, entry.zh, `phrase "${english}" already means ${before.zh}`);
      }
      const phrase: Phrase = { keys, zh: entry.zh, kind: entry.kind, counter: entry.counter, scale: entry.scale };
      seen.set(id, phrase);
      phrases.push(phrase);
    }
  });
  return phrases;
}

/** Phrases by first word key, longest first, so "5g base station" is tried before "5g". */
function index(phrases: readonly Phrase[]): Map<string, Phrase[]> {
  const byFirst = new Map<string, Phrase[]>();
  for (const p of phrases) {
    const list = byFirst.get(p.keys[0]!) ?? [];
    list.push(p);
    byFirst.set(p.keys[0]!, list);
  }
  for (const list of byFirst.values()) list.sort((a, b) => b.keys.length - a.keys.length);
  return byFirst;
}

/**
 * The word a plural and its singular share, by simple rules on both sides: stations/station, cities/city,
 * centres/centre, boxes/box, services/service. Numbers and short words ("is", "5g") stay as written.
 */
function wordKey(word: string): string {
  if (!/^[a-z]+$/.test(word) || word.length < 3) return word;
  if (word.endsWith('ies') && word.length > 4) return `${word.slice(0, -3)}y`;
  if (/(?:ss|us|is)$/.test(word)) return word;
  if (word.endsWith('es')) return word.slice(0, -2);
  if (word.endsWith('s')) return word.slice(0, -1);
  if (word.endsWith('e') && word.length > 3) return word.slice(0, -1);
  return word;
}

// A Chinese run (with the digits, years and punctuation inside it), a Latin word (letters, maybe digits: "5g",
// "4a"), or a number ("112,000", "1.25", "65%"). Everything else separates words, so a word never matches
// inside a longer one: "ai" is not in "said".
const CHINESE_RUN = String.raw`(?:\d[\d.\-]*)?\p{Script=Han}[\p{Script=Han}\d.%+\-、，]*`;
const LATIN_WORD = '[a-z0-9]*[a-z][a-z0-9]*';
const NUMBER = String.raw`\d+(?:,\d{3})*(?:\.\d+)?%?`;
const TOKEN = new RegExp(`${CHINESE_RUN}|${LATIN_WORD}|${NUMBER}`, 'gu');
const ARTICLES = new Set(['a', 'an', 'the']);

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  // "Shandong's" is Shandong; "Xiong'an" and "don't" lose their apostrophe.
  const plain = text
    .toLowerCase()
    .replace(/['’]s\b/g, '')
    .replace(/['’]/g, '');
  for (const [m] of plain.matchAll(TOKEN)) {
    if (/\p{Script=Han}/u.test(m)) tokens.push({ kind: 'zh', text: m, key: m });
    else if (/^[\d,.]+%?$/.test(m)) {
      const number = m.replace(/,/g, '');
      tokens.push({ kind: 'number', text: number, key: number });
    } else if (!ARTICLES.has(m)) tokens.push({ kind: 'word', text: m, key: wordKey(m) });
  }
  return tokens;
}

// Loaded once, after the tokenizer they are read with.
const seen = new Map<string, Phrase>();
const { entries: glossary, phrases: terms } = loadGlossary(GLOSSARY_FILE, seen);
const cueEntries = readTable(CUES_FILE, CueSchema, 'cue').map((e) => ({ ...e, kind: 'cue' as const }));
const cues = compile(CUES_FILE, 'cue', cueEntries, seen);
const all = [...terms, ...cues];
const PHRASES = index(all.filter((p) => p.kind !== 'measure'));
const MEASURES = index(all.filter((p) => p.kind === 'measure'));
const ENGLISH_NAMES = new Map<string, string>();
for (const entry of glossary) if (!ENGLISH_NAMES.has(entry.zh)) ENGLISH_NAMES.set(entry.zh, entry.en[0]!);

const YEAR = String.raw`(?:19|20)\d{2}`;
const BY = '(?:by|before|until|till|no later than|at|in)';
const END_OF = String.raw`(?:end\s+of\s+(?:the\s+year\s+)?|year[-\s]?end\s+(?:of\s+)?|end[-\s])`;
/**
 * Year phrases, rewritten into the Chinese the reader knows before the words are matched. Each step leaves
 * Chinese behind (年), which the later steps do not match again.
 */
// biome-ignore format: a word list reads best packed
const YEAR_PHRASES: [RegExp, string][] = [
  [new RegExp(String.raw`\b(?:from\s+)?(${YEAR})\s*(?:-|–|—|to|through)\s*(${YEAR})\b`, 'g'), ' $1-$2年 '],
  [new RegExp(String.raw`\b(?:${BY}\s+)?(?:the\s+)?${END_OF}(${YEAR})\b`, 'g'), ' $1年底前 '],
  [new RegExp(String.raw`\b(?:by|until|till|through|up to|no later than)\s+(${YEAR})\b(?!年)`, 'g'), ' 到$1年 '],
  [new RegExp(String.raw`\bbefore\s+(${YEAR})\b(?!年)`, 'g'), ' $1年前 '],
  [new RegExp(String.raw`(?<![\d-])\b(?:(?:in|since|as of|during)\s+)?(${YEAR})\b(?![年.\d%-])`, 'g'), ' $1年 '],
];
/** "More than 500" claims a figure (超过500); "more than" alone compares (哪个多, in the cue table). */
// biome-ignore format: a word list reads best packed
const BEFORE_NUMBER: [RegExp, string][] = [
  [/\b(?:more|greater|larger|bigger) than\s+(?=\d)/g, ' 超过 '],
  [/\b(?:less|fewer|smaller) than\s+(?=\d)/g, ' 低于 '],
];

/**
 * Whether a question is written in English: it has Latin words, and either no Chinese at all or English
 * function words and at least as many Latin words as Chinese ones (two characters make a Chinese word).
 * "PUE值是多少" and "5G基站有多少" are Chinese; "Who leads 智慧教育?" is English.
 */
export function isEnglish(text: string): boolean {
  const words = text.toLowerCase().match(/[a-z]{2,}/g) ?? [];
  if (words.length === 0) return false;
  const han = (text.match(/\p{Script=Han}/gu) ?? []).length;
  if (han === 0) return true;
  return words.some((w) => STOP_WORDS.has(w)) && words.length * 2 >= han;
}

export interface Translation {
  /** The matched Chinese terms and cues in the question's order, for the Chinese question reader. */
  chinese: string;
  /** Content words no phrase matched: with any of them, the policy may have nothing on the question. */
  unknown: string[];
}

/**
 * Translates a normalised English question into the policy's Chinese words, longest phrase first, on whole
 * words: "How many 5G base stations will Shandong build by 2022?" → "多少5G基站山东到2022年".
 */
export function translateEnglish(text: string): Translation {
  let prepared = text.toLowerCase();
  for (const [pattern, replacement] of [...YEAR_PHRASES, ...BEFORE_NUMBER]) {
    prepared = prepared.replace(pattern, replacement);
  }
  const tokens = tokenize(prepared);
  const parts: string[] = [];
  const unknown: string[] = [];
  let cued = false;
  for (let i = 0; i < tokens.length; ) {
    const token = tokens[i]!;
    if (token.kind === 'zh') {
      parts.push(token.text);
      i += 1;
      continue;
    }
    // A phrase may start with a number ("7 coastal cities"); otherwise a number takes the measure after it.
    const phrase = matchAt(PHRASES, tokens, i);
    if (phrase) {
      parts.push(phrase.zh);
      cued ||= phrase.kind === 'cue';
      i += phrase.keys.length;
      continue;
    }
    if (token.kind === 'number') {
      const measure = matchAt(MEASURES, tokens, i + 1);
      const term = matchAt(PHRASES, tokens, i + 1);
      if (measure) parts.push(`${scaled(token.text, measure.scale)}${measure.zh}`);
      else parts.push(`${token.text}${term?.counter ?? ''}`);
      // "300 companies" → 300家 then 企业; "15 percent" → 15% alone, not the cue 占比 as well.
      i += 1 + (measure && term?.kind !== 'term' ? measure.keys.length : 0);
      continue;
    }
    // A measure word without a number ("how many stations") adds nothing.
    const measure = matchAt(MEASURES, tokens, i);
    if (measure) {
      i += measure.keys.length;
      continue;
    }
    const stop =
      STOP_WORDS.has(token.text) || STOP_WORDS.has(token.key) || stems(token.text).some((s) => STOP_WORDS.has(s));
    if (token.text.length > 1 && !stop && !unknown.includes(token.text)) unknown.push(token.text);
    i += 1;
  }
  const first = tokens[0];
  // "Is the hydrogen station target 50?": a question opened by an auxiliary checks a claim, cue or not.
  if (first?.kind === 'word' && AUXILIARIES.has(first.text) && !cued) parts.push(YES_NO_CUE);
  else if (
    first?.kind === 'word' &&
    AUXILIARIES.has(first.text) &&
    tokens.some((t) => t.kind === 'number') &&
    !parts.includes(YES_NO_CUE)
  )
    parts.push(YES_NO_CUE);
  return { chinese: join(parts), unknown };
}

/** "aiming" → aim, "planned" → plan, "supporting" → support: the base forms a stop word may take. */
function stems(word: string): string[] {
  const m = /^(.{3,}?)(?:ing|ed)$/.exec(word);
  if (!m) return [];
  const base = m[1]!;
  return [base, `${base}e`, base.replace(/(.)\1$/, '$1')];
}

/** A Chinese term's English name, for answers in English: "省教育厅" → "Provincial Department of Education". */
export function englishName(zh: string): string | undefined {
  return ENGLISH_NAMES.get(zh);
}

function matchAt(phrases: Map<string, Phrase[]>, tokens: readonly Token[], at: number): Phrase | undefined {
  const first = tokens[at];
  if (!first || first.kind === 'zh') return undefined;
  const matches = (p: Phrase) => p.keys.every((key, j) => tokens[at + j]?.kind !== 'zh' && tokens[at + j]?.key === key);
  return phrases.get(first.key)?.find(matches);
}

function scaled(number: string, scale: number | undefined): string {
  return scale === undefined ? number : String(Number((Number.parseFloat(number) * scale).toFixed(6)));
}

/** Chinese needs no spaces; two Latin or numeric parts side by side ("PUE", "1.25") keep one. */
function join(parts: readonly string[]): string {
  const latinMeets = (out: string, part: string) => /[a-z0-9%]$/i.test(out) && /^[a-z0-9]/i.test(part);
  return parts.reduce((out, part) => (latinMeets(out, part) ? `${out} ${part}` : out + part), '');
}
