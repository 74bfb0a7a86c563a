import { describe, expect, it } from 'vitest';
import { BoundedCache } from '../../src/core/bounded-cache.js';

describe('BoundedCache', () => {
  it('forgets entries after their time to live', () => {
    let now = 0;
    const cache = new BoundedCache<string>(10, 1000, () => now);
    cache.set('C1:1700000000.000100', '加氢站目标是多少');
    now = 999;
    expect(cache.get('C1:1700000000.000100')).toBe('加氢站目标是多少');
    now = 1000;
    expect(cache.get('C1:1700000000.000100')).toBeUndefined();
  });

  it('drops the oldest entries beyond its size', () => {
    const cache = new BoundedCache<true>(3, 60_000);
    for (const id of ['Ev1', 'Ev2', 'Ev3', 'Ev4']) cache.add(id);
    expect(cache.size).toBe(3);
    expect(cache.has('Ev1')).toBe(false);
    expect(cache.has('Ev4')).toBe(true);
  });

  it('add() says whether the key is new', () => {
    const cache = new BoundedCache<true>(3, 60_000);
    expect(cache.add('Ev1')).toBe(true);
    expect(cache.add('Ev1')).toBe(false);
  });
});
