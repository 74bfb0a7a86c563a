import { z } from 'zod';

/**
 * The requests the bot owes a reply for, and the key each is recorded under: an event by its event_id (the same
 * across Slack's retries), a slash command by its trigger_id, an ask-modal submission by its view id. Button
 * clicks are answered within the request and are not recorded.
 */
const OwedRequestSchema = z.union([
  z.object({ type: z.literal('event_callback'), event_id: z.string().min(1) }).transform((b) => b.event_id),
  z.object({ command: z.string(), trigger_id: z.string().min(1) }).transform((b) => `command:${b.trigger_id}`),
  z
    .object({ type: z.literal('view_submission'), view: z.object({ id: z.string().min(1) }) })
    .transform((b) => `view:${b.view.id}`),
]);

export function requestKey(body: unknown): string | undefined {
  const parsed = OwedRequestSchema.safeParse(body);
  return parsed.success ? parsed.data : undefined;
}
