import type { App } from '@slack/bolt';
import type { ListenerContext } from '../context.js';
import * as actions from './actions/index.js';
import * as commands from './commands/index.js';
import * as events from './events/index.js';
import * as views from './views/index.js';

export function registerListeners(app: App, ctx: ListenerContext): void {
  events.register(app, ctx);
  commands.register(app, ctx);
  actions.register(app, ctx);
  views.register(app, ctx);
}
