/** What `/policy …` asks for. */
export type PolicyCommand =
  | { kind: 'help' }
  | { kind: 'units'; unit: string }
  | { kind: 'targets'; keyword: string }
  | { kind: 'ask'; question: string }
  /** A quiz of `count` questions (null: the default) on `part` (null: the whole policy), to the asker or the channel. */
  | { kind: 'quiz'; part: string | null; count: number | null; audience: 'private' | 'channel' };

const HELP_WORDS = new Set(['help', '帮助', '?', '？']);
const QUIZ_WORDS = new Set(['quiz', '测验', '测试']);
const CHANNEL_WORDS = new Set(['channel', '频道']);

/** `units`/`targets` also answer to their Chinese names, since users type in Chinese. */
export function parsePolicyCommand(text: string): PolicyCommand {
  const trimmed = text.trim();
  const [first = '', ...rest] = trimmed.split(/\s+/);
  const argument = rest.join(' ');
  const word = first.toLowerCase();
  if (trimmed === '' || HELP_WORDS.has(word)) return { kind: 'help' };
  if (word === 'units' || word === 'unit' || word === '单位') return { kind: 'units', unit: argument };
  if (word === 'targets' || word === 'target' || word === '目标') return { kind: 'targets', keyword: argument };
  if (QUIZ_WORDS.has(word)) return quizCommand(rest);
  return { kind: 'ask', question: trimmed };
}

/** `quiz [channel] [部分] [题数]`: a trailing number is the count, the words before it the part. */
function quizCommand(words: string[]): PolicyCommand {
  const audience = words[0] !== undefined && CHANNEL_WORDS.has(words[0].toLowerCase()) ? 'channel' : 'private';
  const rest = audience === 'channel' ? words.slice(1) : words;
  const last = rest.at(-1);
  const count = last !== undefined && /^\d{1,2}$/.test(last) ? Number(last) : null;
  const part = (count === null ? rest : rest.slice(0, -1)).join(' ');
  return { kind: 'quiz', part: part === '' ? null : part, count, audience };
}
