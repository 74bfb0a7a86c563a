import { join } from 'node:path';
import type { PolicyBot } from '../../../src/bot.js';
import { type SlackApp, createSlackApp } from '../../../src/slack/app.js';
import { SqliteStore } from '../../../src/store/sqlite.js';
import { tempDir } from '../../helpers/temp.js';
import { listenOnLoopback, testSlackConfig } from '../../slack/helpers/app.js';
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
  const dir = tempDir('admin-');
  const store = SqliteStore.open(join(dir, 'policybot.sqlite'));
  options.seed?.(store);
  const stub: SlackApiStub = await startSlackApiStub();
  const logger = recordingLogger();
  const token: Record<string, string> = options.token === undefined ? {} : { POLICYBOT_ADMIN_TOKEN: options.token };
  const slack: SlackApp = createSlackApp(testSlackConfig(stub.apiUrl, 'test-signing-secret', token), silentBot, {
    store,
    logger,
  });
  return {
    url: await listenOnLoopback(slack),
    store,
    logger,
    async close() {
      await slack.stop();
      await stub.close();
      store.close();
    },
  };
}
