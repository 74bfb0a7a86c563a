import type { PolicyBot } from '../bot.js';

/** What a quiz is made from: the bot's structured policy, nothing it answers with. */
export type QuizSource = Pick<PolicyBot, 'documents' | 'clauses' | 'targets'>;
