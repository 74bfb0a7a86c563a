import { describe, expect, it } from 'vitest';
import { LoginThrottle } from '../../src/admin/throttle.js';

describe('LoginThrottle', () => {
  it('lets an address fail a few times, then makes it wait until its oldest failure leaves the window', () => {
    let now = 0;
    const throttle = new LoginThrottle(3, 60_000, () => now);
    for (let i = 0; i < 3; i++) {
      expect(throttle.retryAfter('10.0.0.1')).toBe(0);
      throttle.fail('10.0.0.1');
      now += 1_000;
    }
    expect(throttle.retryAfter('10.0.0.1')).toBe(57);
    expect(throttle.retryAfter('10.0.0.2')).toBe(0);
    now = 60_001;
    expect(throttle.retryAfter('10.0.0.1')).toBe(0);
  });
});
