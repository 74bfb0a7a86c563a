import { existsSync } from 'node:fs';
import { BaseConfigSchema, readConfig } from '../config.js';
import { SqliteStore } from '../store/sqlite.js';

export interface ReportOptions {
  /** Rows per list. */
  limit?: number;
}

const ANSWER_PREVIEW_CHARS = 60;

/** `policybot report`: what people ask most, what the bot could not answer, and which answers they disliked. */
export function reportText(store: SqliteStore, options: ReportOptions = {}): string {
  const limit = options.limit ?? 10;
  const totals = store.totals();
  const lines = [
    `问答统计：共 ${totals.questions} 个问题，已回答 ${totals.answered}，未找到答案 ${totals.notFound}；👍 ${totals.up}，👎 ${totals.down}`,
    '',
    '最常问的问题：',
    ...numbered(store.mostAsked(limit).map((q) => `${q.count}× ${q.question}`)),
    '',
    '未找到答案的问题：',
    ...numbered(store.mostAsked(limit, 'not_found').map((q) => `${q.count}× ${q.question}（最近 ${q.lastAsked}）`)),
    '',
    '被点 👎 的回答：',
    ...numbered(
      store.downvoted(limit).map((d) => `#${d.id} 👎${d.down} 👍${d.up} ${d.question}\n     → ${preview(d.answer)}`),
    ),
  ];
  return `${lines.join('\n')}\n`;
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
