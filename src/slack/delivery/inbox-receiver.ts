import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import type { App, Logger, Receiver, ReceiverEvent } from '@slack/bolt';
import { MemorySightings } from '../../store/memory-sightings.js';
import type { BotStore } from '../../store/store.js';
import type { Delivery } from './delivery.js';
import { checkReplay, type ReplayVerdict, type SignedHeaders } from './replay-guard.js';
import { requestKey } from './request-key.js';
import type { StoreGuard } from './store-guard.js';

export interface InboxOptions {
  store: BotStore;
  guard: StoreGuard;
  /** How long a dispatch holds a request before another process may take it over; renewed while it runs. */
  leaseMs: number;
  /** How often owed requests are looked for (crashed peers' work, deferred replies). */
  sweepMs: number;
  /** How long stopping waits for replies in flight. */
  drainMs: number;
  /** Dispatches of one request before it is given up on. */
  maxAttempts: number;
  /** Called when the drain runs out of time: whatever still waits must hand its request back. */
  onDrainTimeout: () => void;
}

/** A request refused before it was acknowledged. */
export class RequestRefused extends Error {
  constructor(readonly reason: Exclude<ReplayVerdict, 'fresh'> | 'stopping') {
    super(`request refused: ${reason}`);
    this.name = 'RequestRefused';
  }
}

const DUPLICATE_MEMORY_MS = 60 * 60_000;
/** How long a settled request is kept to recognise Slack's retries of it (they come within minutes). */
const SETTLED_MEMORY_MS = 24 * 60 * 60_000;

/**
 * Wraps Bolt's receiver so that a request owed a reply is recorded in the store before Slack is acknowledged,
 * settled only when its reply is confirmed, and finished after a crash by whichever process sweeps first. The
 * record's unique key is the dedupe that holds across restarts and replicas. Signed requests are also checked
 * against replays and clocks Bolt does not check.
 */
export class InboxReceiver implements Receiver {
  private app: App | undefined;
  private logger: Logger | undefined;
  private readonly owner = `${hostname()}/${process.pid}/${randomUUID()}`;
  private readonly memory = new MemorySightings();
  private readonly inFlight = new Map<string, Promise<void>>();
  private sweeper: NodeJS.Timeout | undefined;
  private stopping = false;

  constructor(
    private readonly inner: Receiver,
    private readonly options: InboxOptions,
  ) {}

  init(app: App): void {
    this.app = app;
    this.logger = app.logger;
    // The inner receiver only ever calls processEvent on the app it is given.
    this.inner.init({ processEvent: (event: ReceiverEvent) => this.receive(event) } as unknown as App);
  }

  async start(...args: unknown[]): Promise<unknown> {
    const started = await this.inner.start(...args);
    this.stopping = false;
    // Finish what a stopped or crashed process left owed, then keep looking for it.
    void this.sweep();
    this.sweeper = setInterval(() => void this.sweep(), this.options.sweepMs);
    this.sweeper.unref();
    return started;
  }

  /** Stops taking requests, waits a bounded time for replies in flight, then hands back what is still owed. */
  async stop(...args: unknown[]): Promise<unknown> {
    this.stopping = true;
    clearInterval(this.sweeper);
    const stopped = await this.inner.stop(...args);
    if (!(await this.settled(this.options.drainMs))) {
      this.logger?.warn(`${this.inFlight.size} replies still in flight after ${this.options.drainMs} ms; left owed`);
      this.options.onDrainTimeout();
      await this.settled(1_000);
    }
    for (const request of this.inFlight.keys()) this.store('handing back a request', (s) => s.release(request));
    return stopped;
  }

