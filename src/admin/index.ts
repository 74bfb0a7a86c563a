import type { CustomRoute, Logger } from '@slack/bolt';
import type { BotStore } from '../store/store.js';
import { adminRoutes } from './routes.js';

/** The dashboard's routes for the HTTP receiver: none (so /admin is a 404) unless POLICYBOT_ADMIN_TOKEN is set. */
export function dashboardRoutes(token: string | undefined, store: BotStore, logger: () => Logger): CustomRoute[] {
  return token === undefined ? [] : adminRoutes({ token, store, logger });
}
