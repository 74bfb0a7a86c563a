import { beforeAll, describe, expect, it } from 'vitest';
import { type QuizQuestion, QuizQuestionSchema } from '../../src/quiz/types.js';
import { runPolicybot } from '../helpers/cli.js';
import { sharedBot } from '../helpers/index.js';

let indexDir: string;
beforeAll(async () => {
  ({ indexDir } = await sharedBot());
});

/** Runs `policybot quiz`, its standard input holding `input`. */
const quiz = (args: string[], input = '') => runPolicybot(['quiz', '--index', indexDir, ...args], { input });

describe('policybot quiz', () => {
  it('--json prints the contract: an array of questions with exactly its fields, the same for the same seed', async () => {
    const { code, stdout } = await quiz(['--json', '--seed', 's', '--count', '4']);
    expect(code).toBe(0);
    const questions = JSON.parse(stdout) as QuizQuestion[];
    expect(questions).toHaveLength(4);
    for (const q of questions) {
      expect(Object.keys(q)).toEqual(['id', 'kind', 'question', 'options', 'answer', 'doc', 'section', 'quote']);
      expect(QuizQuestionSchema.parse(q)).toEqual(q);
    }
    expect((await quiz(['--json', '--seed', 's', '--count', '4'])).stdout).toBe(stdout);
    expect((await quiz(['--json', '--seed', 't', '--count', '4'])).stdout).not.toBe(stdout);
  });

  it('asks one question at a time from piped answers, marks each at once with the quote, and ends with the score', async () => {
    const questions = JSON.parse((await quiz(['--json', '--seed', 'pipe', '--count', '3'])).stdout) as QuizQuestion[];
    const [first, second, third] = questions as [QuizQuestion, QuizQuestion, QuizQuestion];
    const wrong = (second.answer + 1) % second.options.length;
    // The first answer in a full-width digit; a line that is not an option is asked again; the third is the option's text.
    const fullWidth = String.fromCharCode(0xff11 + first.answer);
    const input = `${fullWidth}\n不知道\n${wrong + 1}\n${third.options[third.answer]}\n`;
    const { code, stdout } = await quiz(['--seed', 'pipe', '--count', '3'], input);
    expect(code).toBe(0);
    const marks = stdout.split('\n').filter((l) => l.startsWith('回答'));
    expect(marks).toEqual([
      '回答正确。',
      `回答错误。正确答案是 ${second.answer + 1}. ${second.options[second.answer]}`,
      '回答正确。',
    ]);
    for (const q of questions) {
      expect(stdout).toContain(q.question);
      expect(stdout).toContain(q.section);
      expect(stdout).toContain(q.kind === 'outline' ? q.quote : `“${q.quote}”`);
    }
    expect(stdout).toContain('请输入 1 到');
    expect(stdout.trim().split('\n').at(-1)).toBe('得分：2/3');
    // Each verdict comes before the next question is shown.
    expect(stdout.indexOf('回答正确。')).toBeLessThan(stdout.indexOf(second.question));
  });

  it('counts unanswered questions as wrong when the input ends early', async () => {
    const { code, stdout } = await quiz(['--seed', 'short', '--count', '3'], '1\n');
    expect(code).toBe(0);
    expect(stdout).toContain('输入已结束');
    expect(stdout.trim().split('\n').at(-1)).toMatch(/^得分：[01]\/3$/);
  });

  it.each([
    [['--count', '0'], /^policybot: --count must be a positive whole number, not "0"\n$/],
    [['--count', '2.5'], /^policybot: --count must be a positive whole number/],
    [['--part', '9.9'], /^policybot: --part "9\.9" names no section or heading of the policy/],
    [['--bogus'], /^policybot: Unknown option '--bogus'/],
  ])('refuses %j in one line', async (args, message) => {
    const { code, stdout, stderr } = await quiz(args);
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stdout).toBe('');
  });
});
