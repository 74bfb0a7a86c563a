import { verifySlackRequest } from '@slack/bolt';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { slackSignature } from './helpers/signed-request.js';

// Slack's published example (https://docs.slack.dev/authentication/verifying-requests-from-slack).
const SECRET = '8f742231b10e8888abcd99yyyzzz85a5';
const TIMESTAMP = 1531420618;
const BODY =
  'token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c';
const SIGNATURE = 'v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503';

describe('Slack request signatures', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  const verify = (body: string, signature: string) =>
    verifySlackRequest({
      signingSecret: SECRET,
      body,
      headers: { 'x-slack-signature': signature, 'x-slack-request-timestamp': TIMESTAMP },
    });

  it('Bolt accepts Slack’s published example at its timestamp', () => {
    vi.useFakeTimers({ now: TIMESTAMP * 1000, toFake: ['Date'] });
    expect(() => verify(BODY, SIGNATURE)).not.toThrow();
  });

  it('Bolt rejects a changed body and a stale timestamp', () => {
    vi.useFakeTimers({ now: TIMESTAMP * 1000, toFake: ['Date'] });
    expect(() => verify(BODY.replace('text=', 'text=x'), SIGNATURE)).toThrow(/signature mismatch/);
    vi.setSystemTime((TIMESTAMP + 6 * 60) * 1000);
    expect(() => verify(BODY, SIGNATURE)).toThrow(/stale/);
  });

  it('the tests’ signing helper reproduces the example', () => {
    expect(slackSignature(SECRET, TIMESTAMP, BODY)).toBe(SIGNATURE);
  });
});
