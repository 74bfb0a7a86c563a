import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PolicyBot } from '../../../src/bot.js';
import { SlackConfigSchema, parseConfig } from '../../../src/config.js';
import { type SlackApp, createSlackApp } from '../../../src/slack/app.js';
import { SqliteStore } from '../../../src/store/sqlite.js';
import { recordingLogger } from '../../slack/helpers/logger.js';
import { type SlackApiStub, startSlackApiStub } from '../../slack/helpers/slack-api-stub.js';

export const ADMIN_TOKEN = 'admin-token-0123456789abcdef';

/** The dashboard never asks the bot anything: a bot that refuses to answer proves it. */
const silentBot: PolicyBot = {
  documents: [],
  clauses: [],
  targets: [],
  ask: () => Promise.reject(new Error('the dashboard must not ask the bot')),
  clause: () => undefined,
  clausesForUnit: () => ({ unit: null, clauses: [] }),
  findTargets: () => [],
};

export interface RunningDashboard {
  /** e.g. http://127.0.0.1:1234 */
  url: string;
  store: SqliteStore;
  logger: ReturnType<typeof recordingLogger>;
  close(): Promise<void>;
}

/**
 * The real Bolt app in HTTP mode on 127.0.0.1 (against the stand-in Slack API), over a SqliteStore in a temp file
 * that `seed` fills first; `token` undefined starts it without the dashboard.
 */
export async function startDashboard(options: {
  token?: string;
  seed?: (store: SqliteStore) => void;
}): Promise<RunningDashboard> {
  const dir = mkdtempSync(join(tmpdir(), 'policybot-admin-'));
  const store = SqliteStore.open(join(dir, 'policybot.sqlite'));
  options.seed?.(store);
  const stub: SlackApiStub = await startSlackApiStub();
  const logger = recordingLogger();
  const config = parseConfig(SlackConfigSchema, {
    SLACK_BOT_TOKEN: 'xoxb-test',
    SLACK_SIGNING_SECRET: 'test-signing-secret',
    SLACK_API_URL: stub.apiUrl,
    ...(options.token === undefined ? {} : { POLICYBOT_ADMIN_TOKEN: options.token }),
  });
  const slack: SlackApp = createSlackApp(config, silentBot, { store, logger });
  const { port } = await slack.start({ port: 0, host: '127.0.0.1' });
  return {
    url: `http://127.0.0.1:${port}`,
    store,
    logger,
    async close() {
      await slack.stop();
      await stub.close();
      store.close();
    },
  };
}
