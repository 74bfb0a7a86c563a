import type { types } from '@slack/bolt';
import type { QuizQuestion } from '../../quiz/types.js';
import type { QuizScore, StoredQuiz } from '../../store/store.js';
import { ActionId, encodeQuizChoice } from '../action-values.js';
import * as msg from '../messages.js';
import { button, clip, context, escapeMrkdwn, MAX_SECTION_CHARS, sections } from './limits.js';
import type { SlackMessage } from './message.js';

/** One question with a button an option; in a channel quiz everyone answers the same message. */
export function quizQuestionMessage(quiz: StoredQuiz, index: number): SlackMessage {
  const question = quiz.questions[index]!;
  const title = `${msg.QUIZ_PROGRESS(index, quiz.questions.length)}：${question.question}`;
  return {
    text: title,
    blocks: [
      ...sections(`*${escapeMrkdwn(title)}*`),
      {
        type: 'actions',
        block_id: `quiz_${index}`,
        elements: question.options.map((option, i) =>
          button(
            option,
            `${ActionId.QuizAnswer}:${i}`,
            encodeQuizChoice({ quiz: quiz.id, question: index, option: i }),
          ),
        ),
      },
    ],
  };
}

/** Right or wrong, with the sentence of the policy that decides it and where it stands (`source`, a clause path). */
export function quizVerdictMessage(quiz: StoredQuiz, index: number, chosen: number, source: string): SlackMessage {
  const question = quiz.questions[index]!;
  const right = question.options[question.answer]!;
  const verdict = chosen === question.answer ? msg.QUIZ_RIGHT : msg.QUIZ_WRONG(escapeMrkdwn(right));
  const title = `${msg.QUIZ_PROGRESS(index, quiz.questions.length)}：${question.question}`;
  return {
    text: `${title}\n${verdict}`,
    blocks: [
      ...sections(`*${escapeMrkdwn(title)}*`),
      context(escapeMrkdwn(msg.QUIZ_YOUR_CHOICE(question.options[chosen] ?? ''))),
      ...sections(verdict),
      ...quoteBlocks(question, source),
    ],
  };
}

export function quizScoreMessage(correct: number, total: number): SlackMessage {
  const text = msg.QUIZ_SCORE(correct, total);
  return { text, blocks: sections(text) };
}

/** The head of a channel quiz: who posted it, and the scores so far behind a button that refreshes them. */
export function channelQuizHeader(quiz: StoredQuiz, scores: readonly QuizScore[] | null): SlackMessage {
  const title = msg.QUIZ_CHANNEL_TITLE(quiz.owner, quiz.questions.length, quiz.part);
  const blocks: types.KnownBlock[] = [...sections(escapeMrkdwn(title))];
  if (scores !== null) {
    const lines = scores.map((s) => msg.QUIZ_SCORE_LINE(s.user, s.correct, s.answered, quiz.questions.length));
    blocks.push(
      ...sections(`*${msg.QUIZ_SCORES_TITLE}*\n${lines.length === 0 ? msg.QUIZ_NO_SCORES : lines.join('\n')}`),
    );
  }
  blocks.push({
    type: 'actions',
    block_id: 'quiz_scores',
    elements: [button(msg.QUIZ_SCORES_BUTTON, ActionId.QuizScores, quiz.id)],
  });
  return { text: title, blocks };
}

function quoteBlocks(question: QuizQuestion, source: string): types.KnownBlock[] {
  const quote = clip(`> ${escapeMrkdwn(question.quote).replace(/\n/g, '\n> ')}`, MAX_SECTION_CHARS);
  return [
    { type: 'section', text: { type: 'mrkdwn', text: quote } },
    context(`${msg.QUIZ_SOURCE}：${escapeMrkdwn(source)}`),
  ];
}
