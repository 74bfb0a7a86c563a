import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { askForSlack } from '../../answering.js';
import { helpMessage, noticeMessage } from '../../blocks/help.js';
import type { SlackMessage } from '../../blocks/message.js';
import { targetsMessage } from '../../blocks/targets.js';
import { unitClausesMessage } from '../../blocks/units.js';
import type { ListenerContext } from '../../context.js';
import { type Delivery, deliveryOf } from '../../delivery/delivery.js';
import { APOLOGY, EMPTY_QUESTION, TOO_LONG, UNITS_USAGE } from '../../messages.js';
import { CommandSchema, readPayload } from '../../payloads.js';
import { parsePolicyCommand } from '../../policy-command.js';
import { checkQuestion } from '../../question.js';
import { startQuiz } from '../../quiz.js';

type Visibility = 'in_channel' | 'ephemeral';

/**
 * `/policy 问题 | units 单位 | targets [关键词] | quiz [channel] [部分] [题数] | help`. Acked at once (Slack allows 3 s), answered through the
 * response_url: answers in the channel, lists and help only to the asker. A reply the response_url did not take
 * leaves the command owed, to be tried again while the url lives (30 minutes).
 */
export function policyCommand(ctx: ListenerContext) {
  return async ({ command, ack, respond, context, logger }: AllMiddlewareArgs & SlackCommandMiddlewareArgs) => {
    await ack();
    const slash = readPayload(CommandSchema, command, logger, '/policy');
    if (!slash) return;
    const delivery = deliveryOf(context, `command:${slash.user_id}:${Date.now()}`);
    const reply = async ([message, visibility]: [SlackMessage, Visibility]) => {
      await respond({ response_type: visibility, replace_original: false, text: message.text, blocks: message.blocks });
    };
    const { text, user_id: user, channel_id: channel } = slash;
    let answer: [SlackMessage, Visibility];
    try {
      answer = await commandReply(ctx, text, user, channel, delivery);
    } catch (error) {
      logger.error(`/policy from ${user} in ${channel} failed`, error);
      answer = [noticeMessage(APOLOGY), 'ephemeral'];
    }
    try {
      await reply(answer);
    } catch (error) {
      delivery.deferred = true;
      logger.warn(`/policy reply to ${user} in ${channel} not delivered; stays owed`, error);
    }
  };
}

async function commandReply(
  ctx: ListenerContext,
  text: string,
  user: string,
  channel: string,
  delivery: Delivery,
): Promise<[SlackMessage, Visibility]> {
  const parsed = parsePolicyCommand(text);
  switch (parsed.kind) {
    case 'help':
      return [helpMessage(), 'ephemeral'];
    case 'units':
      if (parsed.unit === '') return [noticeMessage(UNITS_USAGE), 'ephemeral'];
      return [unitClausesMessage(parsed.unit, ctx.bot.clausesForUnit(parsed.unit), ctx.bot.clauses), 'ephemeral'];
    case 'targets':
      return [targetsMessage(ctx.bot.findTargets(parsed.keyword), ctx.bot.clauses, parsed.keyword), 'ephemeral'];
    case 'ask': {
      const check = checkQuestion(parsed.question);
      if (check.kind !== 'ok') return [noticeMessage(check.kind === 'empty' ? EMPTY_QUESTION : TOO_LONG), 'ephemeral'];
      return [
        await askForSlack(ctx, {
          question: check.question,
          thread: [],
          surface: 'command',
          user,
          channel,
          source: delivery.request,
        }),
        'in_channel',
      ];
    }
    case 'quiz':
      return [await startQuiz(ctx, parsed, user, channel, delivery), 'ephemeral'];
  }
}
