import type { Logger } from '@slack/bolt';
import { askForSlack } from './answering.js';
import { noticeMessage } from './blocks/help.js';
import type { SlackMessage } from './blocks/message.js';
import type { ListenerContext } from './context.js';
import type { Delivery } from './delivery/delivery.js';
import { DeliveryDeferred, type ReplyTarget } from './delivery/poster.js';
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

/** A mention in a DM arrives twice (app_mention and message.im, two event ids): Slack sends both within seconds. */
const MESSAGE_CLAIM_MS = 10 * 60_000;

/**
 * Answers in the conversation the question came from. Never throws: a failure gets the apology and goes to the log;
 * a reply Slack could not confirm marks the delivery deferred, so the inbox keeps it owed and tries again.
 */
export async function replyToQuestion(
  ctx: ListenerContext,
  logger: Logger,
  incoming: IncomingQuestion,
  delivery: Delivery,
): Promise<void> {
  const message = `message:${incoming.channel}:${incoming.ts}`;
  const now = Date.now();
  const claimed = ctx.guard.run(
    'claiming the message',
    () => ctx.store.claim(message, delivery.request, now, MESSAGE_CLAIM_MS),
    () => ctx.memory.claim(message, delivery.request, now, MESSAGE_CLAIM_MS),
  );
  if (!claimed) return;
  const thread = threadRoot(incoming);
  const target: ReplyTarget = { channel: incoming.channel, threadTs: thread, askedTs: incoming.ts };
  const reply = (answer: SlackMessage) => ctx.poster.reply(target, answer, delivery);
  try {
    const check = checkQuestion(incoming.text);
    if (check.kind !== 'ok') {
      await reply(noticeMessage(check.kind === 'empty' ? EMPTY_QUESTION : TOO_LONG));
      return;
    }
    const conversation = thread === undefined ? incoming.channel : `${incoming.channel}:${thread}`;
    const earlier = ctx.guard.run(
      'reading the conversation',
      () => ctx.store.conversation(conversation, MAX_THREAD, delivery.request),
      () => [],
    );
    // Not awaited first: the reaction's round trip need not delay the answer. A request taken over from a stopped
    // run may still wear that run's 👀, which comes off once the answer is in.
    const reacted = delivery.maybePosted
      ? Promise.resolve(true)
      : ctx.poster.react('add', incoming.channel, incoming.ts, PROGRESS_REACTION);
    try {
      const answer = await askForSlack(ctx, {
        question: check.question,
        thread: earlier,
        surface: incoming.surface,
        user: incoming.user,
        channel: incoming.channel,
        conversation,
        source: delivery.request,
      });
      await reply(answer);
    } finally {
      if (await reacted) await ctx.poster.react('remove', incoming.channel, incoming.ts, PROGRESS_REACTION);
    }
  } catch (error) {
    if (deferIfUnconfirmed(error, delivery, logger)) return;
    logger.error(`answering ${incoming.surface} ${incoming.channel}:${incoming.ts} failed`, error);
    await reply(noticeMessage(APOLOGY)).catch((e: unknown) => {
      if (!deferIfUnconfirmed(e, delivery, logger)) logger.error('could not post the apology', e);
    });
  }
}

/** A reply Slack did not confirm is not a failure to apologise for: the request stays owed. */
export function deferIfUnconfirmed(error: unknown, delivery: Delivery, logger: Logger): boolean {
  if (!(error instanceof DeliveryDeferred)) return false;
  delivery.deferred = true;
  logger.warn(`${error.message}; request ${delivery.request} stays owed`);
  return true;
}

/** A mention is answered in its thread (starting one if needed); a DM only when it was itself in a thread. */
function threadRoot(incoming: IncomingQuestion): string | undefined {
  return incoming.threadTs ?? (incoming.surface === 'mention' ? incoming.ts : undefined);
}
