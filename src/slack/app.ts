import type { AddressInfo } from 'node:net';
import {
  App,
  type CustomRoute,
  HTTPModuleFunctions,
  HTTPReceiver,
  LogLevel,
  type Logger,
  type Receiver,
  type ReceiverProcessEventErrorHandlerArgs,
  SocketModeReceiver,
  webApi,
} from '@slack/bolt';
import { dashboardRoutes } from '../admin/index.js';
import type { PolicyBot } from '../bot.js';
import type { SlackConfig } from '../config.js';
import { createError } from '../core/errors.js';
import type { BotStore } from '../store/store.js';
import { createListenerContext } from './context.js';
import { InboxReceiver, RequestRefused } from './delivery/inbox-receiver.js';
import { Poster } from './delivery/poster.js';
import { signedHeaders } from './delivery/replay-guard.js';
import { SendQueue } from './delivery/send-queue.js';
import { StoreGuard } from './delivery/store-guard.js';
import { registerListeners } from './listeners/index.js';

export interface SlackAppDeps {
  store: BotStore;
  /** Defaults to Bolt's console logger at LOG_LEVEL. */
  logger?: Logger;
}

export type SlackMode = 'socket' | 'http';

export interface SlackApp {
  app: App;
  mode: SlackMode;
  /** Checks the token (auth.test), then listens; HTTP mode on PORT unless `listen` says otherwise (tests use port 0). */
  start(listen?: { port?: number; host?: string }): Promise<{ mode: SlackMode; port?: number }>;
  /** Stops taking requests and drains replies in flight (POLICYBOT_DRAIN_MS); what is left stays owed. */
  stop(): Promise<void>;
}

/**
 * Bolt's client (views, the Home tab) retries a 429 after Retry-After. The default policy (ten retries over
 * ~30 min) would act long after anyone waits; this one gives up after about half a minute.
 */
const RETRY_CONFIG = { retries: 5, factor: 2, minTimeout: 500, maxTimeout: 8_000, randomize: true };

const LOG_LEVELS: Record<SlackConfig['LOG_LEVEL'], LogLevel> = {
  debug: LogLevel.DEBUG,
  info: LogLevel.INFO,
  warn: LogLevel.WARN,
  error: LogLevel.ERROR,
};

const HTTP_STATUS: Record<RequestRefused['reason'], number> = {
  from_the_future: 401,
  too_old: 401,
  replayed: 401,
  stopping: 503,
};

/** Socket Mode when SLACK_APP_TOKEN is set (no public URL needed), else HTTP on PORT at POST /slack/events. */
export function createSlackApp(config: SlackConfig, bot: PolicyBot, deps: SlackAppDeps): SlackApp {
  const mode: SlackMode = config.SLACK_APP_TOKEN === undefined ? 'http' : 'socket';
  const logging = deps.logger ? { logger: deps.logger } : { logLevel: LOG_LEVELS[config.LOG_LEVEL] };
  const queue = new SendQueue(config.SLACK_CHANNEL_INTERVAL_MS);
  // One breaker for every store call, so the ack path and the answer path learn of a locked store together.
  const guard: StoreGuard = new StoreGuard((): Logger => app.logger);
  const routes = dashboardRoutes(config.POLICYBOT_ADMIN_TOKEN, deps.store, (): Logger => app.logger);
  const inbox: InboxReceiver = new InboxReceiver(innerReceiver(config, mode, logging, routes), {
    store: deps.store,
    guard,
    leaseMs: 60_000,
    sweepMs: 15_000,
    maxAttempts: 5,
    drainMs: config.POLICYBOT_DRAIN_MS,
    onDrainTimeout: () => queue.stop(),
  });
  const app: App = new App({
    token: config.SLACK_BOT_TOKEN,
    receiver: inbox,
    ...logging,
    clientOptions: {
      ...(config.SLACK_API_URL === undefined ? {} : { slackApiUrl: config.SLACK_API_URL }),
      retryConfig: RETRY_CONFIG,
    },
    // auth.test runs in start(), where a bad token fails with an error instead of an unhandled rejection.
    deferInitialization: true,
  });
  // Replies go through a client of their own: a 429 comes back to the send queue at once, which waits its turn,
  // and a lost reply comes back to the poster, which looks before posting again instead of retrying blindly.
  const replies = new webApi.WebClient(config.SLACK_BOT_TOKEN, {
    ...(config.SLACK_API_URL === undefined ? {} : { slackApiUrl: config.SLACK_API_URL }),
    logger: app.logger,
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
    timeout: 15_000,
  });
  const ctx = createListenerContext(bot, deps.store, guard, new Poster(replies, queue, app.logger));
  registerListeners(app, ctx);
  app.error(async (error) => app.logger.error('unhandled listener error', error));

  return {
    app,
    mode,
    async start(listen = {}) {
      await checkToken(replies, config.SLACK_API_URL ?? 'https://slack.com/api/');
      await app.init();
      if (mode === 'socket') {
        await app.start();
        return { mode };
      }
      const port = listen.port ?? config.PORT;
      try {
        const server = await app.start({ port, ...(listen.host ? { host: listen.host } : {}) });
        return { mode, port: (server.address() as AddressInfo).port };
      } catch (error) {
        throw (error as NodeJS.ErrnoException).code === 'EADDRINUSE' ? createError('PORT_IN_USE', port) : error;
      }
    },
    async stop() {
      await app.stop();
    },
  };
}

/** auth.test without retries, so a wrong token or an unreachable Slack stops start-up at once, in one line. */
async function checkToken(client: webApi.WebClient, apiUrl: string): Promise<void> {
  try {
    await client.auth.test();
  } catch (error) {
    const e = error as { code?: string; data?: { error?: string }; original?: Error; message: string };
    if (e.code === webApi.ErrorCode.PlatformError) throw createError('SLACK_AUTH_FAILED', e.data?.error ?? e.message);
    // fetch says only "fetch failed"; the socket's reason (ECONNREFUSED, ENOTFOUND) is its cause.
    const cause = e.original?.cause as { code?: string; message?: string } | undefined;
    throw createError(
      'SLACK_API_UNREACHABLE',
      apiUrl,
      cause?.code ?? cause?.message ?? e.original?.message ?? e.message,
    );
  }
}

function innerReceiver(
  config: SlackConfig,
  mode: SlackMode,
  logging: { logger: Logger } | { logLevel: LogLevel },
  customRoutes: CustomRoute[],
): Receiver {
  if (mode === 'socket') return new SocketModeReceiver({ appToken: config.SLACK_APP_TOKEN!, ...logging });
  return new HTTPReceiver({
    signingSecret: config.SLACK_SIGNING_SECRET!,
    endpoints: '/slack/events',
    port: config.PORT,
    // The admin dashboard (src/admin/), on the same port.
    customRoutes,
    ...logging,
    customPropertiesExtractor: (req) => {
      const signed = signedHeaders(req);
      return signed === undefined ? {} : { signed };
    },
    processEventErrorHandler: async (args: ReceiverProcessEventErrorHandlerArgs) => {
      if (!(args.error instanceof RequestRefused)) return HTTPModuleFunctions.defaultProcessEventErrorHandler(args);
      args.logger.warn(`${args.error.message} (${args.request.url})`);
      args.response.writeHead(HTTP_STATUS[args.error.reason]).end();
      return false;
    },
  });
}
