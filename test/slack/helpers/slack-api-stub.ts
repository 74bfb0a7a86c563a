import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request the app made: a Web API method (`chat.postMessage`) or a response_url path (`/respond/…`). */
export interface RecordedCall {
  method: string;
  path: string;
  status: number;
  body: Record<string, unknown>;
}

export interface SlackApiStub {
  /** Base URL, e.g. http://127.0.0.1:1234; response_urls can point here too. */
  url: string;
  /** What SLACK_API_URL should be: `${url}/api/`. */
  apiUrl: string;
  calls: RecordedCall[];
  /** Resolves with the first matching call, polling until `timeoutMs`. */
  waitFor(match: (call: RecordedCall) => boolean, timeoutMs?: number): Promise<RecordedCall>;
  /** The next call of `method` gets a 429 with Retry-After: `seconds`. */
  rateLimitNext(method: string, seconds: number): void;
  /** The next call of `method` gets `{ ok: false, error }`, as Slack answers e.g. a missing scope. */
  failNext(method: string, error: string): void;
  /** The next call of `method` is carried out, but its reply is lost: the connection drops instead. */
  loseReplyNext(method: string): void;
  /** Slack's per-channel limit: more than `perSecond` writes (posts, reactions) to one channel in a second get 429. */
  limitChannels(perSecond: number): void;
  /** Every call waits this long before Slack carries it out and replies (a slow Slack). */
  delayMs: number;
  /** Messages Slack accepted, as conversations.history would list them. */
  messages: PostedMessage[];
  close(): Promise<void>;
}

export interface PostedMessage {
  channel: string;
  ts: string;
  thread_ts?: string;
  text: string;
  metadata?: { event_type: string; event_payload: Record<string, unknown> };
}

export const BOT_USER_ID = 'UBOT';
export const BOT_ID = 'BBOT';

/** A stand-in for slack.com on 127.0.0.1 that records every call and answers like Slack would. */
export async function startSlackApiStub(): Promise<SlackApiStub> {
  const calls: RecordedCall[] = [];
  const rateLimited = new Map<string, number>();
  const failing = new Map<string, string>();
  const losing = new Set<string>();
  const messages: PostedMessage[] = [];
  const channelWrites = new Map<string, number[]>();
  let channelLimit = Number.POSITIVE_INFINITY;
  let nextTs = 1_700_000_000;
  const stub = { delayMs: 0 };
  const server: Server = createServer(async (req, res) => {
    const path = req.url ?? '/';
    const method = path.startsWith('/api/') ? path.slice('/api/'.length).split('?')[0]! : path;
    const body = parseBody(req.headers['content-type'] ?? '', await readBody(req));
    if (stub.delayMs > 0) await new Promise((r) => setTimeout(r, stub.delayMs));
    const retryAfter = rateLimited.get(method) ?? channelRetryAfter(method, body);
    if (retryAfter !== undefined) {
      rateLimited.delete(method);
      calls.push({ method, path, status: 429, body });
      res.writeHead(429, { 'content-type': 'application/json', 'retry-after': String(retryAfter) });
      res.end(JSON.stringify({ ok: false, error: 'ratelimited' }));
      return;
    }
    calls.push({ method, path, status: 200, body });
    const error = failing.get(method);
    failing.delete(method);
    const result = error === undefined ? reply(method, body, `${nextTs++}.000100`, messages) : { ok: false, error };
    if (losing.delete(method)) {
      res.destroy();
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify(result));
  });

  /** Seconds to wait when this write would go over the channel's limit, counting it otherwise. */
  function channelRetryAfter(method: string, body: Record<string, unknown>): number | undefined {
    if (!(method === 'chat.postMessage' || method.startsWith('reactions.')) || typeof body.channel !== 'string') {
      return undefined;
    }
    const now = Date.now();
    const recent = (channelWrites.get(body.channel) ?? []).filter((t) => t > now - 1000);
    if (recent.length >= channelLimit) return 1;
    channelWrites.set(body.channel, [...recent, now]);
    return undefined;
  }
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const api: Omit<SlackApiStub, 'delayMs'> = {
    url,
    apiUrl: `${url}/api/`,
    calls,
    messages,
    async waitFor(match, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const found = calls.find(match);
        if (found) return found;
        if (Date.now() > deadline) {
          const seen = calls.map((c) => `${c.method} ${JSON.stringify(c.body).slice(0, 200)}`).join('\n');
          throw new Error(`no matching Slack API call within ${timeoutMs} ms; calls so far:\n${seen}`);
        }
        await new Promise((r) => setTimeout(r, 20));
      }
    },
    rateLimitNext(method, seconds) {
      rateLimited.set(method, seconds);
    },
    failNext(method: string, error: string) {
      failing.set(method, error);
    },
    loseReplyNext(method: string) {
      losing.add(method);
    },
    limitChannels(perSecond: number) {
      channelLimit = perSecond;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
  return Object.assign(stub, api);
}

function reply(
  method: string,
  body: Record<string, unknown>,
  ts: string,
  messages: PostedMessage[],
): Record<string, unknown> {
  switch (method) {
    case 'auth.test':
      return {
        ok: true,
        url: 'https://example.slack.com/',
        team: 'Test',
        user: 'policybot',
        team_id: 'T1',
        user_id: BOT_USER_ID,
        bot_id: BOT_ID,
      };
    case 'chat.postMessage': {
      const message: PostedMessage = {
        // A message addressed to a user lands in the app's DM with them, which has an id of its own.
        channel: dmOf(String(body.channel)),
        ts,
        ...(typeof body.thread_ts === 'string' ? { thread_ts: body.thread_ts } : {}),
        text: String(body.text ?? ''),
        ...(body.metadata ? { metadata: body.metadata as PostedMessage['metadata'] } : {}),
      };
      messages.push(message);
      return { ok: true, channel: body.channel, ts, message: { text: body.text } };
    }
    case 'conversations.open':
      return { ok: true, channel: { id: dmOf(String(body.users)) } };
    case 'conversations.replies':
      return {
        ok: true,
        messages: messages.filter((m) => m.channel === body.channel && (m.thread_ts === body.ts || m.ts === body.ts)),
      };
    case 'conversations.history':
      return {
        ok: true,
        messages: messages.filter(
          (m) => m.channel === body.channel && m.thread_ts === undefined && m.ts > String(body.oldest ?? '0'),
        ),
      };
    case 'views.open':
    case 'views.publish':
      return { ok: true, view: { id: `V${ts}` } };
    default:
      return { ok: true };
  }
}

/** The DM channel the stand-in keeps for a user id (U123 → DU123); any other channel is itself. */
function dmOf(channel: string): string {
  return /^[UW][A-Z0-9]+$/.test(channel) ? `D${channel}` : channel;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** The Web API client sends forms whose `blocks`/`view` fields are JSON strings; respond() sends JSON. */
function parseBody(contentType: string, raw: string): Record<string, unknown> {
  if (raw === '') return {};
  if (contentType.includes('application/json')) return JSON.parse(raw) as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(raw)) {
    out[key] = /^[[{]/.test(value) ? tryJson(value) : value;
  }
  return out;
}

function tryJson(value: string): unknown {
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}
