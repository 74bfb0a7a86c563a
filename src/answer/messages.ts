/** User-facing texts of the answering engine, named so tests and Slack can refer to them. */
export const NOT_FOUND = '本政策文件中没有找到相关内容。';
export const NOT_FOUND_EN = 'This policy does not cover that (本政策文件中没有找到相关内容).';
export const EMPTY_QUESTION = '请输入一个关于政策的问题，例如：“加氢站目标是多少”“省能源局负责哪些任务”。';
export const MAX_QUESTION_LENGTH = 500;
export const TOO_LONG = `问题太长了（超过${MAX_QUESTION_LENGTH}字），请用一两句话提问，例如：“5G基站要建多少个”。`;
export const NO_TOPIC = '没有识别出问题中的政策内容，请用中文描述想了解的事项，例如：“数据中心上架率要求是多少”。';
export const SUGGEST = '您可以问问本政策涉及的这些内容：';
export const NO_UNITS = '该条款未列明责任单位。';

/** Said before an answer read through a likely typo, so the asker can tell. */
export const readAs = (terms: readonly string[]) => ({
  zh: `按${terms.map((t) => `“${t}”`).join('、')}理解。`,
  en: `Read as ${terms.map((t) => `“${t}”`).join(', ')}.`,
});

/** Said after a target when the plan's period is over: a target is not a result. */
export const periodEnded = (start: number, end: number) => ({
  zh: `注：本方案实施期为${start}年至${end}年，已经结束；以上是方案设定的目标，不代表完成情况。`,
  en: `Note: the plan covered ${start}–${end} and has ended; this is the target it set, not what was achieved.`,
});
