import type { IncomingMessage, ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { CustomRoute, Logger } from '@slack/bolt';
import { z } from 'zod';
import type { BotStore } from '../store/store.js';
import { ASSETS, type Asset } from './assets.js';
import { AdminAuth, SESSION_COOKIE, cookie, sessionCookie } from './auth.js';
import { csvChunks } from './csv.js';
import { type Figures, type FiguresReader, gatherFigures } from './figures.js';
import { TEXT } from './labels.js';
import { renderDashboard, renderLogin } from './page.js';
import { QUESTION_LOG_COLUMNS, TABLES, type Table } from './tables.js';
import { LoginThrottle } from './throttle.js';

export interface AdminOptions {
  /** POLICYBOT_ADMIN_TOKEN. */
  token: string;
  store: FiguresReader & Pick<BotStore, 'questionRows'>;
  /** Read when something is logged: Bolt's logger exists only once the app does. */
  logger: () => Logger;
  now?: () => Date;
}

const blankIsUnset = (v: unknown) => (v === '' ? undefined : v);

/** The page's query: how many days questions per day covers, and rows per table. */
const QuerySchema = z.object({
  days: z.preprocess(blankIsUnset, z.coerce.number().int().min(1).max(366).default(30)),
  limit: z.preprocess(blankIsUnset, z.coerce.number().int().min(1).max(500).default(20)),
});
type Query = z.infer<typeof QuerySchema>;

/** The login form's body. */
const LoginSchema = z.object({ token: z.string().min(1).max(1024) });
const MAX_FORM_BYTES = 4096;

const NO_STORE = { 'cache-control': 'no-store' };
const SECURITY = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
};
/** Scripts and styles only from our own asset routes: the chart data is JSON, never run. */
const PAGE_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
].join('; ');
const HTML = { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': PAGE_POLICY };
const CHALLENGE = { 'www-authenticate': 'Bearer realm="policybot admin"' };
const CLEAR_COOKIE = `${SESSION_COOKIE}=; Path=/admin; Max-Age=0; HttpOnly; SameSite=Strict`;

type Handler = (req: IncomingMessage, res: ServerResponse) => Promise<void>;

/**
 * The dashboard's routes for Bolt's HTTPReceiver (`customRoutes`): the page at /admin, a CSV for each table and
 * for the whole question log, the figures as JSON, the login form's endpoints and the static assets. Everything
 * that shows data needs the token (Authorization: Bearer) or a session cookie; without it the page answers 401
 * with the login form and the CSV/JSON routes a bare 401.
 */
export function adminRoutes(options: AdminOptions): CustomRoute[] {
  const auth = new AdminAuth(options.token);
  const throttle = new LoginThrottle();
  const now = options.now ?? (() => new Date());
  const figures = (q: Query): Figures => gatherFigures(options.store, { ...q, now: now() });

  /** Runs `handler` for an authorised request with a valid query; answers 401 or 400 otherwise. */
  const guarded =
    (kind: 'page' | 'data', handler: (req: IncomingMessage, res: ServerResponse, q: Query) => Promise<void>): Handler =>
    async (req, res) => {
      if (!auth.authorized(req)) {
        const stale: Record<string, string> =
          cookie(req, SESSION_COOKIE) !== undefined ? { 'set-cookie': CLEAR_COOKIE } : {};
        if (kind === 'page') return send(res, 401, { ...HTML, ...CHALLENGE, ...stale }, renderLogin(false));
        return send(res, 401, { ...CHALLENGE, ...stale });
      }
      const query = QuerySchema.safeParse(Object.fromEntries(new URL(req.url ?? '/', 'http://admin').searchParams));
      if (!query.success) {
        const problems = query.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
        return send(res, 400, { 'content-type': 'text/plain; charset=utf-8' }, `${TEXT.badQuery}：${problems}\n`);
      }
      return handler(req, res, query.data);
    };

  const page = guarded('page', async (_req, res, q) => send(res, 200, HTML, renderDashboard(figures(q), search(q))));

  const json = guarded('data', async (_req, res, q) => {
    send(res, 200, { 'content-type': 'application/json; charset=utf-8' }, JSON.stringify(figures(q)));
  });

  const questionsCsv = guarded('data', async (_req, res) => {
    const rows = (function* () {
      for (const q of options.store.questionRows()) yield QUESTION_LOG_COLUMNS.map((c) => c.cell(q));
    })();
    await sendCsv(
      res,
      'questions',
      now(),
      QUESTION_LOG_COLUMNS.map((c) => c.header),
      rows,
    );
  });

  const tableCsv = (table: Table) =>
    guarded('data', async (_req, res, q) => sendCsv(res, table.id, now(), table.headers, table.rows(figures(q))));

  const login: Handler = async (req, res) => {
    const address = req.socket.remoteAddress ?? 'unknown';
    const wait = throttle.retryAfter(address);
    if (wait > 0) return send(res, 429, { ...NO_STORE, 'retry-after': String(wait) });
    const form = await readForm(req);
    if (form === 'too_large') return send(res, 413, NO_STORE);
    const parsed = LoginSchema.safeParse(form);
    if (!parsed.success || !auth.tokenMatches(parsed.data.token)) {
      throttle.fail(address);
      options.logger().warn(`admin dashboard: login with a wrong token refused (${address})`);
      return send(res, 401, { ...HTML, ...CHALLENGE }, renderLogin(true));
    }
    const session = auth.newSession();
    send(res, 303, { location: '/admin', 'set-cookie': sessionCookie(req, session.value, session.maxAgeSeconds) });
  };

  const logout: Handler = async (_req, res) => send(res, 303, { location: '/admin', 'set-cookie': CLEAR_COOKIE });

  const routes: [string, string, Handler][] = [
    ['/admin', 'GET', page],
    ['/admin/login', 'POST', login],
    ['/admin/logout', 'POST', logout],
    ['/admin/data.json', 'GET', json],
    ['/admin/questions.csv', 'GET', questionsCsv],
    ...Object.values(TABLES).map((t): [string, string, Handler] => [`/admin/${t.id}.csv`, 'GET', tableCsv(t)]),
    ...Object.values(ASSETS).map((a): [string, string, Handler] => [a.path, 'GET', serveAsset(a)]),
  ];
  return routes.map(([path, method, handler]) => ({
    path,
    method,
    handler: (req, res) => {
      handler(req, res).catch((error: unknown) => {
        options.logger().error(`admin dashboard: ${req.method} ${path} failed`, error);
        if (!res.headersSent) send(res, 500, NO_STORE);
        else res.destroy();
      });
    },
  }));
}

/** The query the page's CSV links carry, rebuilt from the validated values (never echoed from the request). */
function search(q: Query): string {
  const defaults = QuerySchema.parse({});
  const params = new URLSearchParams();
  if (q.days !== defaults.days) params.set('days', String(q.days));
  if (q.limit !== defaults.limit) params.set('limit', String(q.limit));
  return params.size === 0 ? '' : `?${params}`;
}

function send(res: ServerResponse, status: number, headers: Record<string, string>, body = ''): void {
  res.writeHead(status, { ...SECURITY, ...NO_STORE, ...headers }).end(body);
}

async function sendCsv(
  res: ServerResponse,
  name: string,
  now: Date,
  headers: string[],
  rows: Iterable<(string | number)[]>,
): Promise<void> {
  res.writeHead(200, {
    ...SECURITY,
    ...NO_STORE,
    'content-type': 'text/csv; charset=utf-8; header=present',
    'content-disposition': `attachment; filename="policybot-${name}-${now.toISOString().slice(0, 10)}.csv"`,
  });
  await pipeline(Readable.from(csvChunks(headers, rows)), res);
}

/** Chart.js and our script and style: no data in them, so the login page may use them; cached for a year. */
function serveAsset(a: Asset): Handler {
  return async (_req, res) => {
    res
      .writeHead(200, {
        ...SECURITY,
        'content-type': a.contentType,
        'cache-control': 'public, max-age=31536000, immutable',
      })
      .end(a.body());
  };
}

async function readForm(req: IncomingMessage): Promise<Record<string, string> | 'too_large'> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_FORM_BYTES) return 'too_large';
    chunks.push(chunk);
  }
  return Object.fromEntries(new URLSearchParams(Buffer.concat(chunks).toString('utf8')));
}
