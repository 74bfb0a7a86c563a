import { MAX_QUESTION_CHARS } from './messages.js';

export type QuestionCheck = { kind: 'ok'; question: string } | { kind: 'empty' } | { kind: 'too_long'; length: number };

/**
 * Turns Slack's message markup into the question a person typed: mentions (`<@U123>`) are dropped, links and
 * channel references keep their label, and the &amp; &lt; &gt; escapes are undone.
 */
export function plainQuestion(text: string): string {
  return text
    .replace(/<@[UW][A-Z0-9]+(?:\|[^>]*)?>/g, ' ')
    .replace(/<[^>|]+\|([^>]+)>/g, '$1')
    .replace(/<([^>]+)>/g, '$1')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}

export function checkQuestion(text: string): QuestionCheck {
  const question = plainQuestion(text);
  if (question === '') return { kind: 'empty' };
  const length = Array.from(question).length;
  return length > MAX_QUESTION_CHARS ? { kind: 'too_long', length } : { kind: 'ok', question };
}
