import type { AllMiddlewareArgs, SlackActionMiddlewareArgs } from '@slack/bolt';
import { decodeQuizChoice } from '../../action-values.js';
import type { ListenerContext } from '../../context.js';
import { BlockActionSchema, readPayload } from '../../payloads.js';
import { answerQuiz } from '../../quiz.js';

/** An option of a quiz question: marked at once, with the quote; a private quiz then moves to its next question. */
export function quizAnswer(ctx: ListenerContext) {
  return async ({ ack, body, respond, logger }: AllMiddlewareArgs & SlackActionMiddlewareArgs) => {
    await ack();
    const action = readPayload(BlockActionSchema, body, logger, 'quiz answer');
    const choice = decodeQuizChoice(action?.actions[0]?.value);
    if (!action || !choice) {
      logger.warn('quiz answer without a valid choice, ignored');
      return;
    }
    try {
      const click = answerQuiz(ctx, choice, action.user.id, logger);
      const { text, blocks } = click.verdict;
      await respond(
        click.replace
          ? { replace_original: true, text, blocks }
          : { response_type: 'ephemeral', replace_original: false, text, blocks },
      );
      const channel = action.channel?.id;
      if (click.next && channel !== undefined) {
        const tag = `quiz:${choice.quiz}:${choice.question + 1}:${action.user.id}`;
        await ctx.poster.reply({ channel }, click.next, { request: tag, maybePosted: false });
      }
    } catch (error) {
      logger.error(`quiz answer ${JSON.stringify(choice)} from ${action.user.id} failed`, error);
    }
  };
}
