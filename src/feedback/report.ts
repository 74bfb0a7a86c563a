import { existsSync } from 'node:fs';
import { type Figures, gatherFigures, percent } from '../admin/figures.js';
import { TIME_ZONE_LABEL, localTime } from '../admin/labels.js';
import { citedClause, reasonLine } from '../admin/tables.js';
import { BaseConfigSchema, readConfig } from '../config.js';
import { SqliteStore } from '../store/sqlite.js';

export interface ReportOptions {
  /** Rows per list. */
  limit?: number;
  /** Days back that questions per day covers (today included). */
  days?: number;
  now?: Date;
}

const ANSWER_PREVIEW_CHARS = 60;
const BAR_CHARS = 30;

/**
 * `policybot report`: the admin dashboard's figures in the terminal: totals and shares, questions per day, what
 * people ask most, what the bot could not answer, the answers they disliked and why, and quiz results.
 */
export function reportText(store: SqliteStore, options: ReportOptions = {}): string {
  const f = gatherFigures(store, { limit: options.limit ?? 10, days: options.days ?? 30, now: options.now });
  const { totals } = f;
  const lines = [
    `问答统计：共 ${totals.questions} 个问题，已回答 ${totals.answered}，未找到答案 ${totals.notFound}；👍 ${totals.up}，👎 ${totals.down}`,
    `回答情况：已回答 ${percent(totals.answeredShare)}，未找到答案 ${percent(totals.notFoundShare)}`,
    '',
    `每日提问（最近 ${f.days} 天，${TIME_ZONE_LABEL}；只列有提问的日子）：`,
    ...perDay(f),
    '',
    '最常问的问题：',
    ...numbered(f.mostAsked.map((q) => `${q.count}× ${q.question}`)),
    '',
    '未找到答案的问题：',
    ...numbered(f.unanswered.map((q) => `${q.count}× ${q.question}（最近 ${localTime(q.lastAsked)}）`)),
    '',
    '被点 👎 的回答：',
    ...numbered(
      f.downvoted.map((d) =>
        [
          `#${d.id} 👎${d.down} 👍${d.up} ${d.question}`,
          `     → ${preview(d.answer)}`,
          ...(d.reasons.length > 0 ? [`     原因：${d.reasons.map(reasonLine).join('；')}`] : []),
          ...(d.citations.length > 0 ? [`     引用：${d.citations.map(citedClause).join('；')}`] : []),
        ].join('\n'),
      ),
    ),
    '',
    '测验结果：',
    ...numbered(f.quizzes.map((q) => quizLines(q, f))),
  ];
  return `${lines.join('\n')}\n`;
}

function perDay(f: Figures): string[] {
  const days = f.perDay.filter((d) => d.answered + d.notFound > 0);
  const most = Math.max(1, ...days.map((d) => d.answered + d.notFound));
  return days.length === 0
    ? ['  （无）']
    : days.map((d) => {
        const total = d.answered + d.notFound;
        const bar = '█'.repeat(Math.max(1, Math.round((total / most) * BAR_CHARS)));
        return `  ${d.day}  ${bar} ${total}（已回答 ${d.answered}，未找到答案 ${d.notFound}）`;
      });
}

function quizLines(q: Figures['quizzes'][number], f: Figures): string {
  const where = q.channel === null ? '私下作答' : `频道 ${q.channel}`;
  const scores = f.participants
    .filter((p) => p.quizId === q.id)
    .map((p) => `${p.user} ${p.correct}/${p.questions}`)
    .join(' · ');
  return [
    `${q.id} ${localTime(q.ts)} ${q.owner}，${where}，范围 ${q.part ?? '全部'}：${q.questions} 题，${q.participants} 人参加，` +
      `平均答对 ${Math.round(q.averageCorrect * 10) / 10} 题（${percent(q.averageShare)}）`,
    ...(scores === '' ? [] : [`     ${scores}`]),
  ].join('\n');
}

function numbered(rows: string[]): string[] {
  return rows.length === 0 ? ['  （无）'] : rows.map((row, i) => `  ${i + 1}. ${row}`);
}

function preview(answer: string): string {
  const flat = answer.replace(/\s+/g, ' ');
  const chars = Array.from(flat);
  return chars.length <= ANSWER_PREVIEW_CHARS ? flat : `${chars.slice(0, ANSWER_PREVIEW_CHARS).join('')}…`;
}

/** Entry point of `policybot report`: prints the report of the feedback database named by POLICYBOT_DB_PATH. */
export function runReport(env: NodeJS.ProcessEnv = process.env, out: NodeJS.WritableStream = process.stdout): void {
  const config = readConfig(BaseConfigSchema, env);
  if (!existsSync(config.POLICYBOT_DB_PATH)) {
    out.write(`no feedback database at ${config.POLICYBOT_DB_PATH} yet: \`policybot serve\` creates it\n`);
    return;
  }
  const store = SqliteStore.open(config.POLICYBOT_DB_PATH);
  try {
    out.write(reportText(store));
  } finally {
    store.close();
  }
}
