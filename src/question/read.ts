import { readClaim, withoutQuantities } from './claims.js';
import { QUESTION_WORDS, askedBy, cue, documentAspects, ordinalOf } from './cues.js';
import { isEnglish, translateEnglish } from './english.js';
import { followUp } from './follow-up.js';
import { nearestLatin, withGlossary } from './latin.js';
import { normalizeQuestion } from './normalize.js';
import { findPart, type Part } from './parts.js';
import { SHANDONG_CITIES, placesIn } from './places.js';
import type { Ask, Asker, ConversationState, Query } from './query.js';
import { readAsker, subjectsOf, topicOf } from './subjects.js';
import { applySynonyms, type Synonyms } from './synonyms.js';
import type { TypoCorrector } from './typos.js';
import { type Evidence, isFraming, unknownHead, unknownWords } from './unknown.js';
import { findUnits, withoutUnits } from './units.js';

/** What the reader knows of the corpus. */
export interface Vocabulary extends Evidence {
  units: readonly string[];
  parts: readonly Part[];
  /** What the corpus's targets count ("典型应用场景"), lower-cased: a question naming one asks for its figure. */
  targetSubjects: readonly string[];
  synonyms: Synonyms;
  typos: TypoCorrector;
  /** Whether a word the corpus uses picks out a few clauses ("在线教育"), not many ("通信"). */
  specific(word: string): boolean;
  /** The places the policies are about ("山东", from their titles): naming them narrows nothing. */
  home: readonly string[];
  /** The policies, by their titles as written. */
  documents: readonly { title: string }[];
  /** The policies' titles, lower-cased: a word every title holds ("新基建" of one policy) names the document, not a subject in it. */
  titles: readonly string[];
  /** The Latin terms the corpus writes ("nb-iot", "pue", "5g"), lower-cased. */
  latin: readonly string[];
}

const YEAR = /\d{4}年(?:底前|年底前|底|前)?/g;
// "22年" is 2022 in a question about a plan; "10年" may be ten years, so only the 2020s are read as years.
const SHORT_YEAR = /(?<![\d.])(2\d)年(?![以内来间左])/g;
// What a question about the document itself says besides its aspect: "这个方案的全称是什么".
const DOCUMENT_WORDS =
  /办公厅|办公室|省政府|人民政府|政府|全称|全名|名称|标题|名字|题目|文号|发文字号|字号|实施期限?|执行期|周期|时间跨度|时间范围|起止|期限|年份|时间段|有效期?|失效|过期|到期|适用|现行|废止|执行|作废|过时|发布|印发|出台|下发|公布|制定|发文|成文|机关|日期|时间|部分|章节|结构|框架|板块|大块|组成|主要|总体|现在|目前|仍然|依然|继续|还|已经|一共|总共|哪几年|哪些年|多少年|年|叫|讲|说|正文|全文/g;
/**
 * Reads a question into a query: normalised (an English question translated through the glossary), users'
 * phrasings and likely typos rewritten into the policy's words, its kind of ask, subjects, units, places, years
 * and claims recognised. A follow-up borrows what it leaves unsaid from the conversation's `state`.
 */
