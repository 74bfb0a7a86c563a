import { type SlackConfig, SlackConfigSchema, parseConfig } from '../../../src/config.js';
import type { SlackApp } from '../../../src/slack/app.js';

/** An app's configuration under test: the stand-in Web API at `apiUrl`, no pacing unless `extra` sets it. */
export function testSlackConfig(apiUrl: string, secret: string, extra: Record<string, string> = {}): SlackConfig {
  return parseConfig(SlackConfigSchema, {
    SLACK_BOT_TOKEN: 'xoxb-test',
    SLACK_SIGNING_SECRET: secret,
    SLACK_API_URL: apiUrl,
    SLACK_CHANNEL_INTERVAL_MS: '0',
    ...extra,
  });
}

/** Starts the app's HTTP receiver on a free loopback port; the address it answers on. */
export async function listenOnLoopback(slack: SlackApp): Promise<string> {
  const { port } = await slack.start({ port: 0, host: '127.0.0.1' });
  return `http://127.0.0.1:${port}`;
}
