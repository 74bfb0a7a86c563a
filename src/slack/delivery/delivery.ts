import type { Context } from '@slack/bolt';

/** What the inbox tells a listener about the request it handles, through Bolt's context. */
export interface Delivery {
  /** The request's key in the inbox: the event id, or the command's or modal's id. */
  request: string;
  /** An earlier dispatch may already have answered it: look before posting. */
  maybePosted: boolean;
  /** Set by a listener whose reply could not be confirmed: the request stays owed and is tried again. */
  deferred: boolean;
}

/** The delivery of the request a listener runs for; a made-up one when the request reached no inbox. */
export function deliveryOf(context: Context, fallbackKey: string): Delivery {
  const delivery = context.delivery as Delivery | undefined;
  return delivery ?? { request: fallbackKey, maybePosted: false, deferred: false };
}
