import type { App } from '@slack/bolt';
import type { ListenerContext } from '../../context.js';
import { appHomeOpened } from './app-home-opened.js';
import { appMention } from './app-mention.js';
import { directMessage } from './direct-message.js';

export function register(app: App, ctx: ListenerContext): void {
  app.event('app_mention', appMention(ctx));
  app.event('message', directMessage(ctx));
  app.event('app_home_opened', appHomeOpened(ctx));
}