  private async receive(event: ReceiverEvent): Promise<void> {
    const { signed, ...customProperties } = (event.customProperties ?? {}) as { signed?: SignedHeaders };
    const now = Date.now();
    if (signed) {
      const holder = randomUUID();
      const verdict = this.options.guard.run(
        'checking for a replayed request',
        () => checkReplay(signed, now, this.options.store, holder),
        () => checkReplay(signed, now, this.memory, holder),
      );
      if (verdict !== 'fresh') throw new RequestRefused(verdict);
    }
    const request = requestKey(event.body);
    const stripped = { ...event, customProperties };
    if (request === undefined) return this.app!.processEvent(stripped);
    if (this.stopping) throw new RequestRefused('stopping');
    const firstInMemory = this.memory.claim(`request:${request}`, this.owner, now, DUPLICATE_MEMORY_MS);
    const admitted = this.options.guard.run(
      'recording the request',
      () => this.options.store.admit(request, event.body, this.owner, now + this.options.leaseMs),
      () => firstInMemory,
    );
    if (!admitted) {
      this.logger?.debug(`request ${request} was received before; acknowledged and dropped`);
      await event.ack();
      return;
    }
    return this.dispatch(stripped, request, 0, false);
  }

  private dispatch(event: ReceiverEvent, request: string, attempts: number, maybePosted: boolean): Promise<void> {
    const delivery: Delivery = { request, maybePosted, deferred: false };
    const run = (async () => {
      try {
        await this.app!.processEvent({ ...event, customProperties: { ...event.customProperties, delivery } });
      } catch (error) {
        delivery.deferred = true;
        throw error;
      } finally {
        this.inFlight.delete(request);
        this.finish(delivery, attempts);
      }
    })();
    this.inFlight.set(
      request,
      run.catch(() => undefined),
    );
    return run;
  }

  private finish(delivery: Delivery, attempts: number): void {
    const { request } = delivery;
    if (!delivery.deferred) {
      this.store('settling a request', (s) => s.settle(request, 'done'));
    } else if (attempts + 1 >= this.options.maxAttempts) {
      this.logger?.error(`request ${request} failed ${attempts + 1} times; given up`);
      this.store('giving up a request', (s) => s.settle(request, 'abandoned'));
    } else {
      this.store('handing back a request', (s) => s.release(request));
    }
  }

  private async sweep(): Promise<void> {
    const now = Date.now();
    const { leaseMs } = this.options;
    this.store('renewing leases', (s) => s.renew(this.owner, [...this.inFlight.keys()], now + leaseMs));
    this.store('forgetting old signatures and requests', (s) => {
      s.prune(now);
      s.forgetSettled(new Date(now - SETTLED_MEMORY_MS));
    });
    if (this.stopping || this.app === undefined) return;
    const owed = this.options.guard.run(
      'looking for owed requests',
      () => this.options.store.claimOwed(this.owner, now + leaseMs, now, 50, (o) => this.isOrphan(o)),
      () => [],
    );
    for (const { id, body, attempts } of owed) {
      if (this.inFlight.has(id)) continue;
      this.logger?.info(`answering request ${id}, owed since an earlier attempt (${attempts} failed)`);
      const replayed: ReceiverEvent = {
        body: body as ReceiverEvent['body'],
        ack: async () => {},
        customProperties: {},
      };
      this.dispatch(replayed, id, attempts, true).catch((error: unknown) =>
        this.logger?.error(`answering owed request ${id} failed`, error),
      );
    }
  }

  /** A process on this host that is gone, or an earlier instance in this very process (a restart in place). */
  private isOrphan(owner: string): boolean {
    const [host, pid, instance] = owner.split('/');
    if (host !== hostname()) return false;
    if (Number(pid) === process.pid) return `${host}/${pid}/${instance}` !== this.owner;
    try {
      process.kill(Number(pid), 0);
      return false;
    } catch (error) {
      return (error as NodeJS.ErrnoException).code === 'ESRCH';
    }
  }

  private store(what: string, op: (store: BotStore) => void): void {
    this.options.guard.run(
      what,
      () => op(this.options.store),
      () => undefined,
    );
  }

  private async settled(ms: number): Promise<boolean> {
    if (this.inFlight.size === 0) return true;
    const all = Promise.all([...this.inFlight.values()]).then(() => true);
    return Promise.race([all, sleep(ms).then(() => false)]);
  }
}
