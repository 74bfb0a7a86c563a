import type { Logger } from '@slack/bolt';
import { z } from 'zod';

/**
 * The fields of Slack payloads we read, validated: Bolt's types describe what Slack should send, these check it did.
 * Unknown fields pass through untouched.
 */

export const EventEnvelopeSchema = z.object({ event_id: z.string().min(1) });

/** An app_mention or a message event; `subtype` and `bot_id` mark edits, joins and bots, which we never answer. */
export const MessageEventSchema = z.object({
  type: z.enum(['app_mention', 'message']),
  channel: z.string().min(1),
  user: z.string().min(1).optional(),
  text: z.string().default(''),
  ts: z.string().min(1),
  thread_ts: z.string().min(1).optional(),
  channel_type: z.string().optional(),
  subtype: z.string().optional(),
  bot_id: z.string().optional(),
});
export type MessageEvent = z.infer<typeof MessageEventSchema>;

export const HomeOpenedEventSchema = z.object({ user: z.string().min(1), tab: z.string().optional() });

export const CommandSchema = z.object({
  text: z.string().default(''),
  user_id: z.string().min(1),
  channel_id: z.string().min(1),
});

export const BlockActionSchema = z.object({
  user: z.object({ id: z.string().min(1) }),
  trigger_id: z.string().min(1),
  channel: z.object({ id: z.string().min(1) }).optional(),
  actions: z.array(z.object({ action_id: z.string(), value: z.string().optional() })).min(1),
});
export type BlockActionPayload = z.infer<typeof BlockActionSchema>;

export const ViewSubmissionSchema = z.object({
  user: z.object({ id: z.string().min(1) }),
  view: z.object({
    state: z.object({
      values: z.record(z.string(), z.record(z.string(), z.object({ value: z.string().nullish() }))),
    }),
  }),
});

/** The payload if it has the fields we read; otherwise null, with a warning naming what arrived without them. */
export function readPayload<T extends z.ZodType>(
  schema: T,
  payload: unknown,
  logger: Logger,
  what: string,
): z.infer<T> | null {
  const parsed = schema.safeParse(payload);
  if (parsed.success) return parsed.data;
  logger.warn(`${what} without the fields we need, ignored`, parsed.error.issues);
  return null;
}
