import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PolicyBot } from '../../src/bot.js';
import { SqliteStore } from '../../src/store/sqlite.js';
import { type SlackApp, createSlackApp } from '../../src/slack/app.js';
import { MAX_MESSAGE_BLOCKS, MAX_VIEW_BLOCKS } from '../../src/slack/blocks/limits.js';
import { APOLOGY, FEEDBACK_THANKS, HELP, MAX_QUESTION_CHARS, TOO_LONG } from '../../src/slack/messages.js';
import { listenOnLoopback, testSlackConfig } from './helpers/app.js';
import { blocksText, buttonValue } from './helpers/blocks-text.js';
import { openTestBot } from './helpers/bot.js';
import { recordingLogger } from './helpers/logger.js';
import { interactionBody, postSigned } from './helpers/signed-request.js';
import { BOT_USER_ID, type RecordedCall, type SlackApiStub, startSlackApiStub } from './helpers/slack-api-stub.js';

const SECRET = 'test-signing-secret';
const HEADING = '科学配置充电桩和加氢站';
const QUESTION = `<@${BOT_USER_ID}> 加氢站目标是多少`;
/** The spy bot throws on this question, standing in for any failure inside the engine. */
const EXPLODE = '请让引擎出错';

describe('Slack app (HTTP mode, real Bolt, stand-in Slack API)', () => {
  let stub: SlackApiStub;
  let slack: SlackApp;
  let store: SqliteStore;
  let eventsUrl: string;
  const logger = recordingLogger();
  const asked: { question: string; thread?: readonly string[] }[] = [];
  let seq = 0;

  beforeAll(async () => {
    const { bot, dir } = await openTestBot();
    stub = await startSlackApiStub();
    store = SqliteStore.open(join(dir, 'db', 'feedback.sqlite'));
    slack = createSlackApp(testSlackConfig(stub.apiUrl, SECRET), spyBot(bot, asked), { store, logger });
    eventsUrl = `${await listenOnLoopback(slack)}/slack/events`;
  });

  afterAll(async () => {
    await slack?.stop();
    await stub?.close();
    store?.close();
  });

  const nextTs = () => `1700000000.${String(++seq).padStart(6, '0')}`;

  function messageEvent(fields: Record<string, unknown>) {
    return { type: 'app_mention', user: 'UASKER', text: QUESTION, ts: nextTs(), channel: 'CGENERAL', ...fields };
  }

  async function sendEvent(
    event: Record<string, unknown>,
    options: { eventId?: string; headers?: Record<string, string>; timestamp?: number } = {},
  ) {
    const body = JSON.stringify({
      token: 'legacy',
      team_id: 'T1',
      api_app_id: 'A1',
      type: 'event_callback',
      event_id: options.eventId ?? `Ev${++seq}`,
      event_time: Math.floor(Date.now() / 1000),
      authorizations: [{ team_id: 'T1', user_id: BOT_USER_ID, is_bot: true }],
      event,
    });
    return postSigned({
      url: eventsUrl,
      secret: SECRET,
      body,
      contentType: 'application/json',
      headers: options.headers,
      timestamp: options.timestamp,
    });
  }

  async function sendInteraction(payload: Record<string, unknown>) {
    const base = {
      type: 'block_actions',
      team: { id: 'T1' },
      user: { id: 'UVOTER' },
      api_app_id: 'A1',
      token: 'legacy',
    };
    return postSigned({
      url: eventsUrl,
      secret: SECRET,
      body: interactionBody({ ...base, trigger_id: `trigger.${++seq}`, ...payload }),
      contentType: 'application/x-www-form-urlencoded',
    });
  }

  const postsTo = (channel: string) => (c: RecordedCall) =>
    c.method === 'chat.postMessage' && c.status === 200 && c.body.channel === channel;
  const repliesTo = (channel: string, threadTs: string) => (c: RecordedCall) =>
    postsTo(channel)(c) && c.body.thread_ts === threadTs;

  /** Mentions and waits for the answer in its thread. */
  async function askByMention(channel: string, text = QUESTION) {
    const event = messageEvent({ channel, text });
    expect((await sendEvent(event)).status).toBe(200);
    return { event, reply: await stub.waitFor(repliesTo(channel, event.ts)) };
  }

  it('answers url_verification with the challenge', async () => {
    const body = JSON.stringify({
      token: 'legacy',
      type: 'url_verification',
      challenge: 'challenge-3eZbrw1aBm2rZgRNFdxV',
    });
    const response = await postSigned({ url: eventsUrl, secret: SECRET, body, contentType: 'application/json' });
    expect(response.status).toBe(200);
    expect(response.text).toContain('challenge-3eZbrw1aBm2rZgRNFdxV');
  });

  it('rejects a request with a bad signature with 401 and does nothing', async () => {
    const event = messageEvent({ channel: 'CFORGED' });
    const body = JSON.stringify({ type: 'event_callback', event_id: 'EvForged', team_id: 'T1', event });
    const response = await postSigned({
      url: eventsUrl,
      secret: SECRET,
      signWith: 'not-the-secret',
      body,
      contentType: 'application/json',
    });
    expect(response.status).toBe(401);
    await askByMention('CFORGED2'); // a later, valid request is handled …
    expect(stub.calls.filter(postsTo('CFORGED'))).toHaveLength(0); // … and the forged one never was
  });

  it('answers a mention in its thread with the figure, the clause heading and the responsible unit', async () => {
    const { event, reply } = await askByMention('CMENTION');
    expect(reply.body.thread_ts).toBe(event.ts);
    const text = blocksText(reply.body.blocks);
    expect(text).toContain('30');
    expect(text).toContain(HEADING);
    expect(text).toContain('省能源局');
    expect(String(reply.body.text)).toContain('30');
    expect(buttonValue(reply.body.blocks, 'view_clause')).toBeDefined();
    expect(buttonValue(reply.body.blocks, 'feedback_up')).toMatch(/^\d+$/);
    expect((reply.body.blocks as unknown[]).length).toBeLessThanOrEqual(MAX_MESSAGE_BLOCKS);
    expect(asked.at(-1)).toEqual({ question: '加氢站目标是多少', thread: [] });
    const reaction = (m: string) => (c: RecordedCall) =>
      c.method === m && c.body.timestamp === event.ts && c.body.name === 'eyes';
    await stub.waitFor(reaction('reactions.add'));
    await stub.waitFor(reaction('reactions.remove'));
  });

  it('still answers when the 👀 reaction cannot be added', async () => {
    stub.failNext('reactions.add', 'missing_scope');
    const { reply } = await askByMention('CNOSCOPE');
    expect(blocksText(reply.body.blocks)).toContain(HEADING);
    expect(logger.lines.some((l) => l.level === 'warn' && l.text.includes('reactions.add failed'))).toBe(true);
  });

  it('replies once to an event Slack retries with the same event_id', async () => {
    const event = messageEvent({ channel: 'CRETRY' });
    expect((await sendEvent(event, { eventId: 'EvRetried' })).status).toBe(200);
    await stub.waitFor(repliesTo('CRETRY', event.ts));
    const retry = await sendEvent(event, {
      eventId: 'EvRetried',
      headers: { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' },
      timestamp: Math.floor(Date.now() / 1000) + 1,
    });
    expect(retry.status).toBe(200);
    await askByMention('CRETRY'); // a later event is answered, so the retry had its chance to misbehave
    expect(stub.calls.filter(repliesTo('CRETRY', event.ts))).toHaveLength(1);
  });

  it('asks for a shorter question when a message has 12,000 characters, then still answers normally', async () => {
    const long = messageEvent({ channel: 'CLONG', text: `<@${BOT_USER_ID}> ${'加氢站建设'.repeat(2400)}` });
    await sendEvent(long);
    const polite = await stub.waitFor(repliesTo('CLONG', long.ts));
    expect(polite.body.text).toBe(TOO_LONG);
    expect(asked.some((a) => a.question.length > MAX_QUESTION_CHARS)).toBe(false);
    const { reply } = await askByMention('CLONG');
    expect(blocksText(reply.body.blocks)).toContain(HEADING);
  });

  it('answers follow-ups in the thread in the light of its earlier questions', async () => {
    const { event } = await askByMention('CTHREAD');
    const first = stub.calls.find(repliesTo('CTHREAD', event.ts));
    await sendEvent(messageEvent({ channel: 'CTHREAD', text: `<@${BOT_USER_ID}> 那充电桩呢？`, thread_ts: event.ts }));
    const second = await stub.waitFor((c) => repliesTo('CTHREAD', event.ts)(c) && c !== first);
    expect(second.body.thread_ts).toBe(event.ts);
    expect(blocksText(second.body.blocks)).toContain('10万个');
    expect(asked).toContainEqual({ question: '那充电桩呢？', thread: ['加氢站目标是多少'] });

    await sendEvent(messageEvent({ channel: 'CTHREAD', text: `<@${BOT_USER_ID}> 谁负责`, thread_ts: event.ts }));
    const third = await stub.waitFor((c) => repliesTo('CTHREAD', event.ts)(c) && c !== first && c !== second);
    expect(blocksText(third.body.blocks)).toContain('省能源局');
    expect(asked).toContainEqual({ question: '谁负责', thread: ['加氢站目标是多少', '那充电桩呢？'] });
  });

  it('answers a DM in the DM and ignores bot messages, edits and plain channel messages', async () => {
    const dm = {
      type: 'message',
      channel_type: 'im',
      channel: 'DUSER',
      user: 'UASKER',
      text: '加氢站目标是多少',
      ts: nextTs(),
    };
    await sendEvent(dm);
    const reply = await stub.waitFor(postsTo('DUSER'));
    expect(reply.body.thread_ts).toBeUndefined();
    expect(blocksText(reply.body.blocks)).toContain(HEADING);

    await sendEvent({ ...dm, ts: nextTs(), bot_id: 'BOTHER', subtype: 'bot_message' });
    await sendEvent({ ...dm, ts: nextTs(), subtype: 'message_changed' });
    await sendEvent({ ...dm, ts: nextTs(), user: BOT_USER_ID });
    await sendEvent({ ...dm, ts: nextTs(), channel_type: 'channel', channel: 'CPLAIN', text: QUESTION });
    const sentinel = { ...dm, ts: nextTs(), text: '5G基站目标是多少' };
    await sendEvent(sentinel);
    await stub.waitFor((c) => postsTo('DUSER')(c) && c !== reply);
    expect(stub.calls.filter(postsTo('DUSER'))).toHaveLength(2);
    expect(stub.calls.filter(postsTo('CPLAIN'))).toHaveLength(0);
  });

  it('apologises without details when answering fails, and logs the error', async () => {
    const event = messageEvent({ channel: 'CFAIL', text: `<@${BOT_USER_ID}> ${EXPLODE}` });
    await sendEvent(event);
    const reply = await stub.waitFor(repliesTo('CFAIL', event.ts));
    expect(reply.body.text).toBe(APOLOGY);
    expect(JSON.stringify(reply.body)).not.toContain('engine exploded');
    expect(logger.lines.some((l) => l.level === 'error' && l.text.includes('engine exploded'))).toBe(true);
  });

  it('delivers the answer after a 429 from chat.postMessage (Retry-After honoured)', async () => {
    stub.rateLimitNext('chat.postMessage', 1);
    const { reply } = await askByMention('CRATE');
    expect(blocksText(reply.body.blocks)).toContain(HEADING);
    const limited = stub.calls.filter((c) => c.method === 'chat.postMessage' && c.status === 429);
    expect(limited.map((c) => c.body.channel)).toEqual(['CRATE']);
  }, 20_000);

  describe('/policy', () => {
    async function command(text: string, id: string) {
      const body = new URLSearchParams({
        token: 'legacy',
        team_id: 'T1',
        channel_id: 'CCMD',
        user_id: 'UASKER',
        command: '/policy',
        text,
        response_url: `${stub.url}/respond/${id}`,
        trigger_id: `trigger.${id}`,
      }).toString();
      const response = await postSigned({
        url: eventsUrl,
        secret: SECRET,
        body,
        contentType: 'application/x-www-form-urlencoded',
      });
      expect(response.status).toBe(200);
      return stub.waitFor((c) => c.path === `/respond/${id}`);
    }

    it('answers a question in the channel', async () => {
      const reply = await command('加氢站目标是多少', 'ask');
      expect(reply.body.response_type).toBe('in_channel');
      const text = blocksText(reply.body.blocks);
      expect(text).toContain('30');
      expect(text).toContain(HEADING);
    });

    it('lists the clauses of a responsible unit', async () => {
      const reply = await command('units 省能源局', 'units');
      expect(reply.body.response_type).toBe('ephemeral');
      expect(blocksText(reply.body.blocks)).toContain(HEADING);
    });

    it('lists targets for a keyword', async () => {
      const reply = await command('targets 加氢站', 'targets');
      const text = blocksText(reply.body.blocks);
      expect(text).toContain('加氢站');
      expect(text).toContain('30');
    });

    it('shows help', async () => {
      expect((await command('help', 'help')).body.text).toBe(HELP);
    });
  });

  describe('buttons', () => {
    it('stores exactly one vote row for a 👍 click', async () => {
      const { reply } = await askByMention('CVOTE');
      const value = buttonValue(reply.body.blocks, 'feedback_up')!;
      const response = await sendInteraction({
        channel: { id: 'CVOTE' },
        response_url: `${stub.url}/respond/vote`,
        actions: [{ type: 'button', action_id: 'feedback_up', block_id: 'feedback', value, action_ts: '1' }],
      });
      expect(response.status).toBe(200);
      const thanks = await stub.waitFor((c) => c.path === '/respond/vote');
      expect(thanks.body.text).toBe(FEEDBACK_THANKS);
      expect(store.votes(Number(value))).toEqual([{ user: 'UVOTER', vote: 1 }]);
    });

    it('opens the whole clause in a modal for 查看原文', async () => {
      const { reply } = await askByMention('CVIEW');
      const value = buttonValue(reply.body.blocks, 'view_clause')!;
      await sendInteraction({
        actions: [{ type: 'button', action_id: 'view_clause', block_id: 'b', value, action_ts: '1' }],
      });
      const open = await stub.waitFor((c) => c.method === 'views.open');
      const view = open.body.view as { type: string; blocks: unknown[] };
      expect(view.type).toBe('modal');
      const text = blocksText(view.blocks);
      expect(text).toContain(HEADING);
      expect(text).toContain('省能源局');
      expect(text).toContain('充电基础设施信息公共服务平台');
    });
  });

  it('asks from the App Home: 提问 opens a modal, and its answer arrives in the user’s DM', async () => {
    await sendInteraction({
      user: { id: 'UMODAL' },
      actions: [{ type: 'button', action_id: 'open_ask', block_id: 'b', value: 'home', action_ts: '1' }],
    });
    const open = await stub.waitFor(
      (c) => c.method === 'views.open' && (c.body.view as { callback_id?: string }).callback_id === 'ask_modal',
    );
    expect(blocksText(open.body.view)).toContain('您的问题');
    const submission = {
      type: 'view_submission',
      team: { id: 'T1' },
      user: { id: 'UMODAL' },
      api_app_id: 'A1',
      token: 'legacy',
      trigger_id: 'trigger.modal',
      view: {
        id: 'VMODAL',
        type: 'modal',
        callback_id: 'ask_modal',
        state: { values: { question: { question_input: { type: 'plain_text_input', value: '加氢站目标是多少' } } } },
      },
    };
    const response = await postSigned({
      url: eventsUrl,
      secret: SECRET,
      body: interactionBody(submission),
      contentType: 'application/x-www-form-urlencoded',
    });
    expect(response.status).toBe(200);
    const reply = await stub.waitFor(postsTo('UMODAL'));
    const text = blocksText(reply.body.blocks);
    expect(text).toContain('问题：加氢站目标是多少');
    expect(text).toContain(HEADING);
  });

  it('publishes the App Home with the outline, the targets and how to ask', async () => {
    await sendEvent({ type: 'app_home_opened', user: 'UHOME', channel: 'DHOME', tab: 'home', event_ts: nextTs() });
    const publish = await stub.waitFor((c) => c.method === 'views.publish' && c.body.user_id === 'UHOME');
    const view = publish.body.view as { type: string; blocks: unknown[] };
    expect(view.type).toBe('home');
    expect(view.blocks.length).toBeLessThanOrEqual(MAX_VIEW_BLOCKS);
    const text = blocksText(view.blocks);
    expect(text).toContain('二、重点行动');
    expect(text).toContain(HEADING);
    expect(text).toContain('加氢站');
    expect(text).toContain('/policy');
  });
});

/** The real bot, recording what it is asked and failing on one question. */
function spyBot(bot: PolicyBot, asked: { question: string; thread?: readonly string[] }[]): PolicyBot {
  return {
    documents: bot.documents,
    clauses: bot.clauses,
    targets: bot.targets,
    async ask(question, options) {
      asked.push({ question, thread: options?.thread });
      if (question.includes(EXPLODE)) throw new Error('engine exploded');
      return bot.ask(question, options);
    },
    clause: (doc, section) => bot.clause(doc, section),
    clausesForUnit: (unit) => bot.clausesForUnit(unit),
    findTargets: (keyword) => bot.findTargets(keyword),
  };
}
