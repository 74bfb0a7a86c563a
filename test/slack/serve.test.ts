import { existsSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PolicyBot } from '../../src/bot.js';
import { SlackConfigSchema, parseConfig } from '../../src/config.js';
import { SqliteStore } from '../../src/store/sqlite.js';
import { createSlackApp } from '../../src/slack/app.js';
import { runServe } from '../../src/slack/serve.js';
import { SEEDS_DIR } from './helpers/bot.js';
import { freePort } from './helpers/net.js';
import { tempDir } from '../helpers/temp.js';
import { postSigned } from './helpers/signed-request.js';
import { BOT_USER_ID, type SlackApiStub, startSlackApiStub } from './helpers/slack-api-stub.js';

describe('runServe', () => {
  let stub: SlackApiStub;
  beforeAll(async () => {
    stub = await startSlackApiStub();
  });
  afterAll(async () => {
    await stub.close();
  });

  /** A complete serving environment on loopback, its files under `dir`. */
  function serveEnv(dir: string, port: number, extra: Record<string, string> = {}) {
    return {
      SLACK_BOT_TOKEN: 'xoxb-test',
      SLACK_SIGNING_SECRET: 'serve-secret',
      SLACK_API_URL: stub.apiUrl,
      PORT: String(port),
      LOG_LEVEL: 'error',
      POLICYBOT_SEEDS_DIR: SEEDS_DIR,
      POLICYBOT_INDEX_DIR: join(dir, 'index'),
      POLICYBOT_DB_PATH: join(dir, 'policybot.sqlite'),
      ...extra,
    };
  }

  it('builds the index, opens the database, serves HTTP on PORT and stops cleanly', async () => {
    const dir = tempDir('serve-');
    const port = await freePort();
    const env = serveEnv(dir, port, { POLICYBOT_DB_PATH: join(dir, 'data', 'policybot.sqlite') });
    const signalListeners = process.listenerCount('SIGTERM');
    const server = await runServe(env);
    expect(process.listenerCount('SIGTERM')).toBe(signalListeners + 1);
    try {
      expect(server).toMatchObject({ mode: 'http', port });
      expect(existsSync(env.POLICYBOT_DB_PATH)).toBe(true);
      expect(stub.calls.some((c) => c.method === 'auth.test')).toBe(true);
      const challenge = JSON.stringify({ type: 'url_verification', challenge: 'serve-challenge' });
      const response = await postSigned({
        url: `http://127.0.0.1:${port}/slack/events`,
        secret: env.SLACK_SIGNING_SECRET,
        body: challenge,
        contentType: 'application/json',
      });
      expect(response.text).toContain('serve-challenge');
    } finally {
      await server.stop();
    }
    expect(process.listenerCount('SIGTERM')).toBe(signalListeners);
    await expect(fetch(`http://127.0.0.1:${port}/slack/events`, { method: 'POST' })).rejects.toThrow();
  });

  it('opens the bot with the same settings as every command: the admin’s synonyms, the day, the embedder', async () => {
    const dir = tempDir('serve-');
    const synonyms = join(dir, 'synonyms.json');
    writeFileSync(synonyms, JSON.stringify({ 燃料补给站: '加氢站' }));
    const port = await freePort();
    const env = serveEnv(dir, port, { POLICYBOT_SYNONYMS: synonyms, POLICYBOT_TODAY: '2021-06-01' });
    const server = await runServe(env);
    try {
      const event = {
        type: 'app_mention',
        user: 'UASKER',
        text: `<@${BOT_USER_ID}> 燃料补给站要建几座`,
        ts: '1700000001.000001',
        channel: 'CSERVE',
      };
      const body = JSON.stringify({
        type: 'event_callback',
        team_id: 'T1',
        api_app_id: 'A1',
        event_id: 'EvServe1',
        event_time: 1,
        event,
      });
      await postSigned({
        url: `http://127.0.0.1:${port}/slack/events`,
        secret: env.SLACK_SIGNING_SECRET,
        body,
        contentType: 'application/json',
      });
      const reply = await stub.waitFor((c) => c.method === 'chat.postMessage' && c.body.channel === 'CSERVE');
      expect(String(reply.body.text)).toContain('30座');
      // Judged on the configured day, the plan is still running: no note that its period has ended.
      expect(String(reply.body.text)).not.toContain('已经结束');
    } finally {
      await server.stop();
    }
    // An index built with one embedder is refused by a bot configured with another, with the fix.
    await expect(
      runServe({
        ...env,
        PORT: String(await freePort()),
        EMBEDDINGS_PROVIDER: 'openai',
        EMBEDDINGS_BASE_URL: 'http://127.0.0.1:9/v1',
        EMBEDDINGS_MODEL: 'm',
      }),
    ).rejects.toThrow(/was built with embedder lexical-tfidf-v4, not openai:m: run `policybot ingest --force`/);
  });

  it('stops at start-up with one line naming the cause and the variable', async () => {
    const dir = tempDir('serve-');
    const fail = (extra: Record<string, string>) =>
      runServe(serveEnv(dir, 1, extra)).then(
        () => 'started',
        (error: Error & { code?: string }) => `${error.code}: ${error.message}`,
      );
    // A blank path would silently mean a temporary database: every question, vote and owed reply lost.
    expect(await fail({ POLICYBOT_DB_PATH: ' ' })).toMatch(/^CONFIG_INVALID: .*POLICYBOT_DB_PATH is blank/s);
    writeFileSync(join(dir, 'a-file'), '');
    expect(await fail({ POLICYBOT_DB_PATH: join(dir, 'a-file', 'db.sqlite') })).toMatch(
      /^DB_UNUSABLE: POLICYBOT_DB_PATH=.*a-file\/db.sqlite cannot hold the bot's database/,
    );
    stub.failNext('auth.test', 'invalid_auth');
    const port = String(await freePort());
    expect(await fail({ PORT: port })).toBe(
      'SLACK_AUTH_FAILED: Slack refused SLACK_BOT_TOKEN (invalid_auth); copy the Bot User OAuth Token (xoxb-…) of the installed app',
    );
    const nowhere = `http://127.0.0.1:${await freePort()}/api/`;
    expect(await fail({ PORT: port, SLACK_API_URL: nowhere })).toBe(
      `SLACK_API_UNREACHABLE: cannot reach Slack's Web API at ${nowhere} (ECONNREFUSED); check the network, or SLACK_API_URL if it is set`,
    );
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(Number(port), resolve));
    try {
      expect(await fail({ PORT: port })).toBe(
        `PORT_IN_USE: PORT=${port} is already in use; stop what listens there or set PORT to a free port`,
      );
    } finally {
      taken.close();
    }
  });

  it('stops with a message naming the variable when the configuration is wrong', async () => {
    await expect(runServe({ SLACK_BOT_TOKEN: 'not-a-token', SLACK_SIGNING_SECRET: 's' })).rejects.toThrow(
      /SLACK_BOT_TOKEN must be a bot token starting with xoxb-/,
    );
  });
});

describe('createSlackApp', () => {
  const emptyBot = { documents: [], clauses: [], targets: [] } as unknown as PolicyBot;

  it('uses Socket Mode when SLACK_APP_TOKEN is set, HTTP otherwise', () => {
    const store = SqliteStore.open(':memory:');
    const socket = parseConfig(SlackConfigSchema, { SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1' });
    const http = parseConfig(SlackConfigSchema, { SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's' });
    expect(createSlackApp(socket, emptyBot, { store }).mode).toBe('socket');
    expect(createSlackApp(http, emptyBot, { store }).mode).toBe('http');
    store.close();
  });
});
