import type { Logger, webApi } from '@slack/bolt';
import { askForSlack } from './answering.js';
import { noticeMessage } from './blocks/help.js';
import type { SlackMessage } from './blocks/message.js';
import type { ListenerContext } from './context.js';
import type { MessageEvent } from './payloads.js';
import { APOLOGY, EMPTY_QUESTION, TOO_LONG } from './messages.js';
import { checkQuestion } from './question.js';

/** A person's message that asks the bot something: a channel mention or a DM. */
export interface IncomingQuestion {
  surface: 'mention' | 'dm';
  channel: string;
  ts: string;
  threadTs?: string;
  user: string;
  /** Raw Slack text, mention markup included. */
  text: string;
}

/** The question a mention or DM asks; null for a message without an author, which nobody can be answered for. */
export function questionFrom(message: MessageEvent, surface: IncomingQuestion['surface']): IncomingQuestion | null {
  if (message.user === undefined) return null;
  return {
    surface,
    channel: message.channel,
    ts: message.ts,
    threadTs: message.thread_ts,
    user: message.user,
    text: message.text,
  };
}

/** How many earlier questions of a conversation a follow-up is read against. */
const MAX_THREAD = 10;

/** Shown while the answer is being worked out. */
const PROGRESS_REACTION = 'eyes';

/**
 * Answers in the conversation the question came from. Never throws: whatever fails, the user gets the apology and
 * the error goes to the log.
 */
export async function replyToQuestion(
  ctx: ListenerContext,
  client: webApi.WebClient,
  logger: Logger,
  incoming: IncomingQuestion,
): Promise<void> {
  if (!ctx.answeredMessages.add(`${incoming.channel}:${incoming.ts}`)) return;
  const thread = threadRoot(incoming);
  const post = (message: SlackMessage) =>
    client.chat.postMessage({
      channel: incoming.channel,
      ...(thread === undefined ? {} : { thread_ts: thread }),
      text: message.text,
      blocks: message.blocks,
      unfurl_links: false,
      unfurl_media: false,
    });
  try {
    const check = checkQuestion(incoming.text);
    if (check.kind !== 'ok') {
      await post(noticeMessage(check.kind === 'empty' ? EMPTY_QUESTION : TOO_LONG));
      return;
    }
    const conversation = thread === undefined ? incoming.channel : `${incoming.channel}:${thread}`;
    const earlier = ctx.threads.get(conversation) ?? [];
    // Not awaited first: the reaction's round trip need not delay the answer.
    const reacted = react(client, logger, 'add', incoming);
    try {
      const message = await askForSlack(
        ctx,
        {
          question: check.question,
          thread: earlier,
          surface: incoming.surface,
          user: incoming.user,
          channel: incoming.channel,
        },
        logger,
      );
      ctx.threads.set(conversation, [...earlier, check.question].slice(-MAX_THREAD));
      await post(message);
    } finally {
      await reacted;
      await react(client, logger, 'remove', incoming);
    }
  } catch (error) {
    logger.error(`answering ${incoming.surface} ${incoming.channel}:${incoming.ts} failed`, error);
    await post(noticeMessage(APOLOGY)).catch((e: unknown) => logger.error('could not post the apology', e));
  }
}

/** A mention is answered in its thread (starting one if needed); a DM only when it was itself in a thread. */
function threadRoot(incoming: IncomingQuestion): string | undefined {
  return incoming.threadTs ?? (incoming.surface === 'mention' ? incoming.ts : undefined);
}

/** The 👀 is a courtesy: missing scopes or rate limits on reactions must not stop the answer. */
async function react(client: webApi.WebClient, logger: Logger, op: 'add' | 'remove', incoming: IncomingQuestion) {
  try {
    const args = { channel: incoming.channel, timestamp: incoming.ts, name: PROGRESS_REACTION };
    await (op === 'add' ? client.reactions.add(args) : client.reactions.remove(args));
  } catch (error) {
    logger.warn(`reactions.${op} failed (ignored)`, error);
  }
}
