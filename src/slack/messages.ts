import { MAX_QUESTION_LENGTH, TOO_LONG as ENGINE_TOO_LONG } from '../answer/messages.js';

/** Every text the Slack surface shows a user, in one place so tests can assert them and wording stays consistent. */

/**
 * The engine's limit and wording, so Slack and the CLI refuse the same questions the same way; Slack checks it
 * before asking so a pasted document is neither searched nor logged.
 */
export const MAX_QUESTION_CHARS = MAX_QUESTION_LENGTH;
export const TOO_LONG = ENGINE_TOO_LONG;

export const APOLOGY = '抱歉，处理您的问题时出错了，请稍后再试。';
export const EMPTY_QUESTION =
  '您好！请在 @我 后面直接写下问题，例如“加氢站目标是多少？”。输入 `/policy help` 查看更多用法。';
export const TRUNCATED = '（内容过长，已截断）';

export const HELP = [
  '*我可以回答关于政策原文的问题，并给出出处。*',
  '• 在频道里 @我 提问，例如：`@policybot 加氢站目标是多少？`（我会在该消息的话题里回答，可以接着追问“那充电桩呢？”）',
  '• 私信我直接提问',
  '• `/policy 问题`：直接提问，例如 `/policy 5G基站建设目标`',
  '• `/policy units 责任单位`：查看某个单位负责的条款，例如 `/policy units 省能源局`',
  '• `/policy targets 关键词`：查看量化目标（关键词可省略），例如 `/policy targets 5G`',
  '• `/policy quiz [部分] [题数]`：私下做一套政策测验，例如 `/policy quiz 智慧+民生 5`',
  '• `/policy quiz channel [部分] [题数]`：在频道里发布一套测验，大家一起作答',
  '• `/policy help`：显示本帮助',
].join('\n');

export const SUGGESTIONS_INTRO = '您可以试试问这些方面：';
export const UNITS_INTRO = '责任单位';
export const CITATION_LABEL = '出处';
export const RELATED_LABEL = '相关条款';
export const QUESTION_LABEL = '问题';
export const VIEW_CLAUSE = '查看原文';
export const FEEDBACK_UP = '👍 有用';
export const FEEDBACK_DOWN = '👎 没用';
export const FEEDBACK_THANKS = '感谢反馈！';
export const CLAUSE_MISSING = '抱歉，没有找到这条原文，政策索引可能已经更新。';
export const NO_TARGETS = (keyword: string) => `没有找到与“${keyword}”相关的量化目标。`;
export const UNIT_NOT_FOUND = (unit: string) => `没有找到责任单位“${unit}”。`;
export const UNIT_HINT = '已知的责任单位有：';
export const UNITS_USAGE = '请写出责任单位，例如 `/policy units 省能源局`。';
export const UNIT_CLAUSES = (unit: string, count: number) => `*${unit}* 负责的条款（共 ${count} 条）：`;
export const TARGETS_TITLE = (keyword: string, count: number) =>
  keyword === '' ? `政策中的量化目标（共 ${count} 项）：` : `与“${keyword}”相关的量化目标（共 ${count} 项）：`;

export const HOME_TARGETS = '主要量化目标';
export const HOME_HOW_TO_ASK = '如何提问';
export const HOME_ASK_BUTTON = '提问';
export const ASK_MODAL_TITLE = '向政策助手提问';
export const ASK_MODAL_LABEL = '您的问题';
export const ASK_MODAL_PLACEHOLDER = '例如：加氢站目标是多少？';
export const ASK_MODAL_SUBMIT = '提问';
export const CLOSE = '关闭';
export const CLAUSE_MODAL_TITLE = '政策原文';

export const FEEDBACK_REASON_TITLE = '哪里没用？';
export const FEEDBACK_REASON_LABEL = '原因';
export const FEEDBACK_NOTE_LABEL = '补充说明（可选）';
export const FEEDBACK_REASON_SUBMIT = '提交';

export const QUIZ_SENT = (count: number) => `已私信给您一套 ${count} 道题的政策测验，请在私信中作答。`;
export const QUIZ_POSTED = (count: number) => `已在本频道发布一套 ${count} 道题的政策测验。`;
export const QUIZ_NO_QUESTIONS = (part: string | null) =>
  part === null
    ? '抱歉，暂时无法从政策中生成测验题。'
    : `没有找到“${part}”这一部分，或这部分出不了题。请换一个部分，或不写部分。`;
export const QUIZ_PROGRESS = (index: number, total: number) => `第 ${index + 1}/${total} 题`;
export const QUIZ_RIGHT = '✅ 回答正确！';
export const QUIZ_WRONG = (answer: string) => `❌ 回答错误。正确答案是：*${answer}*`;
export const QUIZ_YOUR_CHOICE = (choice: string) => `您的选择：${choice}`;
export const QUIZ_SOURCE = '依据';
export const QUIZ_SCORE = (correct: number, total: number) => `测验结束，得分：*${correct}/${total}*`;
export const QUIZ_ALREADY_ANSWERED = '这道题您已经答过了，以第一次作答为准。';
export const QUIZ_MISSING = '抱歉，找不到这套测验了。';
export const QUIZ_CHANNEL_TITLE = (owner: string, count: number, part: string | null) =>
  `<@${owner}> 发布了一套政策测验（${count} 题${part === null ? '' : `，范围：${part}`}）。点击选项作答，结果只有您自己看得到。`;
export const QUIZ_SCORES_BUTTON = '查看成绩';
export const QUIZ_SCORES_TITLE = '成绩';
export const QUIZ_NO_SCORES = '还没有人作答。';
export const QUIZ_SCORE_LINE = (user: string, correct: number, answered: number, total: number) =>
  `<@${user}>：${correct}/${total}${answered < total ? `（已答 ${answered} 题）` : ''}`;
