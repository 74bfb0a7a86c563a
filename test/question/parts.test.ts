import { describe, expect, it } from 'vitest';
import { findPart, type Part } from '../../src/question/parts.js';

const part = (doc: string, section: string, heading: string): Part => ({
  doc,
  node: { section, marker: `${section}、`, heading, path: `${section}、${heading}`, line: 1 },
  heading,
});

// Two documents that share their parts' names, as policies of one series do, and one part of their own.
const parts = [
  part('a', '2', '融合基础设施提升行动'),
  part('a', '3', '创新基础设施突破行动'),
  part('b', '2', '融合基础设施提升行动'),
  part('b', '3', '创新基础设施突破行动'),
  part('b', '4', '保障措施'),
  part('b', '5', '智慧交通'),
  part('b', '6', '智慧能源'),
];

describe('findPart', () => {
  it('finds the part whose heading the question names most of, the first document standing for the others', () => {
    expect(findPart('创新基础设施包括哪些', parts)).toBe(parts[1]);
    expect(findPart('融合基础设施提升行动有哪些任务', parts)).toBe(parts[0]);
    expect(findPart('保障措施有哪些', parts)).toBe(parts[4]);
  });

  it('finds none when the question names too little of any heading, or two headings equally', () => {
    expect(findPart('基础设施有哪些', parts)).toBeUndefined();
    expect(findPart('加氢站目标是多少', parts)).toBeUndefined();
    expect(findPart('智慧交通和智慧能源', parts)).toBeUndefined();
  });
});
