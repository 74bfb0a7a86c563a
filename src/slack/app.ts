import type { AddressInfo } from 'node:net';
import { App, LogLevel, type Logger } from '@slack/bolt';
import type { PolicyBot } from '../bot.js';
import type { SlackConfig } from '../config.js';
import type { FeedbackStore } from '../feedback/store.js';
import { createListenerContext } from './context.js';
import { registerListeners } from './listeners/index.js';
import { dedupeEvents } from './middleware/dedupe-events.js';

export interface SlackAppDeps {
  feedback: FeedbackStore;
  /** Defaults to Bolt's console logger at LOG_LEVEL. */
  logger?: Logger;
}

export type SlackMode = 'socket' | 'http';

export interface SlackApp {
  app: App;
  mode: SlackMode;
  /** Checks the token (auth.test), then listens; HTTP mode on PORT unless `listen` says otherwise (tests use port 0). */
  start(listen?: { port?: number; host?: string }): Promise<{ mode: SlackMode; port?: number }>;
  stop(): Promise<void>;
}

/**
 * Slack's rate limits answer 429 with Retry-After, which the client honours before retrying. The default policy
 * (ten retries over ~30 min) would deliver an answer long after anyone waits for it; this one gives up after
 * about half a minute, plus whatever Retry-After asks for.
 */
const RETRY_CONFIG = { retries: 5, factor: 2, minTimeout: 500, maxTimeout: 8_000, randomize: true };

const LOG_LEVELS: Record<SlackConfig['LOG_LEVEL'], LogLevel> = {
  debug: LogLevel.DEBUG,
  info: LogLevel.INFO,
  warn: LogLevel.WARN,
  error: LogLevel.ERROR,
};

/** Socket Mode when SLACK_APP_TOKEN is set (no public URL needed), else HTTP on PORT at POST /slack/events. */
export function createSlackApp(config: SlackConfig, bot: PolicyBot, deps: SlackAppDeps): SlackApp {
  const mode: SlackMode = config.SLACK_APP_TOKEN === undefined ? 'http' : 'socket';
  const app = new App({
    token: config.SLACK_BOT_TOKEN,
    ...(mode === 'socket' ? { socketMode: true, appToken: config.SLACK_APP_TOKEN } : {}),
    ...(config.SLACK_SIGNING_SECRET === undefined ? {} : { signingSecret: config.SLACK_SIGNING_SECRET }),
    port: config.PORT,
    ...(deps.logger ? { logger: deps.logger } : { logLevel: LOG_LEVELS[config.LOG_LEVEL] }),
    clientOptions: {
      ...(config.SLACK_API_URL === undefined ? {} : { slackApiUrl: config.SLACK_API_URL }),
      retryConfig: RETRY_CONFIG,
    },
    // auth.test runs in start(), where a bad token fails with an error instead of an unhandled rejection.
    deferInitialization: true,
  });
  const ctx = createListenerContext(bot, deps.feedback);
  app.use(dedupeEvents(ctx.seenEvents));
  registerListeners(app, ctx);
  app.error(async (error) => app.logger.error('unhandled listener error', error));

  return {
    app,
    mode,
    async start(listen = {}) {
      await app.init();
      if (mode === 'socket') {
        await app.start();
        return { mode };
      }
      const server = await app.start({
        port: listen.port ?? config.PORT,
        ...(listen.host ? { host: listen.host } : {}),
      });
      return { mode, port: (server.address() as AddressInfo).port };
    },
    async stop() {
      await app.stop();
    },
  };
}
