import type { AllMiddlewareArgs, Logger, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { askForSlack } from '../../answering.js';
import { helpMessage, noticeMessage } from '../../blocks/help.js';
import type { SlackMessage } from '../../blocks/message.js';
import { targetsMessage } from '../../blocks/targets.js';
import { unitClausesMessage } from '../../blocks/units.js';
import type { ListenerContext } from '../../context.js';
import { APOLOGY, EMPTY_QUESTION, TOO_LONG, UNITS_USAGE } from '../../messages.js';
import { CommandSchema, readPayload } from '../../payloads.js';
import { parsePolicyCommand } from '../../policy-command.js';
import { checkQuestion } from '../../question.js';

type Visibility = 'in_channel' | 'ephemeral';

/**
 * `/policy 问题 | units 单位 | targets [关键词] | help`. Acked at once (Slack allows 3 s), answered through the
 * response_url: answers in the channel, lists and help only to the asker.
 */
export function policyCommand(ctx: ListenerContext) {
  return async ({ command, ack, respond, logger }: AllMiddlewareArgs & SlackCommandMiddlewareArgs) => {
    await ack();
    const slash = readPayload(CommandSchema, command, logger, '/policy');
    if (!slash) return;
    const reply = async ([message, visibility]: [SlackMessage, Visibility]) => {
      await respond({ response_type: visibility, replace_original: false, text: message.text, blocks: message.blocks });
    };
    const { text, user_id: user, channel_id: channel } = slash;
    try {
      await reply(await commandReply(ctx, text, user, channel, logger));
    } catch (error) {
      logger.error(`/policy from ${user} in ${channel} failed`, error);
      await reply([noticeMessage(APOLOGY), 'ephemeral']).catch((e: unknown) =>
        logger.error('could not send the apology', e),
      );
    }
  };
}

async function commandReply(
  ctx: ListenerContext,
  text: string,
  user: string,
  channel: string,
  logger: Logger,
): Promise<[SlackMessage, Visibility]> {
  const request = parsePolicyCommand(text);
  switch (request.kind) {
    case 'help':
      return [helpMessage(), 'ephemeral'];
    case 'units':
      if (request.unit === '') return [noticeMessage(UNITS_USAGE), 'ephemeral'];
      return [unitClausesMessage(request.unit, ctx.bot.clausesForUnit(request.unit), ctx.bot.clauses), 'ephemeral'];
    case 'targets':
      return [targetsMessage(ctx.bot.findTargets(request.keyword), ctx.bot.clauses, request.keyword), 'ephemeral'];
    case 'ask': {
      const check = checkQuestion(request.question);
      if (check.kind !== 'ok') return [noticeMessage(check.kind === 'empty' ? EMPTY_QUESTION : TOO_LONG), 'ephemeral'];
      return [
        await askForSlack(ctx, { question: check.question, thread: [], surface: 'command', user, channel }, logger),
        'in_channel',
      ];
    }
  }
}