export function readQuestion(raw: string, vocabulary: Vocabulary, state: ConversationState | null): Query {
  const normalized = normalizeQuestion(raw).replace(SHORT_YEAR, '20$1年');
  const english = isEnglish(normalized);
  const latin = english ? { text: normalized, corrections: [] } : nearestLatin(normalized, vocabulary);
  const translated = english
    ? translateEnglish(normalized)
    : { chinese: withGlossary(latin.text, vocabulary), unknown: [] };
  const typed = vocabulary.typos.correct(applySynonyms(translated.chinese, vocabulary.synonyms));
  // "还有吗，比如测试这块": a follow-up about what comes after, read like "那测试这块呢".
  const said = state ? typed.text.replace(cue.moreAbout, '那') : typed.text;
  // "…的责任单位一样吗": whether two answers are the same is seen with both side by side. It is no claim to check,
  // and no mention to confirm with a 是的: the question is read without it. Said alone in a conversation, it asks
  // the conversation's question again, as a bare "呢" does.
  const same = cue.sameness.test(said);
  const compared = same ? said.replace(cue.sameness, '').replace(/[，,；;？?。\s]+$/, '') : '';
  const text = compared.length > 0 ? `${compared}？` : same && state ? '呢' : said;
  const corrections = [...latin.corrections, ...typed.corrections];

  const units = findUnits(text, vocabulary.units);
  const rest = withoutUnits(text, units);
  const part = findPart(rest, vocabulary.parts);
  const places = placesIn(rest);
  const years = rest.match(YEAR) ?? [];
  const asker = readAsker(rest);
  const aspects = documentAspects(rest);
  const claim = readClaim(text, units, places, (phrase) => vocabulary.knows(phrase));
  // "要求是2021年底前完成？": a statement with a question mark and no question word puts itself to the test.
  const stated =
    /[?？]$/.test(text) &&
    !cue.interrogative.test(text) &&
    (claim.quantities.length > 0 || claim.years.length > 0 || units.length > 0);
  const claimed = cue.yesNo.test(text) || stated;
  // "方案里有提到吗" from an enterprise that described itself asks what concerns it, not whether a claim holds.
  const checks =
    claim.quantities.length > 0 ||
    claim.units.length > 0 ||
    claim.years.length > 0 ||
    (claim.places.length > 0 && cue.isIt.test(text));
  const comparison = cue.difference.test(text)
    ? 'difference'
    : /少|低|小/.test(text.match(cue.compare)?.[0] ?? '')
      ? 'smaller'
      : cue.compare.test(text)
        ? 'larger'
        : null;

  // A claimed figure names no subject; a comparison's subjects are split at 比 and 和.
  const asked = rest.replace(cue.followUpStart, '');
  const framing = (w: string) => isFraming(w) || vocabulary.titles.every((t) => t.includes(w));
  const unknown = (piece: string) => unknownWords(piece, vocabulary).length > 0;
  const subjects = subjectsOf(claimed || comparison ? withoutQuantities(asked) : asked, asker, {
    comparing: comparison !== null,
    framing,
    unknown,
    alone: state === null && units.length === 0 && !part,
    tokenizer: vocabulary.tokenizer,
  });
  // A part of the policy named outright is what a count or list is about, not the document as a whole.
  // What the opening paragraph says is asked in its own words ("开篇提出要加快建设哪几类新型基础设施").
  const aboutDocument =
    aspects.includes('preamble') ||
    (aspects.length > 0 &&
      !part &&
      (cue.documentRef.test(rest) || (state === null && subjects.length === 0)) &&
      !namesMoreThanDocument(rest, vocabulary, framing));
  // "多少个典型应用场景" counts a target, not the parts of "应用场景".
  const namesTarget = vocabulary.targetSubjects.some((t) => t.length > (part?.heading.length ?? 0) && rest.includes(t));
  const ask = decideAsk({
    text,
    places,
    units,
    part: namesTarget ? undefined : part,
    asker,
    subjects,
    state,
    document: aboutDocument,
    claimed,
    checks,
    comparison,
  });
  const query: Query = {
    text,
    language: english ? 'en' : 'zh',
    ask,
    subjects: subjectsFor(ask, subjects, asker, claim.units.length > 0, () =>
      subjectsOf(withoutQuantities(claimPiece(asked)), asker, {
        comparing: false,
        framing,
        unknown,
        alone: false,
        tokenizer: vocabulary.tokenizer,
      }),
    ),
    units,
    part: part ? `${part.doc}#${part.node.section}` : null,
    places,
    years,
    claim: ask === 'verify' || (ask === 'document' && claimed) ? claim : null,
    comparison: ask === 'compare' ? comparison : null,
    aspects: ask === 'document' ? aspects : [],
    ordinal: ordinalOf(text),
    asker,
    corrections,
    unknown: [],
    ignored: [],
    questions: claimed || comparison || asker ? [] : questionsIn(text),
    continues: null,
  };
  const resolved = state ? followUp(query, state, text) : query;
  return withEvidence(resolved, translated.unknown, vocabulary);
}

/** The words of a query read elsewhere (by a model) that the corpus never uses: no evidence, no answer, either way. */
export const withCorpusEvidence = (query: Query, vocabulary: Vocabulary): Query => withEvidence(query, [], vocabulary);

/**
 * Records the words the corpus never uses. An enterprise describing itself uses words a policy never will
 * ("K12", "运营商"): they are set aside when the rest of its description names something specific to the policy.
 */
function withEvidence(query: Query, untranslated: readonly string[], vocabulary: Vocabulary): Query {
  const heads =
    query.ask === 'value' || query.ask === 'compare' ? query.subjects.map((s) => unknownHead(s, vocabulary)) : [];
  const unknown = [
    ...unknownWords(query.subjects.join(' '), vocabulary),
    ...heads.filter((h): h is string => h !== null),
  ];
  const business = query.asker ? unknownWords(query.asker.business, vocabulary) : [];
  const all = [...new Set([...untranslated, ...unknown, ...business])];
  // The asker's own figures against the policy's thresholds: who asks ("云服务企业") is no part of what is checked.
  if (query.claim?.condition && business.length > 0 && untranslated.length === 0) {
    return setAside(
      query,
      business,
      all.filter((w) => !business.includes(w)),
    );
  }
  if (query.ask !== 'enterprise' || all.length === 0 || untranslated.length > 0) return { ...query, unknown: all };
  const named = vocabulary.tokenizer.nouns([...query.subjects, query.asker?.business ?? ''].join(' '));
  if (!named.some((w) => vocabulary.specific(w))) return { ...query, unknown: all };
  return setAside(query, all, []);
}

