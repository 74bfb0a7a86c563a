import { createHmac } from 'node:crypto';

/** Slack's v0 request signature: HMAC-SHA256 of `v0:{timestamp}:{body}` with the signing secret. */
export function slackSignature(secret: string, timestamp: number, body: string): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

export interface SignedPost {
  url: string;
  secret: string;
  body: string;
  contentType: 'application/json' | 'application/x-www-form-urlencoded';
  headers?: Record<string, string>;
  /** Unix seconds to sign with; now by default. Slack signs each delivery, retries included, when it sends it. */
  timestamp?: number;
  /** Sign with a different secret than the app's, to test rejection. */
  signWith?: string;
}

/** Sends a request the way Slack does: signed, with the timestamp header. */
export async function postSigned(request: SignedPost): Promise<{ status: number; text: string }> {
  const timestamp = request.timestamp ?? Math.floor(Date.now() / 1000);
  const response = await fetch(request.url, {
    method: 'POST',
    headers: {
      'content-type': request.contentType,
      'x-slack-request-timestamp': String(timestamp),
      'x-slack-signature': slackSignature(request.signWith ?? request.secret, timestamp, request.body),
      ...request.headers,
    },
    body: request.body,
  });
  return { status: response.status, text: await response.text() };
}

/** Form body of an interactivity request: Slack sends `payload=<JSON>`. */
export function interactionBody(payload: unknown): string {
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}
