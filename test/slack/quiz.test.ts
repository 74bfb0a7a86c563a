import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SlackApp, createSlackApp } from '../../src/slack/app.js';
import * as msg from '../../src/slack/messages.js';
import { SqliteStore } from '../../src/store/sqlite.js';
import { listenOnLoopback, testSlackConfig } from './helpers/app.js';
import { blocksText } from './helpers/blocks-text.js';
import { openTestBot } from './helpers/bot.js';
import { recordingLogger } from './helpers/logger.js';
import { interactionBody, postSigned } from './helpers/signed-request.js';
import { BOT_USER_ID, type RecordedCall, type SlackApiStub, startSlackApiStub } from './helpers/slack-api-stub.js';

const SECRET = 'quiz-secret';
const ADMIN_TOKEN = 'quiz-admin-token-0123456789';

interface OptionButton {
  action_id: string;
  value: string;
  text: { text: string };
}

/** The option buttons of a quiz question message, in order. */
function optionButtons(blocks: unknown): OptionButton[] {
  const actions = (blocks as { type: string; elements?: OptionButton[] }[]).find((b) => b.type === 'actions');
  return (actions?.elements ?? []).filter((e) => e.action_id.startsWith('quiz_answer:'));
}

/**
 * The quiz in Slack, through the real Bolt app over HTTP and the stand-in Slack API: `/policy quiz` privately, one
 * question at a time with buttons clicked as signed block_actions, and `/policy quiz channel` for a room.
 */
