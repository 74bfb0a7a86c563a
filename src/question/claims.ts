import { MEASURE, amountOf, chineseInteger, measureOf } from '../core/text.js';
import type { Claim, Quantity } from './query.js';
import { cue } from './cues.js';

// A figure a person writes: "50座", "55%", "11万个", "1.3"; not a year, not part of a term such as 5G or 4A.
const QUANTITY = new RegExp(
  `(?<![\\d.a-z])(\\d+(?:\\.\\d+)?)(?![\\d.])(千(?![伏瓦米])|万|亿)?(${MEASURE})?(?![a-z年月日号级])`,
  'gi',
);

/**
 * A figure written in Chinese numerals: "五十座", "三万个", "百分之十五". It needs a measure word, a magnitude or
 * 百分之, and a digit ("千家万户" counts nothing); 一 alone is an article ("一批", "一个"), not a figure.
 */
const CHINESE_QUANTITY = new RegExp(
  `(?<![第\\d])(百分之)?([零〇一二两三四五六七八九十百千]+)(万|亿)?(${MEASURE})?`,
  'g',
);
const CHINESE_DIGIT = /[零〇一二两三四五六七八九]|^十/;

/** The figures a text states, Arabic or Chinese, in the order it states them. */
export function quantitiesIn(text: string): Quantity[] {
  const arabic = [...text.matchAll(QUANTITY)].map((m) => {
    const [raw, number, magnitude = '', measure = ''] = m;
    return { at: m.index, quantity: quantity(raw, Number(number), `${magnitude}${measure}`) };
  });
  const chinese = [...text.matchAll(CHINESE_QUANTITY)].flatMap((m) => {
    const [raw, percent, numeral, magnitude = '', measure = ''] = m;
    const value = chineseInteger(numeral!);
    const counted = percent || magnitude || measure;
    if (!counted || value === null || !CHINESE_DIGIT.test(numeral!) || (value === 1 && !percent && !magnitude)) {
      return [];
    }
    return [{ at: m.index, quantity: quantity(raw, value, percent ? '%' : `${magnitude}${measure}`) }];
  });
  return [...arabic, ...chinese].sort((a, b) => a.at - b.at).map((q) => q.quantity);
}

function quantity(raw: string, value: number, written: string): Quantity {
  const unit = written.replace('％', '%');
  return { raw, value, amount: amountOf(value, unit), measure: measureOf(unit) };
}

/** The text without the figures it states: a claimed "50座" must not steer retrieval towards another clause's 50. */
export function withoutQuantities(text: string): string {
  const stated = quantitiesIn(text).map((q) => q.raw);
  return stated.reduce((rest, raw) => rest.replace(raw, ' '), text);
}

const YEAR = /(\d{4})年/g;

/**
 * What a yes/no question claims: figures, units, years and places, and whether they are the asker's own situation.
 * A figure in Chinese numerals that the corpus `writes` with the words after it ("两个低时延…", "三个课堂") is the
 * policy's own wording or a name, not a figure to check.
 */
export function readClaim(
  text: string,
  units: readonly string[],
  places: readonly string[],
  writes: (phrase: string) => boolean,
): Claim {
  const withoutYears = text.replace(YEAR, ' ');
  const quantities = quantitiesIn(withoutYears).filter((q) => {
    if (/\d/.test(q.raw)) return true;
    const at = withoutYears.indexOf(q.raw);
    return !writes(withoutYears.slice(at, at + q.raw.length + 2));
  });
  return {
    quantities,
    // "上架率只有55%，可以申请扩建吗" tests a condition; "目标是50座，对吗" tests a stated figure.
    condition: quantities.length > 0 && cue.condition.test(text) && !/对吗|对不对|正确|准确|没错/.test(text),
    units: [...units],
    years: [...text.matchAll(YEAR)].map((m) => Number(m[1])),
    places: [...places],
  };
}
