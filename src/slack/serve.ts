import type { PolicyBot } from '../bot.js';
import { SlackConfigSchema, openOptions, readConfig, type SlackConfig } from '../config.js';
import { openBot } from '../open.js';
import { SqliteStore } from '../store/sqlite.js';
import type { BotStore } from '../store/store.js';
import { createSlackApp, type SlackAppDeps, type SlackMode } from './app.js';

export interface RunningServer {
  mode: SlackMode;
  port?: number;
  stop(): Promise<void>;
}

/** Starts the Slack app for a loaded bot and logs how it can be reached. */
export async function serve(config: SlackConfig, bot: PolicyBot, deps: SlackAppDeps): Promise<RunningServer> {
  const slack = createSlackApp(config, bot, deps);
  const started = await slack.start();
  const where =
    started.mode === 'socket'
      ? 'Socket Mode (no public URL needed)'
      : `HTTP on port ${started.port}, POST /slack/events`;
  slack.app.logger.info(`policybot is listening to Slack: ${where}`);
  if (config.POLICYBOT_ADMIN_TOKEN !== undefined) {
    // The dashboard rides on the HTTP receiver; Socket Mode opens no port to serve it from.
    if (started.mode === 'http') slack.app.logger.info(`admin dashboard: GET /admin on port ${started.port}`);
    else slack.app.logger.warn('POLICYBOT_ADMIN_TOKEN is set, but the dashboard is served in HTTP mode only');
  }
  return { ...started, stop: () => slack.stop() };
}

/**
 * Entry point of `policybot serve`: reads .env and the environment, opens the store and the index (building it on
 * first use), starts, finishes what an earlier run left owed, and on SIGINT/SIGTERM stops taking requests and
 * drains the replies in flight for POLICYBOT_DRAIN_MS before exiting.
 */
export async function runServe(env: NodeJS.ProcessEnv = process.env): Promise<RunningServer> {
  const config = readConfig(SlackConfigSchema, env);
  const store: BotStore = SqliteStore.open(config.POLICYBOT_DB_PATH, { busyTimeoutMs: config.POLICYBOT_DB_BUSY_MS });
  try {
    // The same options every command opens the bot with: embedder, synonyms and all.
    const bot = await openBot({
      ...openOptions(config),
      // A seed problem found while building the index on first start should not go unnoticed.
      onIssues: (issues) => {
        for (const issue of issues) console.error(`policybot: ${issue.level}: ${issue.message}`);
      },
    });
    const server = await serve(config, bot, { store });
    const onSignal = (signal: NodeJS.Signals) => {
      console.error(`policybot: ${signal} received; finishing replies in flight, then stopping`);
      stop().then(
        () => process.exit(0),
        (error: unknown) => {
          console.error('policybot: shutdown failed', error);
          process.exit(1);
        },
      );
    };
    const stop = once(async () => {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
      try {
        await server.stop();
      } finally {
        store.close();
      }
    });
    process.once('SIGINT', onSignal);
    process.once('SIGTERM', onSignal);
    return { ...server, stop };
  } catch (error) {
    store.close();
    throw error;
  }
}

/** Makes shutdown idempotent: a second signal while stopping waits for the first. */
function once(fn: () => Promise<void>): () => Promise<void> {
  let running: Promise<void> | undefined;
  return () => (running ??= fn());
}
