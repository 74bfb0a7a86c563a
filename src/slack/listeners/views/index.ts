import type { App } from '@slack/bolt';
import { CallbackId } from '../../action-values.js';
import type { ListenerContext } from '../../context.js';
import { askSubmission } from './ask-submission.js';
import { feedbackReason } from './feedback-reason.js';

export function register(app: App, ctx: ListenerContext): void {
  app.view(CallbackId.AskModal, askSubmission(ctx));
  app.view(CallbackId.FeedbackReason, feedbackReason(ctx));
}
