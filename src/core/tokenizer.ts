import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import nodejieba from 'nodejieba';

const DICT_DIR = fileURLToPath(new URL('./dict/', import.meta.url));
const STOPWORDS = new Set(
  readFileSync(`${DICT_DIR}stopwords.txt`, 'utf8')
    .split('\n')
    .map((w) => w.trim())
    .filter(Boolean),
);
const HAN_RUN = /\p{Script=Han}+/gu;
const WORDLIKE = /[\p{L}\p{N}]/u;

/**
 * The thread's jieba. nodejieba keeps one dictionary per thread and can add a word but never remove one, so the
 * words in it are tracked: a tokenizer whose corpus lacks one of them has the dictionary reloaded (about 1.2 s)
 * before it cuts. Keyword extraction's IDF table (6 MB) is never used here, so a one-line stand-in is loaded
 * instead (cppjieba refuses an empty one).
 */
const dictionary = {
  loaded: false,
  /** The words added since the dictionaries were loaded, lower-cased. */
  added: new Set<string>(),
  /** The words of the tokenizer that cut last: while it cuts again, nothing needs checking. */
  current: null as ReadonlyMap<string, string> | null,
};

function loadDictionary(): void {
  nodejieba.load({ userDict: `${DICT_DIR}user.dict.utf8`, idfDict: `${DICT_DIR}keyword-idf.utf8` });
  dictionary.loaded = true;
  dictionary.added.clear();
  dictionary.current = null;
}

/** Loads this thread's jieba dictionaries now (a worker does, while the seeds are parsed), not at the first cut. */
export function preloadDictionary(): void {
  if (!dictionary.loaded) loadDictionary();
}

/** The thread's jieba holding exactly the domain dictionary and these words. */
function jiebaWith(words: ReadonlyMap<string, string>): typeof nodejieba {
  if (dictionary.current === words) return nodejieba;
  preloadDictionary();
  for (const key of dictionary.added) {
    if (words.has(key)) continue;
    loadDictionary();
    break;
  }
  for (const [key, word] of words) {
    if (dictionary.added.has(key)) continue;
    nodejieba.insertWord(upperLatin(word), 'n');
    dictionary.added.add(key);
  }
  dictionary.current = words;
  return nodejieba;
}

/** The corpus's own terms that jieba should hold whole: its unit names and clause headings. */
export function learnedWords(clauses: readonly { units: readonly string[]; heading: string }[]): string[] {
  return clauses.flatMap((c) => [...c.units, c.heading]);
}

// The dictionaries spell Latin terms in capitals (5G, PUE, NB-IOT): segment that way, then compare in lower case.
const upperLatin = (text: string) => text.replace(/[a-z]+/g, (m) => m.toUpperCase());
// A token starting with a Chinese character is a word; only the rest need the Unicode test.
const isHan = (code: number) => code >= 0x4e00 && code <= 0x9fff;
const keep = (w: string) => w.length > 0 && (isHan(w.charCodeAt(0)) || WORDLIKE.test(w)) && !STOPWORDS.has(w);
/** Whether a token is Chinese characters alone, which have no case: most are, and lowering copies each. */
const allHan = (token: string) => {
  for (let i = 0; i < token.length; i++) if (!isHan(token.charCodeAt(i))) return false;
  return true;
};

// Parts of speech that name a topic: nouns, names, places, organisations, idioms, abbreviations, Latin words.
const TOPIC_TAGS = /^(n|nr|ns|nt|nz|ng|eng|j|l|i)$/;
// In a compound, attributive words (b) name part of the topic too ("公共停车场").
const COMPOUND_TAGS = /^(n|nr|ns|nt|nz|ng|eng|j|l|i|b)$/;

// Segmentation may glue a conjunction to the next word ("市和县" → 市/和县, a county of Anhui): it is not part of it.
const JOINER_EDGE = /^[和与及跟同]|[和与及跟同]$/g;

export interface TaggedWord {
  word: string;
  /** Names a topic: a noun, a name, an abbreviation, a Latin term. */
  noun: boolean;
  /** A verb used as a noun ("测试", "建设"). */
  verbal: boolean;
}

