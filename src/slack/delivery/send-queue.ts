import { webApi } from '@slack/bolt';

/**
 * Answers go first. A courtesy (adding the 👀) is dropped rather than sent while an answer waits in its channel; a
 * cleanup (removing it) is never dropped, but waits behind the answers.
 */
export type Priority = 'answer' | 'courtesy' | 'cleanup';

/** The queue was asked to stop: what was still waiting is handed back to the caller to finish later. */
export class QueueStopped extends Error {
  constructor() {
    super('send queue stopped');
  }
}

interface Task {
  priority: Priority;
  send: () => Promise<unknown>;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

interface Lane {
  tasks: Task[];
  nextAt: number;
  running: boolean;
}

/**
 * Writes to Slack, one channel at a time at Slack's pace: about one message a second per channel, and no sooner
 * than a 429's Retry-After allows. A rate limit delays a write, never fails it: the write waits its turn again.
 */
export class SendQueue {
  private readonly lanes = new Map<string, Lane>();
  private stopped = false;
  private readonly wakers = new Set<() => void>();

  constructor(private readonly intervalMs: number) {}

  /** Runs `send` in `channel`'s turn; a courtesy resolves undefined when it was dropped. */
  run<T>(channel: string, priority: Priority, send: () => Promise<T>): Promise<T | undefined> {
    if (this.stopped) return Promise.reject(new QueueStopped());
    const lane = this.lane(channel);
    if (priority === 'courtesy' && lane.tasks.some((t) => t.priority === 'answer')) return Promise.resolve(undefined);
    return new Promise<T | undefined>((resolve, reject) => {
      lane.tasks.push({ priority, send, resolve: resolve as (value: unknown) => void, reject });
      void this.pump(channel, lane);
    });
  }

  /** Writes waiting in every channel. */
  get waiting(): number {
    let n = 0;
    for (const lane of this.lanes.values()) n += lane.tasks.length;
    return n;
  }

  /** Refuses new writes and hands back the waiting ones (QueueStopped); a write already sent finishes. */
  stop(): void {
    this.stopped = true;
    for (const lane of this.lanes.values()) for (const task of lane.tasks.splice(0)) task.reject(new QueueStopped());
    for (const wake of this.wakers) wake();
  }

  private lane(channel: string): Lane {
    let lane = this.lanes.get(channel);
    if (!lane) {
      lane = { tasks: [], nextAt: 0, running: false };
      this.lanes.set(channel, lane);
    }
    return lane;
  }

  private async pump(channel: string, lane: Lane): Promise<void> {
    if (lane.running) return;
    lane.running = true;
    try {
      while (lane.tasks.length > 0 && !this.stopped) {
        await this.sleep(lane.nextAt - Date.now());
        const task = lane.tasks[0]!;
        if (this.stopped) break;
        if (task.priority !== 'answer' && lane.tasks.some((t) => t.priority === 'answer')) {
          lane.tasks.shift();
          if (task.priority === 'courtesy') task.resolve(undefined);
          else lane.tasks.push(task);
          continue;
        }
        try {
          const result = await task.send();
          lane.tasks.shift();
          lane.nextAt = Date.now() + this.intervalMs;
          task.resolve(result);
        } catch (error) {
          const retryAfter = retryAfterMs(error);
          if (retryAfter !== undefined) {
            // Slack did not take it: the same write goes again, first in line, once the channel may send.
            lane.nextAt = Date.now() + Math.max(retryAfter, this.intervalMs);
            continue;
          }
          lane.tasks.shift();
          lane.nextAt = Date.now() + this.intervalMs;
          task.reject(error);
        }
      }
    } finally {
      lane.running = false;
      if (lane.tasks.length === 0) this.lanes.delete(channel);
    }
  }

  private sleep(ms: number): Promise<void> {
    if (ms <= 0 || this.stopped) return Promise.resolve();
    return new Promise((resolve) => {
      const wake = () => {
        clearTimeout(timer);
        this.wakers.delete(wake);
        resolve();
      };
      const timer = setTimeout(wake, ms);
      this.wakers.add(wake);
    });
  }
}

/** The wait a 429 asks for, when the error is one. */
export function retryAfterMs(error: unknown): number | undefined {
  const e = error as Partial<webApi.WebAPIRateLimitedError> | undefined;
  if (e?.code === webApi.ErrorCode.RateLimitedError) return (e.retryAfter ?? 1) * 1000;
  return undefined;
}
