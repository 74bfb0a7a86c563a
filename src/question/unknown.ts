import { nouns } from '../../ingest/tokenize.js';

/**
 * Nouns people use to frame a question that name no subject ("公司", "事情", "数量"), which a policy need not use.
 * Everything else a question names must be found in the corpus, or the policy has no evidence to answer from.
 */
const FRAMING = new Set([
  '公司', '企业家', '老板', '东西', '事情', '事儿', '问题', '情况', '数量', '数目', '个数', '业务', '生意', '细节', '方向', '时候',
  '省里', '那边', '这边', '哪儿', '大概', '具体', '打算', '啥', '咱们', '内容', '方面', '东东', '答案', '信息', '资料', '条文',
  '原文', '规定', '说法', '口径', '文件', '方案', '政策', '部门', '单位', '条款', '地方', '地市', '城市', '省份', '本省', '全省',
]);
const QUANTITY = /^\d+(?:\.\d+)?[千万亿]?\p{Script=Han}?%?$/u;

/** The nouns of `text` the corpus never uses: a question about them is not answered, whatever else it shares. */
export function unknownWords(text: string, knows: (word: string) => boolean): string[] {
  return [...new Set(nouns(text))].filter((w) => !FRAMING.has(w) && !QUANTITY.test(w) && !knows(w));
}
