import type { PolicyBot } from '../bot.js';
import { MemorySightings } from '../store/memory-sightings.js';
import type { BotStore } from '../store/store.js';
import type { Poster } from './delivery/poster.js';
import type { StoreGuard } from './delivery/store-guard.js';

/** What every listener needs, built once per app. */
export interface ListenerContext {
  bot: PolicyBot;
  store: BotStore;
  /** Every store call on a request's path goes through it, with what to do without the store. */
  guard: StoreGuard;
  poster: Poster;
  /** Claims kept here while the store is unavailable. */
  memory: MemorySightings;
}

export function createListenerContext(
  bot: PolicyBot,
  store: BotStore,
  guard: StoreGuard,
  poster: Poster,
): ListenerContext {
  return { bot, store, guard, poster, memory: new MemorySightings() };
}
