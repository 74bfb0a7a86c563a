import { describe, expect, it } from 'vitest';
import { QueueStopped, SendQueue } from '../../src/slack/delivery/send-queue.js';

/** What Slack's client throws on a 429 when it is told to reject rate-limited calls. */
const rateLimited = (seconds: number) =>
  Object.assign(new Error('rate limited'), { code: 'slack_webapi_rate_limited_error', retryAfter: seconds });

describe('SendQueue', () => {
  it('paces writes to one channel, not across channels', async () => {
    const queue = new SendQueue(200);
    const at: Record<string, number[]> = { C1: [], C2: [] };
    const started = Date.now();
    const write = (channel: 'C1' | 'C2') =>
      queue.run(channel, 'answer', async () => {
        at[channel]!.push(Date.now() - started);
      });
    await Promise.all([write('C1'), write('C1'), write('C1'), write('C2')]);
    expect(at.C1![1]! - at.C1![0]!).toBeGreaterThanOrEqual(190);
    expect(at.C1![2]! - at.C1![1]!).toBeGreaterThanOrEqual(190);
    expect(at.C2![0]!).toBeLessThan(100);
  });

  it('waits out a 429 and sends the same write again, never failing it', async () => {
    const queue = new SendQueue(0);
    let calls = 0;
    const started = Date.now();
    const result = await queue.run('C1', 'answer', async () => {
      calls++;
      if (calls < 3) throw rateLimited(0.1);
      return 'posted';
    });
    expect(result).toBe('posted');
    expect(calls).toBe(3);
    expect(Date.now() - started).toBeGreaterThanOrEqual(190);
  });

  it('passes other errors to the caller', async () => {
    const queue = new SendQueue(0);
    await expect(
      queue.run('C1', 'answer', async () => {
        throw new Error('channel_not_found');
      }),
    ).rejects.toThrow('channel_not_found');
  });

  it('drops a courtesy while an answer waits in its channel, and puts a cleanup behind the answers', async () => {
    const queue = new SendQueue(50);
    const order: string[] = [];
    const write = (name: string) => async () => {
      order.push(name);
      return name;
    };
    const first = queue.run('C1', 'answer', write('answer 1'));
    const eyes = queue.run('C1', 'courtesy', write('👀 add'));
    const cleanup = queue.run('C1', 'cleanup', write('👀 remove'));
    const second = queue.run('C1', 'answer', write('answer 2'));
    expect(await eyes).toBeUndefined();
    await Promise.all([first, cleanup, second]);
    expect(order).toEqual(['answer 1', 'answer 2', '👀 remove']);
    // With nothing waiting, a courtesy goes out.
    expect(await queue.run('C2', 'courtesy', write('👀 add'))).toBe('👀 add');
  });

  it('hands waiting writes back when stopped, and refuses new ones', async () => {
    const queue = new SendQueue(10_000);
    await queue.run('C1', 'answer', async () => 'sent');
    const waiting = queue.run('C1', 'answer', async () => 'never');
    expect(queue.waiting).toBe(1);
    queue.stop();
    await expect(waiting).rejects.toBeInstanceOf(QueueStopped);
    await expect(queue.run('C2', 'answer', async () => 'late')).rejects.toBeInstanceOf(QueueStopped);
  });
});
