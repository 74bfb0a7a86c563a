import { setTimeout as sleep } from 'node:timers/promises';
import { type Logger, webApi } from '@slack/bolt';
import type { SlackMessage } from '../blocks/message.js';
import { QueueStopped, type SendQueue } from './send-queue.js';

/** The message metadata type that marks the bot's replies, carrying the request each one answers. */
export const REPLY_EVENT_TYPE = 'policybot_reply';

/** Where a reply goes. */
export interface ReplyTarget {
  channel: string;
  /** The thread to answer in; none for a DM answered at top level. */
  threadTs?: string;
  /** The asking message's ts: a reply to it cannot be older. */
  askedTs?: string;
}

/** Which request a reply answers, and whether an earlier attempt may already have put it in Slack. */
export interface ReplyTag {
  request: string;
  maybePosted: boolean;
}

/** The reply could not be confirmed now (Slack unreachable, or the bot is stopping): the request stays owed. */
export class DeliveryDeferred extends Error {
  constructor(reason: string) {
    super(`reply deferred: ${reason}`);
    this.name = 'DeliveryDeferred';
  }
}

export interface PosterOptions {
  /** Posts tried when Slack's reply is lost or says a transient error, before the request is left owed. */
  uncertainAttempts: number;
  /** The first wait after such a failure, doubled each time. */
  backoffMs: number;
}

/**
 * Posts each reply once. Every reply carries the request it answers in Slack message metadata; after a post whose
 * fate is unknown (the connection dropped, Slack said internal_error) and before posting a request that an earlier
 * run may have answered, the conversation is searched for that tag first. At-least-once delivery by the inbox
 * becomes exactly-once in the channel.
 */
export class Poster {
  constructor(
    private readonly client: webApi.WebClient,
    private readonly queue: SendQueue,
    private readonly logger: Logger,
    private readonly options: PosterOptions = { uncertainAttempts: 4, backoffMs: 500 },
  ) {}

  async reply(target: ReplyTarget, message: SlackMessage, tag: ReplyTag): Promise<'posted' | 'already_posted'> {
    if (tag.maybePosted && (await this.find(target, tag.request))) return 'already_posted';
    for (let attempt = 1; ; attempt++) {
      try {
        await this.queue.run(target.channel, 'answer', () =>
          this.client.chat.postMessage({
            channel: target.channel,
            ...(target.threadTs === undefined ? {} : { thread_ts: target.threadTs }),
            text: message.text,
            blocks: message.blocks,
            unfurl_links: false,
            unfurl_media: false,
            metadata: { event_type: REPLY_EVENT_TYPE, event_payload: { request: tag.request } },
          }),
        );
        return 'posted';
      } catch (error) {
        if (error instanceof QueueStopped) throw new DeliveryDeferred('the bot is stopping');
        if (!isUncertain(error)) throw error;
        this.logger.warn(`posting the reply to ${tag.request} may have failed (attempt ${attempt})`, error);
        if (attempt >= this.options.uncertainAttempts)
          throw new DeliveryDeferred(`Slack did not confirm ${attempt} posts`);
        await sleep(this.options.backoffMs * 2 ** (attempt - 1));
        if (await this.find(target, tag.request)) return 'already_posted';
      }
    }
  }

  /**
   * The 👀 on a question: never sent ahead of an answer waiting in the channel, and never an error, except that a
   * removal cut short by a stop defers the request.
   */
  async react(op: 'add' | 'remove', channel: string, ts: string, name: string): Promise<boolean> {
    try {
      const args = { channel, timestamp: ts, name };
      const sent = await this.queue.run(channel, op === 'add' ? 'courtesy' : 'cleanup', () =>
        op === 'add' ? this.client.reactions.add(args) : this.client.reactions.remove(args),
      );
      return sent !== undefined;
    } catch (error) {
      // A 👀 left on by a stop is taken off by whoever finishes the request: it stays owed until then.
      if (error instanceof QueueStopped && op === 'remove')
        throw new DeliveryDeferred('the bot stopped before its 👀 came off');
      if (!(error instanceof QueueStopped)) this.logger.warn(`reactions.${op} failed (ignored)`, error);
      return false;
    }
  }

  /** The conversation a reply addressed to `channel` lands in: history is kept under the DM's id, not the user's. */
  private async conversationOf(channel: string): Promise<string> {
    if (!USER_ID.test(channel)) return channel;
    const opened = await this.client.conversations.open({ users: channel });
    return opened.channel?.id ?? channel;
  }

  /** Whether the conversation already holds a reply tagged with `request`. */
  private async find(target: ReplyTarget, request: string): Promise<boolean> {
    try {
      const page =
        target.threadTs === undefined
          ? await this.client.conversations.history({
              channel: await this.conversationOf(target.channel),
              ...(target.askedTs === undefined ? {} : { oldest: target.askedTs }),
              include_all_metadata: true,
              limit: 200,
            })
          : await this.client.conversations.replies({
              channel: target.channel,
              ts: target.threadTs,
              include_all_metadata: true,
              limit: 200,
            });
      return (page.messages ?? []).some((m) => {
        const metadata = m.metadata as { event_type?: string; event_payload?: { request?: unknown } } | undefined;
        return metadata?.event_type === REPLY_EVENT_TYPE && metadata.event_payload?.request === request;
      });
    } catch (error) {
      // Without the history scopes nothing can be checked: posting risks a duplicate, not posting loses the answer.
      this.logger.warn(`could not look for an earlier reply to ${request}; posting`, error);
      return false;
    }
  }
}

/** Slack's ids of people: a message addressed to one lands in the app's DM with them. */
const USER_ID = /^[UW][A-Z0-9]+$/;

/** Failures after which Slack may or may not have posted the message. */
function isUncertain(error: unknown): boolean {
  const e = error as { code?: string; statusCode?: number; data?: { error?: string } };
  switch (e.code) {
    case webApi.ErrorCode.RequestError:
      return true;
    case webApi.ErrorCode.HTTPError:
      return (e.statusCode ?? 0) >= 500;
    case webApi.ErrorCode.PlatformError:
      return ['internal_error', 'fatal_error', 'service_unavailable', 'request_timeout'].includes(e.data?.error ?? '');
    default:
      return false;
  }
}
