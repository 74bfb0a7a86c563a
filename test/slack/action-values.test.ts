import { describe, expect, it } from 'vitest';
import { decodeClauseRef, decodeQuestionId, encodeClauseRef, encodeQuestionId } from '../../src/slack/action-values.js';

describe('button values', () => {
  it('round-trips a clause reference', () => {
    const ref = { doc: 'shandong-new-infrastructure-2020-2022', section: '2.2.1' };
    expect(decodeClauseRef(encodeClauseRef(ref))).toEqual(ref);
  });

  it.each([undefined, '', 'not json', '{"doc":"x"}', '{"doc":1,"section":"2.2.1"}', '[]'])(
    'rejects the clause value %j',
    (value) => {
      expect(decodeClauseRef(value)).toBeUndefined();
    },
  );

  it('round-trips a question id and rejects anything else', () => {
    expect(decodeQuestionId(encodeQuestionId(42))).toBe(42);
    for (const bad of [undefined, '', '0', '-1', '1.5', '42; DROP TABLE votes', '99999999999999999']) {
      expect(decodeQuestionId(bad)).toBeUndefined();
    }
  });
});
