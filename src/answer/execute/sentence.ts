import { DEADLINE } from '../../core/text.js';
import { placesIn } from '../../question/places.js';
import { answeringSentence, withClause, type Ctx } from './context.js';
import type { Finding } from './finding.js';
import { englishDeadline } from './value.js';
import { summary } from './summary.js';

/** When: the deadline of the best sentence that states one. */
export function when(ctx: Ctx, subject: string): Promise<Finding> {
  return sentenceAnswer(
    ctx,
    subject,
    (s) => DEADLINE.test(s),
    (s) => {
      const deadline = s.match(DEADLINE)![0];
      return { zh: deadline, en: englishDeadline(deadline) };
    },
  );
}

/** Where: the places the best sentence naming any places names, in its order. */
export function where(ctx: Ctx, subject: string): Promise<Finding> {
  // The province the whole policy is about is no answer to "where".
  const placesOf = (s: string) =>
    placesIn(s)
      .filter((p) => !ctx.corpus.home.includes(p))
      .sort((a, b) => s.indexOf(a) - s.indexOf(b));
  return sentenceAnswer(
    ctx,
    subject,
    (s) => placesOf(s).length > 0,
    (s) => {
      const places = placesOf(s).join('、');
      return { zh: places, en: places };
    },
  );
}

/** Leads with what the best sentence says about the asked aspect, then the sentence itself, never the aspect twice. */
async function sentenceAnswer(
  ctx: Ctx,
  subject: string,
  accept: (s: string) => boolean,
  aspect: (s: string) => { zh: string; en: string },
): Promise<Finding> {
  const found = answeringSentence(ctx, await ctx.retrieve(subject), accept);
  if (!found) return summary(ctx, subject);
  const { hit, clause, sentence } = found;
  const said = aspect(sentence);
  const zh = sentence.startsWith(said.zh) ? sentence : `${said.zh}：${sentence}`;
  return withClause(ctx, clause, hit.score, [sentence], [{ zh, en: `${said.en}: ${sentence}` }], {
    showQuote: false,
  });
}
