import type { App } from '@slack/bolt';
import type { ListenerContext } from '../../context.js';
import { policyCommand } from './policy.js';

export function register(app: App, ctx: ListenerContext): void {
  app.command('/policy', policyCommand(ctx));
}
