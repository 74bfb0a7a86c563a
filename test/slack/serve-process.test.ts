import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SqliteStore } from '../../src/store/sqlite.js';
import { SEEDS_DIR, sharedBot, tempDir } from '../helpers/index.js';
import { postSigned } from './helpers/signed-request.js';
import { BOT_USER_ID, type SlackApiStub, startSlackApiStub } from './helpers/slack-api-stub.js';
import { freePort } from './helpers/net.js';

const SECRET = 'process-secret';

interface ServeProcess {
  child: ChildProcess;
  url: string;
  output: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/**
 * The real `policybot serve` in a child process, stopped by SIGTERM or killed outright in the middle of a burst,
 * against a slow stand-in Slack API. After a restart, every event Slack saw acknowledged is answered exactly once.
 */
describe('policybot serve, stopped and killed mid-burst', () => {
  let stub: SlackApiStub;
  let indexDir: string;
  let seq = 0;

  beforeAll(async () => {
    ({ indexDir } = await sharedBot());
    stub = await startSlackApiStub();
  });
  afterAll(async () => {
    await stub?.close();
  });

  async function startServe(db: string): Promise<ServeProcess> {
    const port = await freePort();
    const child = spawn('node', ['bin/policybot.js', 'serve'], {
      env: {
        PATH: process.env.PATH,
        SLACK_BOT_TOKEN: 'xoxb-test',
        SLACK_SIGNING_SECRET: SECRET,
        SLACK_API_URL: stub.apiUrl,
        PORT: String(port),
        LOG_LEVEL: 'info',
        POLICYBOT_SEEDS_DIR: SEEDS_DIR,
        POLICYBOT_INDEX_DIR: indexDir,
        POLICYBOT_DB_PATH: db,
        POLICYBOT_DRAIN_MS: '1000',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout!.on('data', (d: Buffer) => {
      output += d.toString();
    });
    child.stderr!.on('data', (d: Buffer) => {
      output += d.toString();
    });
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
      child.on('exit', (code, signal) => resolve({ code, signal })),
    );
    const deadline = Date.now() + 30_000;
    while (!output.includes('policybot is listening to Slack')) {
      if (child.exitCode !== null || Date.now() > deadline) throw new Error(`serve did not start:\n${output}`);
      await new Promise((r) => setTimeout(r, 50));
    }
    return { child, url: `http://127.0.0.1:${port}/slack/events`, output: () => output, exited };
  }

  function mentionBody(channel: string) {
    const ts = `1700000200.${String(++seq).padStart(6, '0')}`;
    const event = { type: 'app_mention', user: 'UASKER', text: `<@${BOT_USER_ID}> 加氢站目标是多少`, ts, channel };
    const body = JSON.stringify({ type: 'event_callback', team_id: 'T1', event_id: `EvP${seq}`, event });
    return { ts, channel, body };
  }

  /** Sends like Slack: true when the event was acknowledged (200), false when the bot could not take it. */
  async function deliver(url: string, body: string, retry = 0): Promise<boolean> {
    try {
      const response = await postSigned({
        url,
        secret: SECRET,
        body,
        contentType: 'application/json',
        timestamp: Math.floor(Date.now() / 1000) + retry,
        headers: retry > 0 ? { 'x-slack-retry-num': String(retry), 'x-slack-retry-reason': 'http_error' } : {},
      });
      return response.status === 200;
    } catch {
      return false;
    }
  }

  const answers = (m: { channel: string; ts: string }) =>
    stub.messages.filter((x) => x.channel === m.channel && x.thread_ts === m.ts);

  /** Messages in channels starting with `prefix` that still wear the bot's 👀. */
  function eyesLeft(prefix: string): string[] {
    const eyes = new Map<string, number>();
    for (const c of stub.calls.filter((c) => c.status === 200 && c.method.startsWith('reactions.'))) {
      const key = `${c.body.channel}:${c.body.timestamp}`;
      eyes.set(key, Math.max(0, (eyes.get(key) ?? 0) + (c.method === 'reactions.add' ? 1 : -1)));
    }
    return [...eyes].filter(([key, n]) => key.startsWith(prefix) && n > 0).map(([key]) => key);
  }

  async function waitUntil(check: () => boolean, timeoutMs: number, what: string): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!check()) {
      if (Date.now() > deadline) throw new Error(`${what} not reached in ${timeoutMs} ms`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  for (const signal of ['SIGTERM', 'SIGKILL'] as const) {
    it(`${signal} at 250 ms into a burst of 60 with a slow Slack: after a restart each event is answered once`, async () => {
      const db = join(tempDir('policybot-proc-'), 'policybot.sqlite');
      stub.delayMs = 200;
      try {
        const first = await startServe(db);
        const burst = Array.from({ length: 60 }, (_, i) => mentionBody(`C${signal}${i % 12}`));
        const sent = burst.map((m) => deliver(first.url, m.body));
        await new Promise((r) => setTimeout(r, 250));
        const signalledAt = Date.now();
        first.child.kill(signal);
        const exit = await first.exited;
        const acked = await Promise.all(sent);
        if (signal === 'SIGTERM') {
          expect(exit.code).toBe(0);
          // Drained for at most POLICYBOT_DRAIN_MS (1 s), plus the stragglers' hand-back.
          expect(Date.now() - signalledAt).toBeLessThan(5_000);
          expect(first.output()).toContain('SIGTERM received');
        }
        expect(acked.filter(Boolean).length).toBeGreaterThan(0);
        // Answers were owed when the process went: the restart below has work to finish, not just new events.
        const left = SqliteStore.open(db);
        expect(left.owedCount()).toBeGreaterThan(0);
        left.close();

        const second = await startServe(db);
        // Slack retries what it saw no ack for; one acknowledged event is also retried, as after a timeout.
        const retried = burst.filter((_, i) => !acked[i] || i === 0);
        for (const m of retried) expect(await deliver(second.url, m.body, 1)).toBe(true);
        await waitUntil(() => burst.every((m) => answers(m).length > 0), 60_000, 'every event answered');
        await new Promise((r) => setTimeout(r, 1_000));
        for (const m of burst) expect(answers(m), `${m.channel} ${m.ts}`).toHaveLength(1);
        // No 👀 is left on a question: what the stopped run put on, the run that answered takes off (paced behind
        // the answers in each channel, so it may come a few seconds after the last one).
        await waitUntil(() => eyesLeft(`C${signal}`).length === 0, 30_000, 'every 👀 removed');
        // Nothing is owed once the restarted process is idle, and it stops cleanly.
        const store = SqliteStore.open(db);
        try {
          await waitUntil(() => store.owedCount() === 0, 30_000, 'nothing owed');
        } finally {
          store.close();
        }
        second.child.kill('SIGTERM');
        expect((await second.exited).code).toBe(0);
      } finally {
        stub.delayMs = 0;
      }
    }, 120_000);
  }
});
