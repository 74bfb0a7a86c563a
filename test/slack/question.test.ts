import { describe, expect, it } from 'vitest';
import { MAX_QUESTION_CHARS } from '../../src/slack/messages.js';
import { parsePolicyCommand } from '../../src/slack/policy-command.js';
import { checkQuestion, plainQuestion } from '../../src/slack/question.js';

describe('plainQuestion', () => {
  it('drops mentions, with or without a label', () => {
    expect(plainQuestion('<@UBOT> 加氢站目标是多少')).toBe('加氢站目标是多少');
    expect(plainQuestion('<@U0123ABC|policybot>加氢站目标是多少 <@W999>')).toBe('加氢站目标是多少');
  });

  it('keeps the label of links and channels and undoes Slack’s escapes', () => {
    expect(plainQuestion('<#C123|新基建> 里 PUE &lt; 1.25 &amp; 上架率 &gt; 65% 吗')).toBe(
      '新基建 里 PUE < 1.25 & 上架率 > 65% 吗',
    );
    expect(plainQuestion('见 <https://www.shandong.gov.cn>')).toBe('见 https://www.shandong.gov.cn');
  });
});

describe('checkQuestion', () => {
  it('accepts a normal question', () => {
    expect(checkQuestion('<@UBOT> 加氢站目标是多少')).toEqual({ kind: 'ok', question: '加氢站目标是多少' });
  });

  it('calls a bare mention empty', () => {
    expect(checkQuestion('<@UBOT>   ')).toEqual({ kind: 'empty' });
  });

  it('refuses a question over the limit, counting characters not bytes', () => {
    expect(checkQuestion('问'.repeat(MAX_QUESTION_CHARS)).kind).toBe('ok');
    expect(checkQuestion('问'.repeat(MAX_QUESTION_CHARS + 1))).toEqual({
      kind: 'too_long',
      length: MAX_QUESTION_CHARS + 1,
    });
    expect(checkQuestion('加氢站'.repeat(4000)).kind).toBe('too_long');
  });
});

describe('parsePolicyCommand', () => {
  it.each([
    ['', { kind: 'help' }],
    ['help', { kind: 'help' }],
    ['帮助', { kind: 'help' }],
    ['units 省能源局', { kind: 'units', unit: '省能源局' }],
    ['UNITS  省 能源局', { kind: 'units', unit: '省 能源局' }],
    ['单位 省能源局', { kind: 'units', unit: '省能源局' }],
    ['units', { kind: 'units', unit: '' }],
    ['targets', { kind: 'targets', keyword: '' }],
    ['targets 5G', { kind: 'targets', keyword: '5G' }],
    ['目标 加氢站', { kind: 'targets', keyword: '加氢站' }],
    ['加氢站目标是多少', { kind: 'ask', question: '加氢站目标是多少' }],
    ['quiz', { kind: 'quiz', part: null, count: null, audience: 'private' }],
    ['quiz 智慧+民生 5', { kind: 'quiz', part: '智慧+民生', count: 5, audience: 'private' }],
    ['测验 channel 2.1', { kind: 'quiz', part: '2.1', count: null, audience: 'channel' }],
    ['QUIZ 频道 10', { kind: 'quiz', part: null, count: 10, audience: 'channel' }],
    ['  5G基站 建设目标 ', { kind: 'ask', question: '5G基站 建设目标' }],
  ])('parses %j', (text, expected) => {
    expect(parsePolicyCommand(text)).toEqual(expected);
  });
});
