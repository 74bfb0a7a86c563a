import { existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { type Browser, type BrowserContext, type Page, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEXT } from '../../src/admin/labels.js';
import {
  QUIZZES,
  TOTAL_ASKED,
  TOTAL_NOT_FOUND,
  beijingDay,
  beijingNoon,
  expectedPerDay,
  seedDashboard,
} from './helpers/seed.js';
import { ADMIN_TOKEN, type RunningDashboard, startDashboard } from './helpers/server.js';

/** Debian's chromium, which .ci/run installs; Playwright's own browser downloads are not used. */
const CHROMIUM = '/usr/bin/chromium';
/** .ci/run sets POLICYBOT_CI; most CI services set CI. There a missing browser is a failure, not a skip. */
const IN_CI = [process.env.CI, process.env.POLICYBOT_CI].some((v) => v !== undefined && v !== '' && v !== 'false');
const HAVE_CHROMIUM = existsSync(CHROMIUM);
/** Set to a file path (e.g. docs/dashboard.png) to save a screenshot of the dashboard for the README. */
const SCREENSHOT = process.env.POLICYBOT_SCREENSHOT;

/**
 * Flags for a quiet, quick start in a container: no sandbox (we run as root), no GPU, and none of the background
 * connections (updates, sync, QUIC probes) that slow the start when the network refuses them. Playwright gives each
 * launch a new empty profile (--user-data-dir in a fresh temp directory) itself, and refuses the flag from us.
 */
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

if (!HAVE_CHROMIUM && !IN_CI) {
  console.warn(`admin browser test skipped: ${CHROMIUM} is missing (apt-get install -y chromium, or run bash .ci/run)`);
}

interface DrawnChart {
  key: string;
  type: string;
  labels: string[];
  datasets: { label?: string; data: number[] }[];
  /** Elements Chart.js laid out for the first dataset: it drew, not just configured. */
  elements: number;
  width: number;
}

/** Read in the page: every chart canvas and what Chart.js says it holds. A string, so nothing of ours is bundled in. */
const READ_CHARTS = `Array.from(document.querySelectorAll('[data-chart] canvas')).map(function (canvas) {
  var chart = window.Chart.getChart(canvas);
  return {
    key: canvas.parentElement.getAttribute('data-chart'),
    type: chart.config.type,
    labels: chart.data.labels,
    datasets: chart.data.datasets.map(function (d) { return { label: d.label, data: d.data }; }),
    elements: chart.getDatasetMeta(0).data.length,
    width: canvas.width,
  };
})`;

describe.skipIf(!HAVE_CHROMIUM && !IN_CI)('admin dashboard in headless chromium (playwright-core)', () => {
  let dash: RunningDashboard;
  let browser: Browser;
  const now = new Date();

  beforeAll(async () => {
    if (!HAVE_CHROMIUM)
      throw new Error(`${CHROMIUM} is missing in CI: .ci/run installs it with apt-get install -y chromium`);
    dash = await startDashboard({ token: ADMIN_TOKEN, seed: (store) => seedDashboard(store, now) });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  });

  afterAll(async () => {
    await browser?.close();
    await dash?.close();
  });

  /** A fresh context (no cookies), recording the page's errors: a CSP violation or a script error fails the test. */
  async function open(
    options: Parameters<Browser['newContext']>[0] = {},
  ): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN', ...options });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    return { context, page, errors };
  }

  it('logs in with the token, then draws the charts from the seeded database', async () => {
    const { context, page, errors } = await open();
    const first = await page.goto(`${dash.url}/admin`);
    expect(first?.status()).toBe(401);
    errors.length = 0; // the 401 itself is logged as a failed load
    await page.fill('input[name=token]', ADMIN_TOKEN);
    const [loaded] = await Promise.all([
      page.waitForResponse((r) => r.url() === `${dash.url}/admin`),
      page.click('button[type=submit]'),
    ]);
    expect(loaded.status()).toBe(200);
    await page.waitForSelector('[data-chart="quizzes"] canvas');
    expect(await page.title()).toBe(TEXT.title);

    const charts = (await page.evaluate(READ_CHARTS)) as DrawnChart[];
    expect(charts.map((c) => [c.key, c.type])).toEqual([
      ['per-day', 'bar'],
      ['answers', 'doughnut'],
      ['quizzes', 'bar'],
    ]);
    for (const chart of charts) {
      expect(chart.width).toBeGreaterThan(0);
      expect(chart.elements).toBe(chart.labels.length);
    }

    const perDay = expectedPerDay(now);
    const days = Array.from({ length: 30 }, (_, i) => beijingDay(beijingNoon(now, 29 - i)));
    const [daily, answers, quizzes] = charts as [DrawnChart, DrawnChart, DrawnChart];
    expect(daily.labels).toEqual(days.map((d) => d.slice(5)));
    expect(daily.datasets).toEqual([
      { label: '已回答', data: days.map((d) => perDay.get(d)?.answered ?? 0) },
      { label: '未找到答案', data: days.map((d) => perDay.get(d)?.notFound ?? 0) },
    ]);
    expect(answers.datasets[0]!.data).toEqual([TOTAL_ASKED - TOTAL_NOT_FOUND, TOTAL_NOT_FOUND]);
    expect(quizzes.labels).toEqual(['Q-channel', 'Q-private', 'Q-team']);
    expect(quizzes.datasets.map((d) => d.data)).toEqual([[80, 50, 90], QUIZZES.map((q) => q[6].length)]);
    expect(await page.evaluate('window.Chart.version')).toMatch(/^4\./);
    expect(errors).toEqual([]);

    if (SCREENSHOT) {
      // Three weeks and five rows a table keep the picture readable in the README (and the PNG small).
      await page.setViewportSize({ width: 1120, height: 900 });
      await page.goto(`${dash.url}/admin?days=21&limit=5`);
      await page.waitForSelector('[data-chart="quizzes"] canvas');
      mkdirSync(dirname(SCREENSHOT), { recursive: true });
      await page.screenshot({ path: SCREENSHOT, fullPage: true });
      expect(statSync(SCREENSHOT).size).toBeGreaterThan(10_000);
    }
    await context.close();
  });

  it('opens with Authorization: Bearer <token> too', async () => {
    const { context, page, errors } = await open({ extraHTTPHeaders: { authorization: `Bearer ${ADMIN_TOKEN}` } });
    expect((await page.goto(`${dash.url}/admin`))?.status()).toBe(200);
    await page.waitForSelector('[data-chart="per-day"] canvas');
    expect(await page.locator('#most-asked tbody tr').first().textContent()).toContain('加氢站目标是多少');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('refuses a missing or wrong token: the 401 login page, no data, no charts', async () => {
    const { context, page } = await open();
    const missing = await page.goto(`${dash.url}/admin`);
    expect(missing?.status()).toBe(401);
    await page.fill('input[name=token]', 'wrong-token-0123456789abcdef');
    const [refused] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/admin/login')),
      page.click('button[type=submit]'),
    ]);
    expect(refused.status()).toBe(401);
    expect(await page.textContent('.error')).toBe(TEXT.wrongToken);
    expect(await page.content()).not.toContain('加氢站目标是多少');
    // The export with this browser's cookies (none): a bare 401.
    const csv = await context.request.get(`${dash.url}/admin/questions.csv`);
    expect([csv.status(), await csv.text()]).toEqual([401, '']);
    expect(await page.locator('canvas').count()).toBe(0);
    expect(await context.cookies()).toEqual([]);
    await context.close();

    const wrong = await open({ extraHTTPHeaders: { authorization: 'Bearer wrong-token-0123456789abcdef' } });
    const response = await wrong.page.goto(`${dash.url}/admin`);
    expect(response?.status()).toBe(401);
    expect(await wrong.page.locator('form.login').count()).toBe(1);
    expect(await wrong.page.content()).not.toContain('加氢站目标是多少');
    await wrong.context.close();
  });

  it('shows every figure as a plain table with JavaScript off', async () => {
    const { context, page } = await open({
      javaScriptEnabled: false,
      extraHTTPHeaders: { authorization: `Bearer ${ADMIN_TOKEN}` },
    });
    expect((await page.goto(`${dash.url}/admin`))?.status()).toBe(200);
    expect(await page.locator('canvas').count()).toBe(0);
    expect(await page.locator('.chart').first().isVisible()).toBe(false);
    expect(await page.locator('section table').count()).toBe(7);
    expect(await page.locator('#per-day tbody tr').count()).toBe(30);
    expect(await page.locator('#quizzes tbody tr').count()).toBe(QUIZZES.length);
    expect(await page.locator('#downvoted').textContent()).toContain('不准确：数字和文件里的不一致');
    await context.close();
  });
});
