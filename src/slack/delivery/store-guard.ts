import type { Logger } from '@slack/bolt';

/**
 * Runs store operations that sit on the path of a request. better-sqlite3 is synchronous: a database locked by
 * another process holds the event loop for the whole busy timeout. After one failure the guard stops asking for a
 * while and the caller's fallback runs instead, so the ack and the answer never wait on a broken store.
 */
export class StoreGuard {
  private openUntil = 0;

  constructor(
    private readonly logger: () => Logger,
    private readonly cooldownMs = 5_000,
    private readonly now: () => number = Date.now,
  ) {}

  run<T>(what: string, op: () => T, fallback: () => T): T {
    if (this.now() < this.openUntil) return fallback();
    try {
      return op();
    } catch (error) {
      this.openUntil = this.now() + this.cooldownMs;
      this.logger().error(`store: ${what} failed; going on without the store for ${this.cooldownMs / 1000} s`, error);
      return fallback();
    }
  }
}
