import type { Answer } from '../answer/types.js';
import type { Surface } from '../store/store.js';
import { answerMessage } from './blocks/answer.js';
import type { SlackMessage } from './blocks/message.js';
import type { ListenerContext } from './context.js';

export interface QuestionAsked {
  question: string;
  /** The conversation's earlier questions, oldest first. */
  thread: readonly string[];
  surface: Surface;
  user: string;
  channel: string | null;
  /** The conversation a follow-up is read in, recorded so the next question can be. */
  conversation?: string | null;
  /** The request that asked, so a redelivery is logged once. */
  source?: string;
  /** Repeat the question above the answer, for surfaces where Slack does not show it (the App Home modal). */
  showQuestion?: boolean;
}

/** Asks the bot, logs the question for the report, and builds the reply. Throws only when the bot itself fails. */
export async function askForSlack(ctx: ListenerContext, asked: QuestionAsked): Promise<SlackMessage> {
  const answer = await ctx.bot.ask(asked.question, { thread: asked.thread });
  const questionId = logQuestion(ctx, asked, answer);
  return answerMessage(answer, { questionId, showQuestion: asked.showQuestion ?? false });
}

/** A failing log must not cost the user the answer: it then goes out without 👍/👎 buttons. */
function logQuestion(ctx: ListenerContext, asked: QuestionAsked, answer: Answer): number | undefined {
  return ctx.guard.run(
    'logging the question',
    () =>
      ctx.store.logQuestion({
        surface: asked.surface,
        user: asked.user,
        channel: asked.channel,
        question: asked.question,
        status: answer.status,
        answer: answer.answer,
        citations: answer.citations,
        ms: answer.ms,
        conversation: asked.conversation ?? null,
        source: asked.source ?? null,
      }),
    () => undefined,
  );
}