describe('Slack quiz and 👎 reasons', () => {
  let stub: SlackApiStub;
  let slack: SlackApp;
  let store: SqliteStore;
  let url: string;
  let dbPath: string;
  let seq = 0;

  beforeAll(async () => {
    const { bot, dir } = await openTestBot();
    stub = await startSlackApiStub();
    dbPath = join(dir, 'quiz.sqlite');
    store = SqliteStore.open(dbPath);
    const config = testSlackConfig(stub.apiUrl, SECRET, { POLICYBOT_ADMIN_TOKEN: ADMIN_TOKEN });
    slack = createSlackApp(config, bot, { store, logger: recordingLogger() });
    url = `${await listenOnLoopback(slack)}/slack/events`;
  });
  afterAll(async () => {
    await slack?.stop();
    await stub?.close();
    store?.close();
  });

  async function command(text: string, user: string, channel: string) {
    const id = `cmd${++seq}`;
    const body = new URLSearchParams({
      team_id: 'T1',
      channel_id: channel,
      user_id: user,
      command: '/policy',
      text,
      response_url: `${stub.url}/respond/${id}`,
      trigger_id: `trigger.${id}`,
    }).toString();
    const response = await postSigned({ url, secret: SECRET, body, contentType: 'application/x-www-form-urlencoded' });
    expect(response.status).toBe(200);
    return stub.waitFor((c) => c.path === `/respond/${id}`);
  }

  /** Sends an interactivity payload the way Slack does: signed, as `payload=<JSON>`. */
  async function interact(payload: Record<string, unknown>) {
    const body = interactionBody({ team: { id: 'T1' }, api_app_id: 'A1', ...payload });
    const response = await postSigned({ url, secret: SECRET, body, contentType: 'application/x-www-form-urlencoded' });
    expect(response.status).toBe(200);
  }

  /** Presses a button as `user` would in `channel`; returns the id of its response_url. */
  async function press(user: string, channel: string, button: { action_id: string; value: string }) {
    const id = `click${++seq}`;
    await interact({
      type: 'block_actions',
      user: { id: user },
      trigger_id: `trigger.${id}`,
      channel: { id: channel },
      response_url: `${stub.url}/respond/${id}`,
      actions: [{ type: 'button', block_id: 'b', action_ts: '1', ...button }],
    });
    return id;
  }

  /** Presses a button and resolves with what came back through its response_url. */
  async function click(user: string, channel: string, button: { action_id: string; value: string }) {
    const id = await press(user, channel, button);
    return stub.waitFor((c) => c.path === `/respond/${id}`);
  }

  const postsTo = (channel: string) => (c: RecordedCall) =>
    c.method === 'chat.postMessage' && c.body.channel === channel;

  it('sends a private quiz to the DM one question at a time, marks each click with the quote, and ends with the score', async () => {
    const ack = await command('quiz 3', 'ULEARNER', 'CONBOARD');
    expect(ack.body.response_type).toBe('ephemeral');
    expect(ack.body.text).toBe(msg.QUIZ_SENT(3));
    let right = 0;
    for (let index = 0; index < 3; index++) {
      // The first question goes to the user's id (Slack opens the DM); the rest follow in that DM.
      const question = await stub.waitFor(
        (c) =>
          (postsTo('ULEARNER')(c) || postsTo('DLEARNER')(c)) &&
          String(c.body.text).startsWith(msg.QUIZ_PROGRESS(index, 3)),
      );
      const buttons = optionButtons(question.body.blocks);
      expect(buttons.length).toBeGreaterThanOrEqual(3);
      // Alternate right and wrong answers: the stored answer tells which option is right.
      const quizId = JSON.parse(buttons[0]!.value).quiz as string;
      const answer = store.quiz(quizId)!.questions[index]!.answer;
      const chosen = index % 2 === 0 ? answer : (answer + 1) % buttons.length;
      const verdict = await click('ULEARNER', 'DLEARNER', buttons[chosen]!);
      expect(verdict.body.replace_original).toBe(true);
      const shown = blocksText(verdict.body.blocks);
      if (chosen === answer) {
        right++;
        expect(shown).toContain(msg.QUIZ_RIGHT);
      } else {
        expect(shown).toContain('❌ 回答错误');
        expect(shown).toContain(store.quiz(quizId)!.questions[index]!.options[answer]!);
      }
      expect(shown).toContain(store.quiz(quizId)!.questions[index]!.quote.slice(0, 20));
      // A second click on the same question does not change the first answer.
      const again = await click('ULEARNER', 'DLEARNER', buttons[(chosen + 1) % buttons.length]!);
      expect(again.body.text).toBe(msg.QUIZ_ALREADY_ANSWERED);
    }
    const score = await stub.waitFor(
      (c) => c.method === 'chat.postMessage' && c.body.channel === 'DLEARNER' && String(c.body.text).includes('得分'),
    );
    expect(score.body.text).toBe(msg.QUIZ_SCORE(right, 3));
  });

  it('posts a channel quiz for everyone, tells each participant alone, and lists each participant’s score', async () => {
    const ack = await command('quiz channel 2', 'UTRAINER', 'CTRAINING');
    expect(ack.body.text).toBe(msg.QUIZ_POSTED(2));
    const header = await stub.waitFor(
      (c) => postsTo('CTRAINING')(c) && String(c.body.text).includes('发布了一套政策测验'),
    );
    const questions = await Promise.all(
      [0, 1].map((i) =>
        stub.waitFor((c) => postsTo('CTRAINING')(c) && String(c.body.text).startsWith(msg.QUIZ_PROGRESS(i, 2))),
      ),
    );
    const quizId = JSON.parse(optionButtons(questions[0]!.body.blocks)[0]!.value).quiz as string;
    const quiz = store.quiz(quizId)!;
    expect(quiz.channel).toBe('CTRAINING');
    for (const [i, q] of questions.entries()) {
      const buttons = optionButtons(q.body.blocks);
      const answer = quiz.questions[i]!.answer;
      const alice = await click('UALICE', 'CTRAINING', buttons[answer]!);
      expect(alice.body.response_type).toBe('ephemeral');
      expect(blocksText(alice.body.blocks)).toContain(msg.QUIZ_RIGHT);
      await click('UBOB', 'CTRAINING', buttons[(answer + 1) % buttons.length]!);
    }
    const scoresButton = (header.body.blocks as { type: string; elements?: OptionButton[] }[])
      .find((b) => b.type === 'actions')!
      .elements!.find((e) => e.action_id === 'quiz_scores')!;
    const scores = await click('UTRAINER', 'CTRAINING', scoresButton);
    expect(scores.body.replace_original).toBe(true);
    const board = blocksText(scores.body.blocks);
    expect(board).toContain('<@UALICE>：2/2');
    expect(board).toContain('<@UBOB>：0/2');
    expect(board.indexOf('UALICE')).toBeLessThan(board.indexOf('UBOB'));
  });

  it('asks why on 👎 and carries the reason, with the question and its cited clause, to the dashboard', async () => {
    const event = {
      type: 'app_mention',
      user: 'UASKER',
      text: `<@${BOT_USER_ID}> 加氢站目标是多少`,
      ts: `1700000300.${String(++seq).padStart(6, '0')}`,
      channel: 'CREASON',
    };
    const body = JSON.stringify({ type: 'event_callback', team_id: 'T1', event_id: `EvQ${seq}`, event });
    await postSigned({ url, secret: SECRET, body, contentType: 'application/json' });
    const reply = await stub.waitFor((c) => postsTo('CREASON')(c) && c.body.thread_ts === event.ts);
    const down = (reply.body.blocks as { type: string; elements?: OptionButton[] }[])
      .flatMap((b) => b.elements ?? [])
      .find((e) => e.action_id === 'feedback_down')!;
    await press('UCRITIC', 'CREASON', down);
    const open = await stub.waitFor(
      (c) => c.method === 'views.open' && (c.body.view as { callback_id?: string }).callback_id === 'feedback_reason',
    );
    const view = open.body.view as { private_metadata: string };
    expect(blocksText(open.body.view)).toContain('没回答我的问题');
    await interact({
      type: 'view_submission',
      user: { id: 'UCRITIC' },
      view: {
        id: `V${seq}`,
        callback_id: 'feedback_reason',
        private_metadata: view.private_metadata,
        state: {
          values: {
            reason: { reason_choice: { type: 'radio_buttons', selected_option: { value: 'incomplete' } } },
            note: { note_input: { type: 'plain_text_input', value: '没有列出全部责任单位' } },
          },
        },
      },
    });
    const questionId = Number(view.private_metadata);
    const deadline = Date.now() + 5_000;
    while (store.votes(questionId).length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    expect(store.votes(questionId)).toEqual([{ user: 'UCRITIC', vote: -1 }]);
    const db = new Database(dbPath, { readonly: true });
    expect(db.prepare('SELECT reason, note FROM votes WHERE question_id = ?').get(questionId)).toEqual({
      reason: 'incomplete',
      note: '没有列出全部责任单位',
    });
    db.close();
    // …and from the button to the admin's dashboard, beside the question and the clause it cited.
    const csv = await fetch(url.replace('/slack/events', '/admin/downvoted.csv'), {
      headers: { authorization: `Bearer ${ADMIN_TOKEN}` },
    });
    expect(csv.status).toBe(200);
    const rows = await csv.text();
    expect(rows).toContain('没有列出全部责任单位');
    expect(rows).toContain('不完整');
    expect(rows).toContain('加氢站目标是多少');
    expect(rows).toContain('科学配置充电桩和加氢站');
  });
});
