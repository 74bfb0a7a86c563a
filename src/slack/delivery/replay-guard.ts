import type { IncomingMessage } from 'node:http';
import type { Sightings } from '../../store/store.js';

/** Slack's own window: a signed request more than five minutes old, or as far ahead, is not a live one. */
export const SIGNATURE_WINDOW_MS = 5 * 60_000;

/** What the HTTP receiver passes on from the request's headers, for the checks Bolt does not make. */
export interface SignedHeaders {
  signature: string;
  timestamp: number;
}

export type ReplayVerdict = 'fresh' | 'from_the_future' | 'too_old' | 'replayed';

export function signedHeaders(req: IncomingMessage): SignedHeaders | undefined {
  const signature = req.headers['x-slack-signature'];
  const timestamp = Number(req.headers['x-slack-request-timestamp']);
  if (typeof signature !== 'string' || !Number.isFinite(timestamp)) return undefined;
  return { signature, timestamp };
}

/**
 * Bolt refuses a stale signature but accepts one dated in the future and the same request sent twice. A signature
 * is unique to its timestamp and body, so one seen inside the window is a replay; remembering it for the window is
 * enough, since an older copy fails the timestamp check.
 */
export function checkReplay(
  signed: SignedHeaders,
  now: number,
  sightings: Pick<Sightings, 'claim'>,
  holder: string,
): ReplayVerdict {
  const at = signed.timestamp * 1000;
  if (at > now + SIGNATURE_WINDOW_MS) return 'from_the_future';
  if (at < now - SIGNATURE_WINDOW_MS) return 'too_old';
  return sightings.claim(`signature:${signed.signature}`, holder, now, 2 * SIGNATURE_WINDOW_MS) ? 'fresh' : 'replayed';
}
