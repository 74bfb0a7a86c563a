import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkReplay, SIGNATURE_WINDOW_MS } from '../../src/slack/delivery/replay-guard.js';
import { requestKey } from '../../src/slack/delivery/request-key.js';
import { MemorySightings } from '../../src/store/memory-sightings.js';
import { SqliteStore } from '../../src/store/sqlite.js';
import { tempDir } from '../helpers/index.js';

const body = (id: string) => ({ type: 'event_callback', event_id: id, event: { type: 'app_mention' } });

describe('SqliteStore inbox', () => {
  const open: SqliteStore[] = [];
  const connect = (path: string) => {
    const store = SqliteStore.open(path);
    open.push(store);
    return store;
  };
  afterEach(() => {
    for (const store of open.splice(0)) store.close();
  });

  it('admits a request once across connections to one file: the dedupe two replicas share', () => {
    const path = join(tempDir(), 'db.sqlite');
    const [a, b] = [connect(path), connect(path)];
    expect(a.admit('Ev1', body('Ev1'), 'host/1/a', Date.now() + 60_000)).toBe(true);
    expect(b.admit('Ev1', body('Ev1'), 'host/2/b', Date.now() + 60_000)).toBe(false);
    expect(b.owedCount()).toBe(1);
    a.settle('Ev1', 'done');
    expect(b.owedCount()).toBe(0);
    // Settled is still seen: a retry after the answer is a duplicate too, until the record is a day old.
    expect(b.admit('Ev1', body('Ev1'), 'host/2/b', Date.now() + 60_000)).toBe(false);
    a.forgetSettled(new Date(Date.now() - 60_000));
    expect(b.admit('Ev1', body('Ev1'), 'host/2/b', Date.now() + 60_000)).toBe(false);
    a.forgetSettled(new Date(Date.now() + 60_000));
    expect(b.admit('Ev1', body('Ev1'), 'host/2/b', Date.now() + 60_000)).toBe(true);
  });

  it('lets another process take over a request only when its lease ran out or its owner is gone', () => {
    const store = connect(':memory:');
    const now = 1_000_000;
    store.admit('EvLeased', body('EvLeased'), 'host/1/a', now + 60_000);
    store.admit('EvExpired', body('EvExpired'), 'host/1/a', now - 1);
    store.admit('EvOrphan', body('EvOrphan'), 'host/9/dead', now + 60_000);
    const claimed = store.claimOwed('host/2/b', now + 60_000, now, 10, (owner) => owner === 'host/9/dead');
    expect(claimed.map((r) => r.id).sort()).toEqual(['EvExpired', 'EvOrphan']);
    expect(claimed[0]!.body).toEqual(body(claimed[0]!.id));
    // Claimed now: a third sweeper finds nothing free.
    expect(store.claimOwed('host/3/c', now + 60_000, now, 10, () => false)).toEqual([]);
  });

  it('counts attempts on release and frees the request for the next sweep', () => {
    const store = connect(':memory:');
    store.admit('Ev1', body('Ev1'), 'host/1/a', Date.now() + 60_000);
    store.release('Ev1');
    const [owed] = store.claimOwed('host/1/a', Date.now() + 60_000, Date.now(), 10, () => false);
    expect(owed).toMatchObject({ id: 'Ev1', attempts: 1 });
    store.renew('host/1/a', ['Ev1'], Date.now() + 60_000);
    expect(store.claimOwed('host/2/b', Date.now() + 60_000, Date.now(), 10, () => false)).toEqual([]);
    store.settle('Ev1', 'abandoned');
    expect(store.owedCount()).toBe(0);
  });

  it('logs a redelivered question once and reads a conversation back without it', () => {
    const store = connect(':memory:');
    const record = (question: string, source: string) => ({
      surface: 'mention' as const,
      user: 'U1',
      channel: 'C1',
      question,
      status: 'answered' as const,
      answer: '…',
      citations: [],
      ms: 1,
      conversation: 'C1:1.0',
      source,
    });
    const first = store.logQuestion(record('加氢站目标是多少', 'Ev1'));
    expect(store.logQuestion(record('加氢站目标是多少', 'Ev1'))).toBe(first);
    store.logQuestion(record('那充电桩呢', 'Ev2'));
    expect(store.totals().questions).toBe(2);
    expect(store.conversation('C1:1.0', 10)).toEqual(['加氢站目标是多少', '那充电桩呢']);
    expect(store.conversation('C1:1.0', 10, 'Ev2')).toEqual(['加氢站目标是多少']);
  });
});

describe('sightings', () => {
  for (const [name, make] of [
    ['SqliteStore', () => SqliteStore.open(':memory:')],
    ['MemorySightings', () => new MemorySightings()],
  ] as const) {
    it(`${name}: a key is held by its first holder until it expires`, () => {
      const sightings = make();
      expect(sightings.claim('message:C1:1', 'Ev1', 0, 1000)).toBe(true);
      expect(sightings.claim('message:C1:1', 'Ev1', 10, 1000)).toBe(true);
      expect(sightings.claim('message:C1:1', 'Ev2', 10, 1000)).toBe(false);
      expect(sightings.claim('message:C1:1', 'Ev2', 1000, 1000)).toBe(true);
    });
  }
});

describe('checkReplay', () => {
  const signed = (timestamp: number) => ({ signature: `v0=${timestamp}`, timestamp });
  const now = 1_700_000_000_000;

  it('refuses timestamps outside the window either way, and a signature seen before', () => {
    const sightings = new MemorySightings();
    const seconds = now / 1000;
    expect(checkReplay(signed(seconds + 600), now, sightings, 'h1')).toBe('from_the_future');
    expect(checkReplay(signed(seconds - 600), now, sightings, 'h1')).toBe('too_old');
    expect(checkReplay(signed(seconds + SIGNATURE_WINDOW_MS / 1000), now, sightings, 'h1')).toBe('fresh');
    expect(checkReplay(signed(seconds), now, sightings, 'h2')).toBe('fresh');
    expect(checkReplay(signed(seconds), now + 1000, sightings, 'h3')).toBe('replayed');
  });
});

describe('requestKey', () => {
  it('keys events by event_id, commands by trigger_id, modal submissions by view id; clicks by nothing', () => {
    expect(requestKey(body('Ev9'))).toBe('Ev9');
    expect(requestKey({ command: '/policy', trigger_id: 'T.1', text: '' })).toBe('command:T.1');
    expect(requestKey({ type: 'view_submission', view: { id: 'V1' } })).toBe('view:V1');
    expect(requestKey({ type: 'block_actions', trigger_id: 'T.2' })).toBeUndefined();
    expect(requestKey({ type: 'event_callback' })).toBeUndefined();
  });
});
