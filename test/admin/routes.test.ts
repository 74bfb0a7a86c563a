import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BOM } from '../../src/admin/csv.js';
import { TEXT } from '../../src/admin/labels.js';
import { TABLES } from '../../src/admin/tables.js';
import { parseCsv } from './helpers/csv.js';
import { TOTAL_ASKED, seedDashboard } from './helpers/seed.js';
import { ADMIN_TOKEN, type RunningDashboard, startDashboard } from './helpers/server.js';

/** User input that would run if the page did not escape it. */
const HOSTILE = '<script>alert("x")</script></script><img src=x onerror=alert(1)>加氢站';
const FORMULA = '=HYPERLINK("http://evil.example","点我"),带逗号';
/** Seeded text that must never reach a client without the token. */
const SECRET_QUESTION = '加氢站目标是多少';

const BEARER = { authorization: `Bearer ${ADMIN_TOKEN}` };

describe('admin dashboard over HTTP (real Bolt app, seeded SqliteStore)', () => {
  let dash: RunningDashboard;

  beforeAll(async () => {
    dash = await startDashboard({
      token: ADMIN_TOKEN,
      seed: (store) => {
        seedDashboard(store);
        const id = store.logQuestion({
          surface: 'dm',
          user: 'UATTACKER',
          channel: 'D9',
          question: HOSTILE,
          status: 'answered',
          answer: `回答里也有 ${HOSTILE}`,
          citations: [],
          ms: 2,
        });
        store.explainVote(id, 'UATTACKER', 'other', '<b>note</b>"引号"', new Date());
        store.logQuestion({
          surface: 'dm',
          user: 'UATTACKER',
          channel: 'D9',
          question: FORMULA,
          status: 'not_found',
          answer: '第一行\r\n第二行',
          citations: [],
          ms: 2,
        });
      },
    });
  });

  afterAll(async () => {
    await dash?.close();
  });

  const get = (path: string, headers: Record<string, string> = {}) =>
    fetch(`${dash.url}${path}`, { headers, redirect: 'manual' });

  /** The rows of a CSV response, checking it starts with the BOM (which Response.text() would drop). */
  async function csvOf(response: Promise<Response>): Promise<string[][]> {
    const bytes = new Uint8Array(await (await response).arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    return parseCsv(new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes).slice(1));
  }

  async function login(token: string) {
    return fetch(`${dash.url}/admin/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ token }).toString(),
      redirect: 'manual',
    });
  }

  it('answers /admin without credentials with 401 and the login form, never the data', async () => {
    const res = await get('/admin');
    const html = await res.text();
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toMatch(/^Bearer/);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(html).toContain('<form class="login" method="post" action="/admin/login">');
    expect(html).toContain(TEXT.loginPrompt);
    expect(html).not.toContain(SECRET_QUESTION);
    expect(html).not.toContain('chart-data');
  });

  it('refuses a wrong Bearer token with 401 and no data', async () => {
    for (const authorization of ['Bearer wrong-token-0123456789abcdef', `Bearer ${ADMIN_TOKEN}x`, ADMIN_TOKEN]) {
      const res = await get('/admin', { authorization });
      expect(res.status).toBe(401);
      expect(await res.text()).not.toContain(SECRET_QUESTION);
    }
  });

  it('answers the CSV and JSON routes without credentials with a bare 401', async () => {
    const paths = [
      '/admin/questions.csv',
      '/admin/data.json',
      ...Object.values(TABLES).map((t) => `/admin/${t.id}.csv`),
    ];
    for (const path of paths) {
      const attempts: Record<string, string>[] = [{}, { authorization: 'Bearer wrong-token-0123456789abcdef' }];
      for (const headers of attempts) {
        const res = await get(path, headers);
        expect(res.status, path).toBe(401);
        expect(await res.text(), path).toBe('');
      }
    }
  });

  it('serves the page with the Bearer token: every section, the seeded data and its CSV links', async () => {
    const res = await get('/admin', BEARER);
    const html = await res.text();
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(res.headers.get('cache-control')).toBe('no-store');
    for (const table of Object.values(TABLES)) {
      expect(html).toContain(`<section id="${table.id}"`);
      expect(html).toContain(`<a href="/admin/${table.id}.csv">${TEXT.exportCsv}</a>`);
    }
    expect(html).toContain('<a href="/admin/questions.csv">');
    expect(html).toMatch(/<td>加氢站目标是多少<\/td><td class="n">4<\/td>/);
    expect(html).toContain('<td>无人驾驶出租车什么时候开通</td><td class="n">3</td>');
    expect(html).toContain('不准确：数字和文件里的不一致（UREADER1）');
    expect(html).toContain('《山东省新基建三年行动方案（2020-2022年）》 2.1.1 加快5G网络建设');
    expect(html).toContain('<td>Q-channel</td>');
    expect(html).toContain('<td>80%</td>');
    expect(html).toContain(`共 ${TOTAL_ASKED + 2} 个问题`);
    expect(html).toMatch(/<div class="chart" data-chart="per-day"/);
  });

  it('escapes user text on the page: a <script> question is shown, not run', async () => {
    const html = await (await get('/admin', BEARER)).text();
    expect(html).not.toContain('<script>alert');
    expect(html).not.toContain('<img src=x');
    expect(html).not.toContain('<b>note</b>');
    expect(html).toContain(
      '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;加氢站',
    );
    expect(html).toContain('其他：&lt;b&gt;note&lt;/b&gt;&quot;引号&quot;（UATTACKER）');
    // The only script elements are the chart data (JSON, not run) and our two assets.
    expect(html.match(/<script/g)).toHaveLength(3);
  });

  it('trades the token entered in the login form for a session cookie that opens the page', async () => {
    const res = await login(ADMIN_TOKEN);
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/admin');
    const [setCookie] = res.headers.getSetCookie();
    expect(setCookie).toMatch(/^policybot_admin=[^;]+; Path=\/admin; Max-Age=\d+; HttpOnly; SameSite=Strict$/);
    const cookie = setCookie!.split(';')[0]!;
    expect(cookie).not.toContain(ADMIN_TOKEN);

    const page = await get('/admin', { cookie });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain(SECRET_QUESTION);
    expect((await get('/admin/questions.csv', { cookie })).status).toBe(200);
  });

  it('refuses a wrong token in the login form: 401, the form with the error, no cookie', async () => {
    const res = await login('wrong-token-0123456789abcdef');
    const html = await res.text();
    expect(res.status).toBe(401);
    expect(res.headers.getSetCookie()).toEqual([]);
    expect(html).toContain(TEXT.wrongToken);
    expect(html).not.toContain(SECRET_QUESTION);
    expect(dash.logger.lines.some((l) => l.text.includes('login with a wrong token refused'))).toBe(true);
  });

  it('refuses a forged cookie, or the token itself as the cookie, and clears it', async () => {
    for (const value of [ADMIN_TOKEN, 'zzzzzzzz.bm9uY2U.forged', '']) {
      const res = await get('/admin', { cookie: `policybot_admin=${value}` });
      expect(res.status).toBe(401);
      expect(res.headers.getSetCookie()[0]).toMatch(/^policybot_admin=; Path=\/admin; Max-Age=0/);
      expect(await res.text()).not.toContain(SECRET_QUESTION);
    }
  });

  it('logs out by clearing the cookie', async () => {
    const res = await fetch(`${dash.url}/admin/logout`, { method: 'POST', redirect: 'manual' });
    expect(res.status).toBe(303);
    expect(res.headers.getSetCookie()[0]).toMatch(/^policybot_admin=; Path=\/admin; Max-Age=0/);
  });

  it('refuses an oversized login form with 413', async () => {
    const res = await login('x'.repeat(10_000));
    expect(res.status).toBe(413);
  });

  it('exports the whole question log as /admin/questions.csv: UTF-8 with BOM, RFC 4180, every row', async () => {
    const res = await get('/admin/questions.csv', BEARER);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/csv; charset=utf-8/);
    expect(res.headers.get('content-disposition')).toMatch(
      /^attachment; filename="policybot-questions-\d{4}-\d\d-\d\d\.csv"$/,
    );
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
    expect(text.startsWith(BOM)).toBe(true);
    const [header, ...rows] = parseCsv(text.slice(1));
    expect(header).toEqual([
      '编号',
      '时间（UTC）',
      '来源',
      '用户',
      '频道',
      '问题',
      '结果',
      '回答',
      '引用条款',
      '用时（毫秒）',
      '👍',
      '👎',
    ]);
    expect(rows).toHaveLength(TOTAL_ASKED + 2);
    const hostile = rows.find((r) => r[3] === 'UATTACKER' && r[6] === '已回答')!;
    expect(hostile[5]).toBe(HOSTILE);
    expect(hostile[11]).toBe('1');
    const formula = rows.find((r) => r[6] === '未找到答案' && r[3] === 'UATTACKER')!;
    expect(formula[5]).toBe(`'${FORMULA}`);
    expect(formula[7]).toBe('第一行\r\n第二行');
    const fiveG = rows.find((r) => r[5] === '5G基站建多少个' && r[11] === '2')!;
    expect(fiveG[8]).toBe('《山东省新基建三年行动方案（2020-2022年）》 2.1.1 加快5G网络建设');
  });

  it('exports each table as the CSV of what the page shows, honouring the query', async () => {
    const unanswered = await csvOf(get('/admin/unanswered.csv?limit=2', BEARER));
    expect(unanswered[0]).toEqual(TABLES.unanswered.headers);
    expect(unanswered.slice(1).map((r) => [r[0], r[1]])).toEqual([
      ['无人驾驶出租车什么时候开通', '3'],
      [`'${FORMULA}`, '1'],
    ]);
    const perDay = await csvOf(get('/admin/per-day.csv?days=7', BEARER));
    expect(perDay).toHaveLength(8);
    const quizzes = await csvOf(get('/admin/quizzes.csv', BEARER));
    expect(quizzes.find((r) => r[0] === 'Q-channel')).toEqual(
      expect.arrayContaining(['UTRAINER', 'CONBOARD', '智慧+民生', '5', '3', '4', '80%']),
    );
    const downvoted = await csvOf(get('/admin/downvoted.csv', BEARER));
    expect(downvoted.find((r) => r[2] === '5G基站建多少个')![6]).toBe(
      '不准确：数字和文件里的不一致（UREADER1）\n已过时（UREADER2）',
    );
  });

  it('keeps the query in the page’s CSV links, and refuses an invalid query with 400', async () => {
    const html = await (await get('/admin?days=7&limit=5', BEARER)).text();
    expect(html).toContain('<a href="/admin/most-asked.csv?days=7&amp;limit=5">');
    expect((await get('/admin?days=0', BEARER)).status).toBe(400);
    expect((await get('/admin/most-asked.csv?limit=abc', BEARER)).status).toBe(400);
    expect((await get('/admin?days=', BEARER)).status).toBe(200);
  });

  it('serves the figures as JSON with the token', async () => {
    const res = await get('/admin/data.json', BEARER);
    expect(res.status).toBe(200);
    const figures = (await res.json()) as { totals: { questions: number }; perDay: unknown[] };
    expect(figures.totals.questions).toBe(TOTAL_ASKED + 2);
    expect(figures.perDay).toHaveLength(30);
  });

  it('serves Chart.js 4 from node_modules with a long cache header, and links it with its version', async () => {
    const html = await (await get('/admin', BEARER)).text();
    const src = /<script src="(\/admin\/assets\/chart\.umd\.js\?v=[0-9a-f]{12})"><\/script>/.exec(html)?.[1];
    expect(src).toBeDefined();
    const res = await get(src!);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(await res.text()).toMatch(/^\/\*!\n \* Chart\.js v4\./);
    expect((await get('/admin/assets/dashboard.js')).status).toBe(200);
    expect((await get('/admin/assets/dashboard.css')).status).toBe(200);
  });

  it('leaves the Slack endpoint as it was, and 404s unknown admin paths', async () => {
    expect((await get('/admin/nothing-here', BEARER)).status).toBe(404);
    const slack = await fetch(`${dash.url}/slack/events`, { method: 'POST', body: '{}' });
    expect(slack.status).toBe(401);
  });

  // Last in this block: it leaves 127.0.0.1 throttled.
  it('makes an address that keeps entering wrong tokens wait, even with the right one, and says how long', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await login('wrong-token-0123456789abcdef')).status);
    // One wrong try was made by an earlier test; the fifth in the window locks the form.
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(2);
    const locked = await login(ADMIN_TOKEN);
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(locked.headers.getSetCookie()).toEqual([]);
    // The Bearer header still opens the data: the throttle guards the form, where a person types.
    expect((await get('/admin/data.json', BEARER)).status).toBe(200);
  });
});

describe('admin dashboard without POLICYBOT_ADMIN_TOKEN', () => {
  let dash: RunningDashboard;

  beforeAll(async () => {
    dash = await startDashboard({ seed: (store) => seedDashboard(store) });
  });

  afterAll(async () => {
    await dash?.close();
  });

  it('is not served at all: 404, even with a token or at the login endpoint', async () => {
    for (const path of ['/admin', '/admin/questions.csv', '/admin/assets/chart.umd.js']) {
      const res = await fetch(`${dash.url}${path}`, { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } });
      expect(res.status, path).toBe(404);
      expect(await res.text()).not.toContain(SECRET_QUESTION);
    }
    const res = await fetch(`${dash.url}/admin/login`, { method: 'POST', body: `token=${ADMIN_TOKEN}` });
    expect(res.status).toBe(404);
  });
});
