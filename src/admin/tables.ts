import { type CitedClause, type DownvoteReason, type LoggedQuestion, VOTE_REASON_LABELS } from '../store/store.js';
import { type Figures, percent } from './figures.js';
import { NO_REASON, STATUS_LABELS, SURFACE_LABELS, TIME_ZONE_LABEL, localTime } from './labels.js';

/** A table cell; a string may hold several lines (one reason, one clause a line). */
export type Cell = string | number;

export interface Column<R> {
  header: string;
  cell: (row: R) => Cell;
  /** On the page only, long text is cut to this many characters; the CSV keeps it whole. */
  clip?: number;
}

/** One table of the dashboard, rendered as HTML and exported as `/admin/<id>.csv` from the same definition. */
export interface Table {
  id: string;
  title: string;
  headers: string[];
  clips: (number | undefined)[];
  rows(figures: Figures): Cell[][];
}

function table<R>(id: string, title: string, source: (f: Figures) => R[], columns: Column<R>[]): Table {
  return {
    id,
    title,
    headers: columns.map((c) => c.header),
    clips: columns.map((c) => c.clip),
    rows: (figures) => source(figures).map((row) => columns.map((c) => c.cell(row))),
  };
}

export function citedClause(c: CitedClause): string {
  return [c.title ? `《${c.title}》` : c.doc, c.section, c.heading].filter((part) => part !== '').join(' ');
}

export function reasonLine(r: DownvoteReason): string {
  const label = r.reason === null ? NO_REASON : VOTE_REASON_LABELS[r.reason];
  return `${label}${r.note.trim() === '' ? '' : `：${r.note.trim()}`}（${r.user}）`;
}

const PRIVATE_QUIZ = '私下作答';
const WHOLE_POLICY = '全部';

export const TABLES = {
  perDay: table('per-day', '每日提问数', (f) => f.perDay, [
    { header: `日期（${TIME_ZONE_LABEL}）`, cell: (d) => d.day },
    { header: STATUS_LABELS.answered, cell: (d) => d.answered },
    { header: STATUS_LABELS.not_found, cell: (d) => d.notFound },
    { header: '合计', cell: (d) => d.answered + d.notFound },
  ]),
  answers: table(
    'answers',
    '回答情况',
    (f) => [
      { label: STATUS_LABELS.answered, count: f.totals.answered, share: f.totals.answeredShare },
      { label: STATUS_LABELS.not_found, count: f.totals.notFound, share: f.totals.notFoundShare },
    ],
    [
      { header: '结果', cell: (r) => r.label },
      { header: '问题数', cell: (r) => r.count },
      { header: '占比', cell: (r) => percent(r.share) },
    ],
  ),
  mostAsked: table('most-asked', '最常问的问题', (f) => f.mostAsked, [
    { header: '问题（最近一次的措辞）', cell: (q) => q.question },
    { header: '次数', cell: (q) => q.count },
    { header: `最近提问（${TIME_ZONE_LABEL}）`, cell: (q) => localTime(q.lastAsked) },
  ]),
  unanswered: table('unanswered', '未找到答案的问题（措辞相同的归为一组）', (f) => f.unanswered, [
    { header: '问题（最近一次的措辞）', cell: (q) => q.question },
    { header: '次数', cell: (q) => q.count },
    { header: `最近提问（${TIME_ZONE_LABEL}）`, cell: (q) => localTime(q.lastAsked) },
  ]),
  downvoted: table('downvoted', '被点 👎 的回答', (f) => f.downvoted, [
    { header: '编号', cell: (d) => d.id },
    { header: `提问时间（${TIME_ZONE_LABEL}）`, cell: (d) => localTime(d.ts) },
    { header: '问题', cell: (d) => d.question },
    { header: '回答', cell: (d) => d.answer, clip: 160 },
    { header: '👎', cell: (d) => d.down },
    { header: '👍', cell: (d) => d.up },
    { header: '原因', cell: (d) => d.reasons.map(reasonLine).join('\n') },
    { header: '引用条款', cell: (d) => d.citations.map(citedClause).join('\n') },
  ]),
  quizzes: table('quizzes', '测验结果', (f) => f.quizzes, [
    { header: '测验', cell: (q) => q.id },
    { header: `时间（${TIME_ZONE_LABEL}）`, cell: (q) => localTime(q.ts) },
    { header: '发起人', cell: (q) => q.owner },
    { header: '频道', cell: (q) => q.channel ?? PRIVATE_QUIZ },
    { header: '范围', cell: (q) => q.part ?? WHOLE_POLICY },
    { header: '题数', cell: (q) => q.questions },
    { header: '参与人数', cell: (q) => q.participants },
    { header: '平均答对', cell: (q) => Math.round(q.averageCorrect * 10) / 10 },
    { header: '平均得分率', cell: (q) => percent(q.averageShare) },
  ]),
  quizScores: table('quiz-scores', '测验成绩（每位参与者）', (f) => f.participants, [
    { header: '测验', cell: (p) => p.quizId },
    { header: '参与者', cell: (p) => p.user },
    { header: '答对', cell: (p) => p.correct },
    { header: '已答', cell: (p) => p.answered },
    { header: '题数', cell: (p) => p.questions },
    { header: '得分率', cell: (p) => percent(p.correct / Math.max(p.questions, 1)) },
  ]),
} satisfies Record<string, Table>;

/** The columns of `/admin/questions.csv`: the whole question log, one row a question. */
export const QUESTION_LOG_COLUMNS: Column<LoggedQuestion>[] = [
  { header: '编号', cell: (q) => q.id },
  { header: '时间（UTC）', cell: (q) => q.ts },
  { header: '来源', cell: (q) => SURFACE_LABELS[q.surface] ?? q.surface },
  { header: '用户', cell: (q) => q.user },
  { header: '频道', cell: (q) => q.channel ?? '' },
  { header: '问题', cell: (q) => q.question },
  { header: '结果', cell: (q) => STATUS_LABELS[q.status] ?? q.status },
  { header: '回答', cell: (q) => q.answer },
  { header: '引用条款', cell: (q) => q.citations.map(citedClause).join('\n') },
  { header: '用时（毫秒）', cell: (q) => Math.round(q.ms) },
  { header: '👍', cell: (q) => q.up },
  { header: '👎', cell: (q) => q.down },
];
