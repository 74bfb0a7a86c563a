import { PLACES } from '../question/places.js';
import { ungroundedUnits } from './grounding.js';
import type { Citation } from './types.js';

const squash = (s: string) => s.replace(/\s+/g, '');
// A figure with the measure word after it ("30座", "10万个", "60%"); the year of "2022年" is a figure too.
const FIGURE =
  /\d+(?:\.\d+)?(?:[万亿千百])?(?:[%％]|[\p{Script=Han}](?<![的和与及或至到等以上下左右前后内外中是为了]))?/gu;
// Figures written in Chinese numerals ("一百座", "二〇二二年"): a model may spell out what it invents.
const CHINESE_FIGURE = /[零〇一二两三四五六七八九十百千万亿]{2,}[\p{Script=Han}]|[十百千万亿][\p{Script=Han}]/gu;

/**
 * What a rewrite states that the cited quotes and the document's facts do not: a number, a number with its
 * measure word, a place, a year, a 责任单位 not cited. Empty when the rewrite may replace the extractive answer.
 * The asker's words are deliberately no ground here: "说目标是100座" must not become a figure.
 */
export function ungroundedInRewrite(
  rewrite: string,
  citations: readonly Citation[],
  facts: readonly string[],
  units: readonly string[],
): string[] {
  const source = squash(
    [
      ...citations.map((c) => `${c.section} ${c.title} ${c.path} ${c.heading} ${c.units.join('、')} ${c.quote}`),
      ...facts,
    ].join('\n'),
  );
  const text = squash(rewrite);
  const figures = [...(text.match(FIGURE) ?? []), ...(text.match(CHINESE_FIGURE) ?? [])];
  const places = PLACES.filter((p) => text.includes(p));
  const missing = [...figures, ...places].filter((f) => !source.includes(f));
  return [...new Set([...missing, ...ungroundedUnits(text, citations, units, facts)])];
}