/** The query with `words` taken out of its subjects and its asker's business, and said to be set aside. */
function setAside(query: Query, words: readonly string[], unknown: string[]): Query {
  const strip = (s: string) =>
    words
      .reduce((t, w) => t.split(w).join(' '), s)
      .replace(/\s+/g, ' ')
      .trim();
  return {
    ...query,
    subjects: query.subjects.map(strip).filter(Boolean),
    asker: query.asker ? { ...query.asker, business: strip(query.asker.business) } : null,
    unknown,
    ignored: [...words],
  };
}

/**
 * The questions of a message that asks different things of one subject or several ("X是多少千伏的，牵头部门是
 * 哪个"): split where each piece asks its own kind of thing; a piece that asks nothing frames the next one.
 */
function questionsIn(text: string): string[] {
  const pieces = text
    .split(/[，,；;？?。！!]/)
    .map((p) => p.trim())
    .filter(Boolean);
  const questions: string[] = [];
  let framing = '';
  for (const piece of pieces) {
    if (askedBy(piece)) {
      questions.push(`${framing}${piece}`);
      framing = '';
    } else {
      framing += piece;
    }
  }
  const kinds = new Set(questions.map(askedBy));
  return questions.length > 1 && kinds.size > 1 ? questions : [];
}

/**
 * What a kind of ask is about: nothing, for the document; the business first, for an enterprise; for a yes/no
 * check, the piece that states the claim ("…，潍坊是不是被列为智慧农业试验区了"), not the context around it.
 */
function subjectsFor(
  ask: Ask,
  subjects: string[],
  asker: Asker | null,
  unitClaim: boolean,
  claimed: () => string[],
): string[] {
  if (ask === 'document') return [];
  if (ask === 'enterprise' && asker) return [asker.business, ...subjects.filter((s) => !s.includes(asker.business))];
  if (ask === 'verify' && subjects.length > 1) {
    // Units are checked subject by subject ("智慧工厂和智慧海洋都是…负责的吗"); anything else is one claim about one thing.
    const own = claimed();
    return unitClaim ? (own.length > 0 ? own : subjects) : [subjects.join(' ')];
  }
  return subjects;
}

/** The piece of a question that states its yes/no claim, with the pieces before it when it names nothing itself ("…，对吗"). */
function claimPiece(text: string): string {
  const pieces = text.split(/[，,；;。！!]/);
  const at = pieces.findLastIndex((p) => cue.yesNo.test(p));
  if (at < 0) return text;
  let piece = pieces[at]!;
  for (let i = at - 1; i >= 0 && topicOf(piece.replace(cue.yesNo, ''), null).length < 2; i--)
    piece = `${pieces[i]}，${piece}`;
  return piece;
}

interface AskSignals {
  text: string;
  places: string[];
  units: string[];
  part: Part | undefined;
  asker: Asker | null;
  subjects: string[];
  state: ConversationState | null;
  document: boolean;
  claimed: boolean;
  /** The yes/no question states something to check: a figure, a unit, a year. */
  checks: boolean;
  comparison: Query['comparison'];
}

/** The kind of answer wanted, from the cue phrases and what the question names. */
function decideAsk(s: AskSignals): Ask {
  const { text } = s;
  if (s.state && cue.more.test(text)) return 'more';
  if (s.document) return 'document';
  if (s.comparison && (s.subjects.length >= 2 || cue.than.test(text))) return 'compare';
  const lead = cue.lead.test(text);
  if (s.claimed && !(s.asker && !s.checks)) return 'verify';
  if (s.units.length > 0 && lead && (s.subjects.length === 0 || cue.duty.test(text))) return 'lead_duties';
  if (lead) return 'lead';
  // "列出省教育厅作为责任单位的全部条款": a unit and no subject asks for the unit's clauses.
  if (s.units.length > 0 && (s.subjects.length === 0 || (!cue.who.test(text) && cue.duty.test(text)))) return 'duties';
  if (cue.who.test(text)) return 'units';
  if (s.part && cue.count.test(text) && !cue.target.test(text)) return 'count';
  if (s.part && cue.list.test(text) && !cue.number.test(text)) return 'list';
  if (cue.number.test(text) || cue.target.test(text)) return 'value';
  if (cue.when.test(text)) return 'when';
  if (cue.where.test(text)) return 'where';
  if (s.asker) return 'enterprise';
  if (s.subjects.length === 0 && s.places.some((p) => SHANDONG_CITIES.includes(p))) return 'place';
  return 'summary';
}

/** Whether a question about the document also names a subject of its own ("方案里加氢站的目标"). */
function namesMoreThanDocument(text: string, vocabulary: Vocabulary, framing: (w: string) => boolean): boolean {
  const rest = text.replace(cue.documentRef, ' ').replace(DOCUMENT_WORDS, ' ').replace(QUESTION_WORDS, ' ');
  // Any noun counts, known or not ("6G基站的目标"), but the place the policy is about and its title's words do not.
  return vocabulary.tokenizer.nouns(rest).some((w) => !vocabulary.home.some((h) => w.startsWith(h)) && !framing(w));
}
