import * as OpenCC from 'opencc-js/t2cn';

const toSimplified = OpenCC.Converter({ from: 't', to: 'cn' });
// Chinese sentence punctuation keeps its full-width form; everything else full-width becomes ASCII.
const KEEP_FULLWIDTH = new Set('，。、；：？！（）“”‘’《》【】');

/**
 * Puts a question into the form the corpus is written in: simplified characters, half-width digits and
 * letters, lower-case Latin, single spaces, no runs of punctuation ("？？？", "!!!").
 */
export function normalizeQuestion(raw: string): string {
  const halfWidth = [...raw]
    .map((ch) => {
      const code = ch.charCodeAt(0);
      if (code === 0x3000) return ' ';
      if (code >= 0xff01 && code <= 0xff5e && !KEEP_FULLWIDTH.has(ch)) return String.fromCharCode(code - 0xfee0);
      return ch;
    })
    .join('');
  return (
    toSimplified(halfWidth)
      .toLowerCase()
      .replace(/[\p{Cc}\p{Cf}]/gu, ' ')
      .replace(/([\p{P}\p{S}])\1+/gu, '$1')
      .replace(/\s+/g, ' ')
      // "Longdong–Taian": a dash between Latin words is a hyphen.
      .replace(/(?<=[a-z])[–—](?=[a-z])/g, '-')
      // Chinese is written without spaces: "责任 单位" is 责任单位. Spaces between Latin words stay.
      .replace(/(?<=[\p{Script=Han}\p{P}]) | (?=[\p{Script=Han}\p{P}])/gu, '')
      .trim()
  );
}
