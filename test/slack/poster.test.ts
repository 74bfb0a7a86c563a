import { webApi } from '@slack/bolt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Poster, REPLY_EVENT_TYPE } from '../../src/slack/delivery/poster.js';
import { SendQueue } from '../../src/slack/delivery/send-queue.js';
import { recordingLogger } from './helpers/logger.js';
import { type SlackApiStub, startSlackApiStub } from './helpers/slack-api-stub.js';

const message = { text: '加氢站：到2022年，30座。', blocks: [] };

describe('Poster', () => {
  let stub: SlackApiStub;
  let poster: Poster;

  beforeAll(async () => {
    stub = await startSlackApiStub();
    const client = new webApi.WebClient('xoxb-test', { slackApiUrl: stub.apiUrl, retryConfig: { retries: 0 } });
    poster = new Poster(client, new SendQueue(0), recordingLogger(), { uncertainAttempts: 2, backoffMs: 10 });
  });
  afterAll(async () => {
    await stub?.close();
  });

  it('finds a reply sent to a user in the DM Slack put it in, and does not post it again', async () => {
    const tag = { request: 'view:V1', maybePosted: false };
    expect(await poster.reply({ channel: 'UMODAL' }, message, tag)).toBe('posted');
    expect(stub.messages.filter((m) => m.channel === 'DUMODAL')).toHaveLength(1);
    expect(await poster.reply({ channel: 'UMODAL' }, message, { ...tag, maybePosted: true })).toBe('already_posted');
    expect(stub.calls.some((c) => c.method === 'conversations.open' && c.body.users === 'UMODAL')).toBe(true);
    expect(stub.messages.filter((m) => m.channel === 'DUMODAL')).toHaveLength(1);
  });

  it('tags every reply with the request it answers', async () => {
    await poster.reply({ channel: 'CTAG', threadTs: '1.0' }, message, { request: 'EvTag', maybePosted: false });
    expect(stub.messages.find((m) => m.channel === 'CTAG')?.metadata).toEqual({
      event_type: REPLY_EVENT_TYPE,
      event_payload: { request: 'EvTag' },
    });
  });
});
