import type { PolicyBot } from '../bot.js';
import { SlackConfigSchema, openOptions, readConfig, type SlackConfig } from '../config.js';
import { FeedbackStore } from '../feedback/store.js';
import { openBot } from '../open.js';
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
  return { ...started, stop: () => slack.stop() };
}

/**
 * Entry point of `policybot serve`: reads .env and the environment, opens the feedback database and the index
 * (building it on first use), starts, and stops cleanly on SIGINT/SIGTERM.
 */
export async function runServe(env: NodeJS.ProcessEnv = process.env): Promise<RunningServer> {
  const config = readConfig(SlackConfigSchema, env);
  const feedback = FeedbackStore.open(config.POLICYBOT_DB_PATH);
  try {
    // The same options every command opens the bot with: embedder, synonyms and all.
    const bot = await openBot({
      ...openOptions(config),
      // A seed problem found while building the index on first start should not go unnoticed.
      onIssues: (issues) => {
        for (const issue of issues) console.error(`policybot: ${issue.level}: ${issue.message}`);
      },
    });
    const server = await serve(config, bot, { feedback });
    const onSignal = (signal: NodeJS.Signals) => {
      console.error(`policybot: ${signal} received, shutting down`);
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
      await server.stop();
      feedback.close();
    });
    process.once('SIGINT', onSignal);
    process.once('SIGTERM', onSignal);
    return { ...server, stop };
  } catch (error) {
    feedback.close();
    throw error;
  }
}

/** Makes shutdown idempotent: a second signal while stopping waits for the first. */
function once(fn: () => Promise<void>): () => Promise<void> {
  let running: Promise<void> | undefined;
  return () => (running ??= fn());
}
