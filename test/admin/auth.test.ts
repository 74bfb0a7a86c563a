import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { AdminAuth, SESSION_COOKIE, sessionCookie } from '../../src/admin/auth.js';

const TOKEN = 'admin-token-0123456789abcdef';

function request(headers: Record<string, string>, encrypted = false): IncomingMessage {
  return { headers, socket: { encrypted } } as unknown as IncomingMessage;
}

describe('AdminAuth', () => {
  it('matches the token exactly', () => {
    const auth = new AdminAuth(TOKEN);
    expect(auth.tokenMatches(TOKEN)).toBe(true);
    expect(auth.tokenMatches(`${TOKEN}x`)).toBe(false);
    expect(auth.tokenMatches(TOKEN.slice(0, -1))).toBe(false);
    expect(auth.tokenMatches('')).toBe(false);
  });

  it('accepts Authorization: Bearer <token> and nothing else in that header', () => {
    const auth = new AdminAuth(TOKEN);
    expect(auth.authorized(request({ authorization: `Bearer ${TOKEN}` }))).toBe(true);
    expect(auth.authorized(request({ authorization: `bearer ${TOKEN}` }))).toBe(true);
    expect(auth.authorized(request({ authorization: 'Bearer wrong-token-0123456789' }))).toBe(false);
    expect(auth.authorized(request({ authorization: `Basic ${TOKEN}` }))).toBe(false);
    expect(auth.authorized(request({}))).toBe(false);
  });

  it('issues session cookies that hold no trace of the token and are valid until they expire', () => {
    let now = 1_700_000_000_000;
    const auth = new AdminAuth(TOKEN, () => now);
    const { value, maxAgeSeconds } = auth.newSession();
    expect(value).not.toContain(TOKEN);
    expect(auth.newSession().value).not.toBe(value);
    expect(auth.authorized(request({ cookie: `other=1; ${SESSION_COOKIE}=${value}` }))).toBe(true);
    now += maxAgeSeconds * 1000 - 1;
    expect(auth.sessionValid(value)).toBe(true);
    now += 1;
    expect(auth.sessionValid(value)).toBe(false);
  });

  it('refuses a tampered or forged cookie, and every cookie once the token changes', () => {
    const auth = new AdminAuth(TOKEN);
    const { value } = auth.newSession();
    const [expiry, nonce, mac] = value.split('.') as [string, string, string];
    const later = (Number.parseInt(expiry, 36) + 1e9).toString(36);
    expect(auth.sessionValid(`${later}.${nonce}.${mac}`)).toBe(false);
    expect(auth.sessionValid(`${expiry}.${nonce}x.${mac}`)).toBe(false);
    expect(auth.sessionValid(`${expiry}.${nonce}`)).toBe(false);
    expect(auth.sessionValid(TOKEN)).toBe(false);
    expect(new AdminAuth(`${TOKEN}-rotated`).sessionValid(value)).toBe(false);
  });
});

describe('sessionCookie', () => {
  it('is HttpOnly, SameSite=Strict and scoped to /admin; Secure behind HTTPS', () => {
    const plain = sessionCookie(request({}), 'v', 60);
    expect(plain).toBe(`${SESSION_COOKIE}=v; Path=/admin; Max-Age=60; HttpOnly; SameSite=Strict`);
    expect(sessionCookie(request({ 'x-forwarded-proto': 'https' }), 'v', 60)).toMatch(/; Secure$/);
    expect(sessionCookie(request({}, true), 'v', 60)).toMatch(/; Secure$/);
  });
});
