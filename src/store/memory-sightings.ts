import { BoundedCache } from '../core/bounded-cache.js';
import type { Sightings } from './store.js';

/** Sightings in this process's memory: what the bot falls back on while its store is unavailable. */
export class MemorySightings implements Sightings {
  private readonly keys: BoundedCache<{ holder: string; expires: number }> = new BoundedCache(50_000);

  claim(key: string, holder: string, now: number, ttlMs: number): boolean {
    const held = this.keys.get(key);
    if (held !== undefined && held.expires > now) return held.holder === holder;
    this.keys.set(key, { holder, expires: now + ttlMs });
    return true;
  }

  prune(): void {
    // Bounded already: the oldest keys go first.
  }
}
