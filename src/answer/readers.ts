import type { LanguageModel } from '../core/chat-model.js';
import type { Query } from '../question/query.js';
import type { Ctx } from './execute/context.js';
import type { Finding } from './execute/finding.js';

/** A query run against the policy: what it found, null when the policy does not answer it. */
export interface Solved {
  query: Query;
  ctx: Ctx;
  found: Finding | null;
}

const READ_FIELDS = ['ask', 'subjects', 'units', 'places', 'years', 'comparison', 'aspects', 'unknown'] as const;

export const sameReading = (a: Query, b: Query): boolean =>
  READ_FIELDS.every((f) => JSON.stringify(a[f]) === JSON.stringify(b[f]));

/**
 * How well the policy supports a reading: 0 when it does not answer it, else 1 plus the mean share of each
 * subject's words the best clause names (a reading with no subject, such as a unit's duties, adds nothing).
 */
async function support(s: Solved): Promise<number> {
  if (!s.found) return 0;
  const subjects = s.query.subjects;
  if (subjects.length === 0) return 1;
  const covered = await Promise.all(subjects.map(async (subject) => (await s.ctx.retrieve(subject)).coverage));
  return 1 + covered.reduce((a, b) => a + b, 0) / subjects.length;
}

/**
 * When the readers disagree, the answer follows the reading the policy supports better; the rules win ties, so a
 * model only ever changes an answer by finding more of the question in the policy. A reading that fails to run
 * counts as unsupported.
 */
export async function chooseReading(
  model: LanguageModel,
  rules: Solved,
  byModel: () => Promise<Solved>,
): Promise<Solved> {
  model.usage.disagreements++;
  const other = await byModel().catch((error: unknown) => {
    model.log(`the model's reading could not be run (${(error as Error).message}); the rule reader's is used`);
    return null;
  });
  if (!other) return rules;
  const follow = model.spec.prefer === 'model' || (await support(other)) > (await support(rules));
  if (!follow) return rules;
  model.usage.followedModel++;
  return other;
}