/**
 * jieba with the repo's domain dictionary and one corpus's own terms (unit names, clause headings), so they are not
 * cut into pieces. Each corpus has its own: two corpora opened in one process cut each text as each would alone.
 */
export class Tokenizer {
  /** The corpus's terms, trimmed, by their lower-case form. */
  private readonly learned: ReadonlyMap<string, string>;

  constructor(words: Iterable<string> = []) {
    const learned = new Map<string, string>();
    for (const word of words) {
      const w = word.trim();
      if (w.length >= 2 && !learned.has(w.toLowerCase())) learned.set(w.toLowerCase(), w);
    }
    this.learned = learned;
  }

  private jieba(): typeof nodejieba {
    return jiebaWith(this.learned);
  }

  /** Jieba words (search mode, with HMM), Latin lower-cased, stopwords and punctuation dropped. */
  words(text: string): string[] {
    const kept: string[] = [];
    // One pass: this runs over every passage of a large corpus.
    for (const token of this.jieba().cutForSearch(upperLatin(text), true)) {
      // Headings learned as words may hold Latin ("加快5G商用"), so any token but pure Chinese is lower-cased.
      const w = allHan(token) ? token : (isHan(token.charCodeAt(0)) ? token : token.trim()).toLowerCase();
      if (keep(w)) kept.push(w);
    }
    return kept;
  }

  /** The text cut into jieba's words, every character kept (punctuation too), Latin lower-cased. */
  segments(text: string): string[] {
    return this.jieba()
      .cut(upperLatin(text), true)
      .map((t) => t.toLowerCase());
  }

  /** Whether jieba's dictionary (with the domain dictionary and the corpus's terms) holds a text as one word. */
  isWord(text: string): boolean {
    return this.jieba().cut(upperLatin(text), false).length === 1;
  }

  /** The text's words in order, lower-cased, each marked whether it names a topic. */
  tagged(text: string): TaggedWord[] {
    return this.jieba()
      .tag(upperLatin(text))
      .map((t) => ({
        word: t.word.trim().toLowerCase().replace(JOINER_EDGE, ''),
        noun: COMPOUND_TAGS.test(t.tag) || /^[a-z0-9]/i.test(t.word.trim()),
        verbal: t.tag === 'vn',
      }))
      .filter((t) => t.word.length > 0);
  }

  /** The nouns of a text: what it is about, without its verbs, pronouns and particles. */
  nouns(text: string): string[] {
    return this.jieba()
      .tag(upperLatin(text))
      .filter((t) => TOPIC_TAGS.test(t.tag))
      .map((t) => t.word.trim().toLowerCase().replace(JOINER_EDGE, ''))
      .filter((w) => (w.length >= 2 || /[a-z0-9]/.test(w)) && keep(w));
  }

  /** The terms a passage is indexed by and a question is matched with: words, plus bigrams marked apart. */
  searchTerms(text: string): string[] {
    return [...this.words(text), ...bigrams(text).map(bigramTerm)];
  }
}

/** Overlapping character pairs of each run of Chinese characters: recall where segmentation differs. */
export function bigrams(text: string): string[] {
  const grams: string[] = [];
  forEachBigram(text, (pair) => grams.push(bigramText(pair)));
  return grams;
}

/**
 * `bigrams` as numbers, the pair's two UTF-16 codes in one 32-bit integer (first << 16 | second), without making a
 * string a pair: ingest meets millions of them and needs a string only for a pair it has not met before. A signed
 * 32-bit integer is a small integer to V8, so a map keyed by pairs never boxes a key (first × 65536 + second would,
 * for every character from U+8000).
 */
export function forEachBigram(text: string, visit: (pair: number) => void): void {
  for (const match of text.matchAll(HAN_RUN)) {
    const start = match.index;
    const end = start + match[0].length;
    for (let i = start; i + 1 < end; i++) visit((text.charCodeAt(i) << 16) | text.charCodeAt(i + 1));
  }
}

export const bigramText = (pair: number): string => String.fromCharCode(pair >>> 16, pair & 0xffff);

/** A bigram's search term: marked apart from the words. */
export const bigramTerm = (gram: string): string => `#${gram}`;
