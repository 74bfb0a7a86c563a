import { mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { PolicyBot } from '../../src/bot.js';
import { type SlackApp, createSlackApp } from '../../src/slack/app.js';
import { REPLY_EVENT_TYPE } from '../../src/slack/delivery/poster.js';
import { APOLOGY } from '../../src/slack/messages.js';
import { SqliteStore } from '../../src/store/sqlite.js';
import { listenOnLoopback, testSlackConfig } from './helpers/app.js';
import { blocksText } from './helpers/blocks-text.js';
import { openTestBot } from './helpers/bot.js';
import { recordingLogger } from './helpers/logger.js';
import { postSigned } from './helpers/signed-request.js';
import { BOT_USER_ID, type SlackApiStub, startSlackApiStub } from './helpers/slack-api-stub.js';

const SECRET = 'delivery-secret';
const QUESTION = `<@${BOT_USER_ID}> 加氢站目标是多少`;
const HEADING = '科学配置充电桩和加氢站';

/**
 * Delivery guarantees of the real Bolt app over HTTP on 127.0.0.1, against the stand-in Slack API: each request
 * owed a reply is answered exactly once through lost replies, rate limits, restarts, replicas and a locked store.
 */
describe('delivery (real Bolt, stand-in Slack API)', () => {
  let stub: SlackApiStub;
  let bot: PolicyBot;
  let dir: string;
  const running: { slack: SlackApp; store: SqliteStore }[] = [];
  let seq = 0;

  beforeAll(async () => {
    ({ bot, dir } = await openTestBot());
    stub = await startSlackApiStub();
  });
  afterEach(async () => {
    for (const { slack, store } of running.splice(0)) {
      await slack.stop();
      store.close();
    }
    stub.delayMs = 0;
    stub.limitChannels(Number.POSITIVE_INFINITY);
  });
  afterAll(async () => {
    await stub?.close();
  });

  /** A bot process: its own app and store connection, on its own port, over the database file `db`. */
  async function startReplica(db: string, env: Record<string, string> = {}) {
    const store = SqliteStore.open(db, { busyTimeoutMs: 100 });
    const logger = recordingLogger();
    const config = testSlackConfig(stub.apiUrl, SECRET, { POLICYBOT_DRAIN_MS: '5000', ...env });
    const slack = createSlackApp(config, bot, { store, logger });
    const url = `${await listenOnLoopback(slack)}/slack/events`;
    running.push({ slack, store });
    return { slack, store, logger, url };
  }

  const freshDb = () => join(mkdtempSync(join(dir, 'db-')), 'policybot.sqlite');
  const nextTs = () => `1700000100.${String(++seq).padStart(6, '0')}`;

  function mention(channel: string, text = QUESTION) {
    return { type: 'app_mention', user: 'UASKER', text, ts: nextTs(), channel };
  }

  function envelope(event: Record<string, unknown>, eventId = `EvD${++seq}`) {
    return JSON.stringify({ type: 'event_callback', team_id: 'T1', api_app_id: 'A1', event_id: eventId, event });
  }

  const send = (url: string, body: string, timestamp?: number) =>
    postSigned({ url, secret: SECRET, body, contentType: 'application/json', timestamp });

  /** The answers Slack holds in the thread of `ts`. */
  const answersTo = (channel: string, ts: string) =>
    stub.messages.filter((m) => m.channel === channel && m.thread_ts === ts);

  async function waitUntil(check: () => boolean, timeoutMs = 10_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!check()) {
      if (Date.now() > deadline) throw new Error('condition not met in time');
      await new Promise((r) => setTimeout(r, 25));
    }
  }

  it('posts once when Slack took the post but the reply was lost, found by the tag on the message', async () => {
    const { url, store } = await startReplica(freshDb());
    stub.loseReplyNext('chat.postMessage');
    const event = mention('CLOST');
    expect((await send(url, envelope(event, 'EvLost'))).status).toBe(200);
    await waitUntil(() => store.owedCount() === 0 && answersTo('CLOST', event.ts).length > 0);
    const answers = answersTo('CLOST', event.ts);
    expect(answers).toHaveLength(1);
    expect(answers[0]!.metadata).toEqual({ event_type: REPLY_EVENT_TYPE, event_payload: { request: 'EvLost' } });
    expect(stub.calls.some((c) => c.method === 'conversations.replies' && c.body.ts === event.ts)).toBe(true);
  });

  it('refuses a request signed 10 minutes in the future, and a replayed slash command, with 401', async () => {
    const { url } = await startReplica(freshDb());
    const future = Math.floor(Date.now() / 1000) + 600;
    const ahead = mention('CFUTURE');
    expect((await send(url, envelope(ahead), future)).status).toBe(401);

    const command = new URLSearchParams({
      command: '/policy',
      text: '加氢站目标是多少',
      user_id: 'UASKER',
      channel_id: 'CCMD',
      trigger_id: 'trig.replay',
      response_url: `${stub.url}/respond/replay`,
      team_id: 'T1',
    }).toString();
    const signed = { url, secret: SECRET, body: command, contentType: 'application/x-www-form-urlencoded' } as const;
    const timestamp = Math.floor(Date.now() / 1000);
    expect((await postSigned({ ...signed, timestamp })).status).toBe(200);
    expect((await postSigned({ ...signed, timestamp })).status).toBe(401);
    await stub.waitFor((c) => c.path === '/respond/replay');
    await new Promise((r) => setTimeout(r, 300));
    expect(stub.calls.filter((c) => c.path === '/respond/replay')).toHaveLength(1);
    expect(answersTo('CFUTURE', ahead.ts)).toHaveLength(0);
  });

  it('answers an event once when Slack retries it after a restart', async () => {
    const db = freshDb();
    const first = await startReplica(db);
    const event = mention('CRESTART');
    const body = envelope(event, 'EvRestart');
    await send(first.url, body);
    await waitUntil(() => answersTo('CRESTART', event.ts).length === 1 && first.store.owedCount() === 0);
    const { slack, store } = running.pop()!;
    await slack.stop();
    store.close();

    const second = await startReplica(db);
    const retry = await postSigned({
      url: second.url,
      secret: SECRET,
      body,
      contentType: 'application/json',
      headers: { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' },
      // Slack signs each delivery when it sends it.
      timestamp: Math.floor(Date.now() / 1000) + 1,
    });
    expect(retry.status).toBe(200);
    await new Promise((r) => setTimeout(r, 500));
    expect(answersTo('CRESTART', event.ts)).toHaveLength(1);
  });

  it('answers once when two replicas sharing the database both receive the same event', async () => {
    const db = freshDb();
    const [a, b] = [await startReplica(db), await startReplica(db)];
    const event = mention('CREPLICA');
    const body = envelope(event, 'EvBoth');
    const statuses = await Promise.all([send(a.url, body), send(b.url, body, Math.floor(Date.now() / 1000) - 1)]);
    expect(statuses.map((s) => s.status)).toEqual([200, 200]);
    await waitUntil(() => answersTo('CREPLICA', event.ts).length === 1 && a.store.owedCount() === 0);
    await new Promise((r) => setTimeout(r, 500));
    expect(answersTo('CREPLICA', event.ts)).toHaveLength(1);
  });

  it('answers 50 mentions at once in one channel, paced to one message a second: no apology', async () => {
    stub.limitChannels(1);
    const { url, store } = await startReplica(freshDb(), { SLACK_CHANNEL_INTERVAL_MS: '1000' });
    const events = Array.from({ length: 50 }, () => mention('CBUSY'));
    const acks = await Promise.all(events.map((e) => send(url, envelope(e))));
    expect(acks.every((r) => r.status === 200)).toBe(true);
    await waitUntil(() => events.every((e) => answersTo('CBUSY', e.ts).length > 0), 110_000);
    for (const e of events) expect(answersTo('CBUSY', e.ts)).toHaveLength(1);
    const texts = stub.messages.filter((m) => m.channel === 'CBUSY').map((m) => m.text);
    expect(texts).not.toContain(APOLOGY);
    expect(texts.every((t) => t.includes('30座'))).toBe(true);
    await waitUntil(() => store.owedCount() === 0);
  }, 120_000);

  it('acks at once and still answers while another process holds the database locked', async () => {
    const db = freshDb();
    const { url, logger } = await startReplica(db);
    const locker = new Database(db);
    locker.exec('BEGIN EXCLUSIVE');
    try {
      const events = Array.from({ length: 5 }, () => mention('CLOCKED'));
      const started = Date.now();
      const acks = await Promise.all(events.map((e) => send(url, envelope(e))));
      const ackMs = Date.now() - started;
      expect(acks.every((r) => r.status === 200)).toBe(true);
      // One busy timeout (100 ms) is paid, then the guard stops asking; never the five seconds a write used to wait.
      expect(ackMs).toBeLessThan(2_000);
      await waitUntil(() => events.every((e) => answersTo('CLOCKED', e.ts).length === 1));
      const answer = stub.messages.find((m) => m.channel === 'CLOCKED')!;
      expect(answer.text).toContain('30座');
      expect(logger.lines.some((l) => l.level === 'error' && l.text.includes('store:'))).toBe(true);
    } finally {
      locker.exec('ROLLBACK');
      locker.close();
    }
  });

  it('finishes, on start, what a stopped process left owed, without posting twice', async () => {
    const db = freshDb();
    // What a crash leaves: two requests recorded and never settled, one of which Slack already shows answered.
    const crashed = SqliteStore.open(db);
    const answered = mention('COWED');
    const unanswered = mention('COWED');
    crashed.admit('EvOwed1', JSON.parse(envelope(answered, 'EvOwed1')), 'elsewhere/1/x', 0);
    crashed.admit('EvOwed2', JSON.parse(envelope(unanswered, 'EvOwed2')), 'elsewhere/1/x', 0);
    crashed.close();
    stub.messages.push({
      channel: 'COWED',
      ts: '1700000999.000001',
      thread_ts: answered.ts,
      text: 'answered before the crash',
      metadata: { event_type: REPLY_EVENT_TYPE, event_payload: { request: 'EvOwed1' } },
    });
    const { store } = await startReplica(db);
    await waitUntil(() => store.owedCount() === 0);
    expect(answersTo('COWED', answered.ts)).toHaveLength(1);
    expect(answersTo('COWED', unanswered.ts)).toHaveLength(1);
    expect(blocksText(stub.calls.find((c) => c.body.thread_ts === unanswered.ts)!.body.blocks)).toContain(HEADING);
  });
});
