/** What `/policy …` asks for. */
export type PolicyCommand =
  | { kind: 'help' }
  | { kind: 'units'; unit: string }
  | { kind: 'targets'; keyword: string }
  | { kind: 'ask'; question: string };

const HELP_WORDS = new Set(['help', '帮助', '?', '？']);

/** `units`/`targets` also answer to their Chinese names, since users type in Chinese. */
export function parsePolicyCommand(text: string): PolicyCommand {
  const trimmed = text.trim();
  const [first = '', ...rest] = trimmed.split(/\s+/);
  const argument = rest.join(' ');
  const word = first.toLowerCase();
  if (trimmed === '' || HELP_WORDS.has(word)) return { kind: 'help' };
  if (word === 'units' || word === 'unit' || word === '单位') return { kind: 'units', unit: argument };
  if (word === 'targets' || word === 'target' || word === '目标') return { kind: 'targets', keyword: argument };
  return { kind: 'ask', question: trimmed };
}
