import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export const SESSION_COOKIE = 'policybot_admin';
/** A working day: long enough not to log an admin out mid-task, short enough that a forgotten browser expires. */
const SESSION_MS = 8 * 60 * 60 * 1000;

/**
 * Who may see the dashboard: a request bearing the configured token, or a browser holding a session cookie issued
 * for it. The cookie is `expiry.nonce.HMAC(key, expiry.nonce)` with a key derived from the token, never the token
 * itself: it survives restarts and works on every replica sharing the token, a forged or tampered one fails the
 * HMAC, and changing the token ends every session. Logging out clears the cookie; a copied cookie stays valid
 * until it expires.
 */
export class AdminAuth {
  private readonly tokenDigest: Buffer;
  private readonly sessionKey: Buffer;

  constructor(
    token: string,
    private readonly now: () => number = Date.now,
  ) {
    this.tokenDigest = digest(token);
    this.sessionKey = createHmac('sha256', token).update('policybot admin session v1').digest();
  }

  /** Constant time in the candidate's content and length (both sides are hashed to 32 bytes first). */
  tokenMatches(candidate: string): boolean {
    return timingSafeEqual(digest(candidate), this.tokenDigest);
  }

  /** A new session cookie's value and lifetime. */
  newSession(): { value: string; maxAgeSeconds: number } {
    const body = `${(this.now() + SESSION_MS).toString(36)}.${randomBytes(18).toString('base64url')}`;
    return { value: `${body}.${this.mac(body)}`, maxAgeSeconds: SESSION_MS / 1000 };
  }

  sessionValid(value: string): boolean {
    const parts = value.split('.');
    if (parts.length !== 3) return false;
    const [expiry, nonce, mac] = parts as [string, string, string];
    const expected = Buffer.from(this.mac(`${expiry}.${nonce}`));
    const given = Buffer.from(mac);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return false;
    return Number.parseInt(expiry, 36) > this.now();
  }

  /** `Authorization: Bearer <token>`, or a valid session cookie. */
  authorized(req: IncomingMessage): boolean {
    const bearer = /^Bearer\s+(\S+)\s*$/i.exec(req.headers.authorization ?? '')?.[1];
    if (bearer !== undefined && this.tokenMatches(bearer)) return true;
    const session = cookie(req, SESSION_COOKIE);
    return session !== undefined && this.sessionValid(session);
  }

  private mac(body: string): string {
    return createHmac('sha256', this.sessionKey).update(body).digest('base64url');
  }
}

function digest(text: string): Buffer {
  return createHash('sha256').update(text, 'utf8').digest();
}

export function cookie(req: IncomingMessage, name: string): string | undefined {
  for (const pair of (req.headers.cookie ?? '').split(';')) {
    const at = pair.indexOf('=');
    if (at > 0 && pair.slice(0, at).trim() === name) return pair.slice(at + 1).trim();
  }
  return undefined;
}

/**
 * The Set-Cookie header: HttpOnly (no script reads it), SameSite=Strict (no other site's page sends it), Path=/admin
 * (the Slack endpoint never sees it). Secure when the request came over HTTPS, directly or through a proxy that
 * says so; plain HTTP (a local port) would otherwise never get the cookie back.
 */
export function sessionCookie(req: IncomingMessage, value: string, maxAgeSeconds: number): string {
  const secure =
    (req.socket as { encrypted?: boolean }).encrypted === true ||
    String(req.headers['x-forwarded-proto'] ?? '')
      .split(',')[0]!
      .trim() === 'https';
  return [
    `${SESSION_COOKIE}=${value}`,
    'Path=/admin',
    `Max-Age=${maxAgeSeconds}`,
    'HttpOnly',
    'SameSite=Strict',
    ...(secure ? ['Secure'] : []),
  ].join('; ');
}
