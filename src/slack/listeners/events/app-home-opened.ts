import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { homeView } from '../../blocks/home.js';
import type { ListenerContext } from '../../context.js';
import { HomeOpenedEventSchema, readPayload } from '../../payloads.js';

/** Publishes the Home tab each time it is opened; the Messages tab is a DM and needs nothing here. */
export function appHomeOpened(ctx: ListenerContext) {
  const view = homeView(ctx.bot);
  return async ({ event, client, logger }: AllMiddlewareArgs & SlackEventMiddlewareArgs<'app_home_opened'>) => {
    const opened = readPayload(HomeOpenedEventSchema, event, logger, 'app_home_opened');
    if (!opened || (opened.tab ?? 'home') !== 'home') return;
    try {
      await client.views.publish({ user_id: opened.user, view });
    } catch (error) {
      logger.error(`views.publish for ${opened.user} failed`, error);
    }
  };
}
