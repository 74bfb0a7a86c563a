import { MEASURE, amountOf, measureOf } from '../core/text.js';
import type { Claim, Quantity } from './query.js';
import { cue } from './cues.js';

// A figure a person writes: "50座", "55%", "11万个", "1.3"; not a year, not part of a term such as 5G or 4A.
const QUANTITY = new RegExp(
  `(?<![\\d.a-z])(\\d+(?:\\.\\d+)?)(?![\\d.])(千(?![伏瓦米])|万|亿)?(${MEASURE})?(?![a-z年月日号级])`,
  'gi',
);

export function quantitiesIn(text: string): Quantity[] {
  return [...text.matchAll(QUANTITY)].map((m) => {
    const [raw, number, magnitude = '', measure = ''] = m;
    const unit = `${magnitude}${measure === '％' ? '%' : measure}`;
    return { raw, value: Number(number), amount: amountOf(Number(number), unit), measure: measureOf(unit) };
  });
}

/** The text without the figures it states: a claimed "50座" must not steer retrieval towards another clause's 50. */
export function withoutQuantities(text: string): string {
  return text.replace(QUANTITY, ' ');
}

const YEAR = /(\d{4})年/g;

/** What a yes/no question claims: figures, units, years and places, and whether they are the asker's own situation. */
export function readClaim(text: string, units: readonly string[], places: readonly string[]): Claim {
  const quantities = quantitiesIn(text.replace(YEAR, ' '));
  return {
    quantities,
    // "上架率只有55%，可以申请扩建吗" tests a condition; "目标是50座，对吗" tests a stated figure.
    condition: quantities.length > 0 && cue.condition.test(text) && !/对吗|对不对|正确|准确|没错/.test(text),
    units: [...units],
    years: [...text.matchAll(YEAR)].map((m) => Number(m[1])),
    places: [...places],
  };
}
