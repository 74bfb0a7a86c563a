import { BoundedCache } from '../core/bounded-cache.js';

/**
 * Wrong tokens a client may try before it must wait: the token is long enough not to be guessed, but nothing should
 * be free to try forever. Counted per address over a sliding window; a right token does not clear the count.
 */
export class LoginThrottle {
  private readonly failures: BoundedCache<number[]>;

  constructor(
    private readonly maxFailures = 5,
    private readonly windowMs = 10 * 60_000,
    private readonly now: () => number = Date.now,
  ) {
    this.failures = new BoundedCache(10_000, windowMs, now);
  }

  /** Seconds the address must wait before it may try again; 0 when it may try now. */
  retryAfter(address: string): number {
    const recent = this.recent(address);
    if (recent.length < this.maxFailures) return 0;
    return Math.max(1, Math.ceil((recent[0]! + this.windowMs - this.now()) / 1000));
  }

  fail(address: string): void {
    this.failures.set(address, [...this.recent(address), this.now()].slice(-this.maxFailures));
  }

  private recent(address: string): number[] {
    const cutoff = this.now() - this.windowMs;
    return (this.failures.get(address) ?? []).filter((t) => t > cutoff);
  }
}
