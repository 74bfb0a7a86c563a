/**
 * A map that forgets: entries expire after `ttlMs` (never, by default) and the oldest go first beyond `maxEntries`,
 * so a long-running process keeps a fixed amount of per-event, per-thread and per-question state.
 */
export class BoundedCache<V> {
  private readonly entries = new Map<string, { value: V; expires: number }>();

  constructor(
    private readonly maxEntries: number,
    private readonly ttlMs = Number.POSITIVE_INFINITY,
    private readonly now: () => number = Date.now,
  ) {}

  get(key: string): V | undefined {
    const entry = this.entries.get(key);
    if (entry === undefined) return undefined;
    if (entry.expires <= this.now()) {
      this.entries.delete(key);
      return undefined;
    }
    return entry.value;
  }

  has(key: string): boolean {
    return this.get(key) !== undefined;
  }

  set(key: string, value: V): void {
    this.entries.delete(key); // re-insert so Map order stays oldest-first
    this.entries.set(key, { value, expires: this.now() + this.ttlMs });
    while (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
  }

  /** Records `key`; false when it was already there, which is how duplicates are recognised. */
  add(key: string): boolean {
    if (this.has(key)) return false;
    this.set(key, true as V);
    return true;
  }

  get size(): number {
    return this.entries.size;
  }
}
