import { ASSETS, assetUrl } from './assets.js';
import { chartConfigs } from './charts.js';
import type { Figures } from './figures.js';
import { escapeHtml, scriptJson } from './html.js';
import { TEXT, TIME_ZONE_LABEL, localTime } from './labels.js';
import { type Cell, TABLES, type Table } from './tables.js';

interface SectionSpec {
  table: Table;
  /** The chart drawn above the table, when JavaScript runs. */
  chart?: string;
  wide?: boolean;
  note?: (f: Figures) => string;
}

const SECTIONS: SectionSpec[] = [
  { table: TABLES.perDay, chart: 'per-day', wide: true },
  {
    table: TABLES.answers,
    chart: 'answers',
    note: (f) => `共 ${f.totals.questions} 个问题；👍 ${f.totals.up}，👎 ${f.totals.down}（每人以最后一次投票为准）`,
  },
  { table: TABLES.mostAsked },
  { table: TABLES.unanswered, wide: true },
  { table: TABLES.downvoted, wide: true },
  { table: TABLES.quizzes, chart: 'quizzes', wide: true },
  { table: TABLES.quizScores },
];

/** The dashboard: every figure as a table that stands without JavaScript, charts drawn over them when it runs. */
export function renderDashboard(f: Figures, query: string): string {
  const charts = chartConfigs(f);
  const body = `<header>
<h1>${escapeHtml(TEXT.title)}</h1>
<p class="meta">生成于 ${escapeHtml(localTime(f.generatedAt))}（${TIME_ZONE_LABEL}）</p>
<form method="post" action="/admin/logout"><button type="submit">${TEXT.logout}</button></form>
<nav>
<form method="get" action="/admin">
<label>${TEXT.days} <input type="number" name="days" min="1" max="366" value="${f.days}"></label>
<label>${TEXT.limit} <input type="number" name="limit" min="1" max="500" value="${f.limit}"></label>
<button type="submit">${TEXT.refresh}</button>
</form>
<a href="/admin/questions.csv">${TEXT.exportLog}</a>
</nav>
</header>
<main>
${SECTIONS.map((s) => section(s, f, query, s.chart !== undefined && s.chart in charts)).join('\n')}
</main>
<script type="application/json" id="chart-data">${scriptJson(charts)}</script>
<script src="${assetUrl(ASSETS.chart)}"></script>
<script src="${assetUrl(ASSETS.script)}"></script>`;
  return document(TEXT.title, body);
}

function section(s: SectionSpec, f: Figures, query: string, drawn: boolean): string {
  const { id, title } = s.table;
  const chart = drawn ? `<div class="chart" data-chart="${s.chart}" data-label="${escapeHtml(title)}"></div>\n` : '';
  const note = s.note ? `<p class="meta">${escapeHtml(s.note(f))}</p>\n` : '';
  return `<section id="${id}"${s.wide ? ' class="wide"' : ''}>
<h2>${escapeHtml(title)}</h2>
${chart}${note}${tableHtml(s.table, s.table.rows(f))}
<p class="csv"><a href="/admin/${id}.csv${escapeHtml(query)}">${TEXT.exportCsv}</a></p>
</section>`;
}

function tableHtml(table: Table, rows: Cell[][]): string {
  // A column of numbers is right-aligned, its header too, so the figures line up under it.
  const numeric = table.headers.map((_, i) => rows.length > 0 && rows.every((row) => typeof row[i] === 'number'));
  const head = table.headers
    .map((h, i) => `<th scope="col"${numeric[i] ? ' class="n"' : ''}>${escapeHtml(h)}</th>`)
    .join('');
  const body =
    rows.length === 0
      ? `<tr><td class="empty" colspan="${table.headers.length}">${TEXT.empty}</td></tr>`
      : rows.map((row) => `<tr>${row.map((cell, i) => td(cell, table.clips[i])).join('')}</tr>`).join('\n');
  return `<div class="scroll"><table>\n<thead><tr>${head}</tr></thead>\n<tbody>\n${body}\n</tbody>\n</table></div>`;
}

function td(cell: Cell, clip: number | undefined): string {
  if (typeof cell === 'number') return `<td class="n">${cell}</td>`;
  const chars = Array.from(cell);
  if (clip === undefined || chars.length <= clip) return `<td>${escapeHtml(cell)}</td>`;
  return `<td title="${escapeHtml(cell)}">${escapeHtml(`${chars.slice(0, clip).join('')}…`)}</td>`;
}

/** The 401 page a browser sees: a form that trades the token for a session cookie, and no data. */
export function renderLogin(wrongToken: boolean): string {
  const body = `<form class="login" method="post" action="/admin/login">
<h1>${TEXT.loginTitle}</h1>
<p>${TEXT.loginPrompt}</p>
${wrongToken ? `<p class="error" role="alert">${TEXT.wrongToken}</p>\n` : ''}<label for="token">${TEXT.loginField}</label>
<input type="password" id="token" name="token" autocomplete="current-password" required autofocus>
<p><button type="submit">${TEXT.loginButton}</button></p>
</form>`;
  return document(TEXT.loginTitle, body);
}

function document(title: string, body: string): string {
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<link rel="icon" href="data:,">
<title>${escapeHtml(title)}</title>
<link rel="stylesheet" href="${assetUrl(ASSETS.style)}">
</head>
<body>
${body}
</body>
</html>
`;
}
